// The chair's clicker view: every enrolled clicker with its holder, battery,
// signal and when it was last heard from, low batteries and silent devices
// marked; pairing a clicker to a participant (and back) from the console,
// written to clickers.json; and, while a vote is open, which paired
// clickers' holders have voted. Two Wi-Fi clickers speak the documented
// device protocol from a browser page.
// Usage: node clicker_view.test.mjs GAVELD WEB_DIR MEETING_TOML
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAccessibility, launch, phone } from "./support/browser.mjs";
import { TestClicker, devicePage } from "./support/clicker.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { openChair, openPage } from "./support/meeting.mjs";
import { waitUntil } from "./support/wait.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, meeting] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];

const fleetFile = () => JSON.parse(readFileSync(join(gaveld.dir, "data", "clickers.json"), "utf8"));
const tokenOf = (id) => fleetFile().devices.find((d) => d.id === id).token;

async function run() {
  await gaveld.start();
  const browser = await launch();
  const chair = await openChair(browser, gaveld, problems);
  await chair.page.waitForSelector("[data-testid=clicker-table]");
  const rows = await chair.page.locator("[data-testid=clicker-table] tbody tr").count();
  const enrolled = fleetFile().devices.filter((d) => !d.revoked).length;
  if (rows !== enrolled) throw new Error(`the console lists ${rows} clickers, clickers.json has ${enrolled}`);
  await chair.page.waitForSelector("[data-testid=clicker-CK-0104] td:has-text('从未联系')");

  console.log("- two clickers say hello with their battery and signal");
  const room = await devicePage(browser, gaveld.url);
  const weak = new TestClicker(room.page, "CK-0104", tokenOf("CK-0104"));
  const faint = new TestClicker(room.page, "CK-0105", tokenOf("CK-0105"));
  await weak.connect(15, -70);
  await faint.connect(80, -92);
  await chair.page.waitForSelector("[data-testid=clicker-CK-0104]:has-text('15%'):has-text('在线')");
  await chair.page.waitForSelector("[data-testid=clicker-CK-0105]:has-text('-92 dBm')");
  const lowCell = await chair.page.getAttribute("[data-testid=clicker-CK-0104] td:nth-child(3)", "class");
  if (!/warn-cell/.test(lowCell || "")) throw new Error("a 15% battery is not marked");
  const poorCell = await chair.page.getAttribute("[data-testid=clicker-CK-0105] td:nth-child(4)", "class");
  if (!/warn-cell/.test(poorCell || "")) throw new Error("a -92 dBm signal is not marked");
  await chair.page.waitForSelector("[data-testid=clicker-summary]:has-text('1 台电量低')");

  console.log("- the chair pairs a clicker with someone, and unpairs it");
  await chair.page.selectOption("[data-testid=pair-CK-0106]", "p20");
  await waitUntil("clickers.json names p20 as CK-0106's holder", () => fleetFile().devices.find((d) => d.id === "CK-0106").holder === "p20");
  // The file is written before the pairing's event reaches the console (on the officers' next tick).
  await waitUntil("the console shows p20 as CK-0106's holder", async () => (await chair.page.inputValue("[data-testid=pair-CK-0106]")) === "p20");
  await chair.page.selectOption("[data-testid=pair-CK-0106]", "");
  await waitUntil("clickers.json has CK-0106 unpaired", () => !fleetFile().devices.find((d) => d.id === "CK-0106").holder);

  console.log("- the holders check in with the presence key; a secret vote opens; one of them presses");
  await chair.page.click("[data-testid=start-meeting]");
  await chair.page.waitForSelector("[data-testid=end-meeting]");
  await weak.press(11);
  await faint.press(11);
  await chair.page.waitForSelector("[data-testid=person-p04]:has-text('已签到')");
  await chair.page.click("[data-testid=open-parking]");
  await chair.page.click("#chair-motions details summary");
  await chair.page.selectOption("[data-testid=motion-mover]", "p04");
  await chair.page.fill("[data-testid=motion-text]", "采用方案A：错峰共享停车");
  await chair.page.click("[data-testid=propose-motion]");
  await chair.page.waitForSelector("[data-testid=motion-1]");
  await chair.page.selectOption("#chair-motions select >> nth=0", "p05");
  await chair.page.click("[data-testid=motion-1] button:has-text('附议')");
  await chair.page.waitForSelector("[data-testid=motion-1]:has-text('辩论中')");
  await chair.page.click("[data-testid=open-vote]");
  await chair.page.waitForSelector("[data-testid=clicker-turnout]:has-text('0 /')");
  await weak.press(1);
  await chair.page.waitForSelector("[data-testid=voted-CK-0104]:has-text('已投票')", { timeout: 15000 });
  await chair.page.waitForSelector("[data-testid=voted-CK-0105]:has-text('未投')");
  await chair.page.waitForSelector("[data-testid=turnout]:has-text('已投 1 /')");
  await checkAccessibility(chair.page, "chair console, clickers during a vote");

  console.log("- the same view on a phone-sized screen scrolls sideways inside its card only");
  const small = await openPage(browser, phone, `${gaveld.url}chair#token=${gaveld.chairToken}`, "chair-phone", problems);
  await small.page.waitForSelector("[data-testid=clicker-table]");
  const [scroll, inner] = await small.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (scroll > inner) throw new Error(`the console is ${scroll}px wide on a ${inner}px phone`);
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 120,
});
