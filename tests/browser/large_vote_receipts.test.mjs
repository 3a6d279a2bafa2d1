// A secret vote of 300 (more than the 256 receipts a phone is sent with the
// result): 299 Wi-Fi clickers and one phone vote; at the close the phone is
// sent the result without the list, asks for the receipts beginning like its
// own, and says 找到您的回执 with its choice. The clickers speak the
// documented device protocol (support/clicker.mjs) from a blank page.
// Usage: node large_vote_receipts.test.mjs GAVELD WEB_DIR MEETING_TOML GAVELCTL CLICKER_SIM
// (the sample meeting and gavelctl are not used: the simulator writes the meeting)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, phone } from "./support/browser.mjs";
import { devicePage, helloFrame, pressFrame } from "./support/clicker.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { checkIn, clickConfirmed, openByLink, openChair, vote } from "./support/meeting.mjs";
import { runBrowserTest } from "./support/run.mjs";

const kPeople = 300;
const [binary, web, , , simulator] = process.argv.slice(2);
const person = (i) => `P${String(i).padStart(5, "0")}`;

/** A meeting of kPeople, each with a Wi-Fi clicker, as the clicker simulator writes it. */
function writeMeeting(dir) {
  execFileSync(simulator, ["--write-meeting", dir, "--scenario", "council-150", "--clickers", String(kPeople)]);
  return join(dir, "meeting.toml");
}

const meetingDir = mkdtempSync(join(tmpdir(), "gavel-large-vote-"));
const gaveld = new Gaveld({ binary, web, meeting: writeMeeting(meetingDir) });
const problems = [];

/** Each device connects, says hello, presses `key(n)` and waits for its
 *  answer; eight at a time: Chromium delays a page's new WebSockets by
 *  seconds while many of its handshakes are pending. */
async function pressAll(page, devices, key, bootId) {
  const jobs = devices.map(({ id, token }, n) => ({
    id,
    hello: helloFrame(1, token, 80, -60),
    press: pressFrame(2, id, bootId, 1, key(n)),
  }));
  const failed = await page.evaluate(async (all) => {
    const one = (job) =>
      new Promise((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ws`);
        ws.binaryType = "arraybuffer";
        let answers = 0;
        const timer = setTimeout(() => resolve(`${job.id}: no answer`), 15000);
        ws.onopen = () => ws.send(new Uint8Array(job.hello));
        ws.onmessage = () => {
          if (++answers === 1) return ws.send(new Uint8Array(job.press));
          clearTimeout(timer);
          ws.close();
          resolve(null);
        };
        ws.onerror = () => resolve(`${job.id}: the WebSocket failed`);
      });
    const problems = [];
    for (let i = 0; i < all.length; i += 8) problems.push(...(await Promise.all(all.slice(i, i + 8).map(one))).filter(Boolean));
    return problems;
  }, jobs);
  if (failed.length) throw new Error(`clickers unanswered: ${failed.slice(0, 5).join("; ")}`);
}

async function run() {
  await gaveld.start();
  const browser = await launch();
  const fleet = JSON.parse(readFileSync(join(gaveld.dir, "data", "clickers.json"), "utf8"));
  const devices = fleet.devices.filter((d) => d.holder !== person(1)).map((d) => ({ id: d.id, token: d.token }));
  if (devices.length !== kPeople - 1) throw new Error(`clickers.json has ${devices.length + 1} devices, not ${kPeople}`);

  const chair = await openChair(browser, gaveld, problems);
  await chair.page.click("[data-testid=start-meeting]");
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(person(1)), "A", problems, phone);
  await checkIn(A);
  const room = await devicePage(browser, gaveld.url);

  console.log(`- ${kPeople - 1} clickers check in with the presence key`);
  await pressAll(room.page, devices, () => 11, 41);
  const pressed = Date.now();
  await chair.page.waitForSelector(`[data-testid=attendance]:has-text('出席 ${kPeople} / ${kPeople} 人')`);
  console.log(`  the chair's console showed them ${Date.now() - pressed} ms after the last press`);
  // A hall is found by the search: the list shows 200 and says how many more.
  const listed = await chair.page.locator("#people-chair li[data-testid^=person-]").count();
  if (listed !== 200) throw new Error(`the chair's list shows ${listed} people, not 200 of ${kPeople}`);
  await chair.page.waitForSelector(`[data-testid=people-more]:has-text('另有 ${kPeople - 200} 人未列出')`);
  await chair.page.fill("[data-testid=people-search]", person(299));
  await chair.page.waitForSelector(`[data-testid=person-${person(299)}]:has-text('已签到')`);
  await chair.page.fill("[data-testid=people-search]", "");

  console.log("- a motion, and a secret vote on it");
  await chair.page.click("[data-testid=open-drill]");
  await chair.page.click("#chair-motions details summary");
  await chair.page.selectOption("[data-testid=motion-mover]", person(2));
  await chair.page.fill("[data-testid=motion-text]", "通过演练议案");
  await chair.page.click("[data-testid=propose-motion]");
  await chair.page.waitForSelector("[data-testid=motion-1]");
  await chair.page.selectOption("#chair-motions > label.field select", person(3));
  await chair.page.click("[data-testid=motion-1] .btn:has-text('附议')");
  await chair.page.waitForSelector("[data-testid=motion-1]:has-text('辩论中')");
  await chair.page.selectOption("[data-testid=vote-motion]", "1");
  if (!(await chair.page.isChecked("[data-testid=vote-secret]"))) throw new Error("a vote should be secret by default");
  await chair.page.click("[data-testid=open-vote]");

  console.log(`- the phone and ${kPeople - 1} clickers vote`);
  const receipt = await vote(A, 1);
  await pressAll(room.page, devices, (n) => 1 + (n % 3), 42);
  await chair.page.waitForSelector(`[data-testid=turnout]:has-text('已投 ${kPeople} / ${kPeople} 人')`);

  console.log("- the close: the phone finds its receipt among those beginning like it");
  await clickConfirmed(chair.page, "close-vote");
  await chair.page.waitForSelector("[data-testid=last-result] [data-testid=outcome]");
  await A.page.waitForSelector("[data-testid=receipt-check]", { timeout: 20000 });
  const said = await A.page.textContent("[data-testid=receipt-check]");
  if (!said.includes("找到您的回执") || !said.includes("反对")) throw new Error(`the phone says: ${said}`);
  // The bucket of one hex character is about a sixteenth of the list, never all of it.
  const shown = await A.page.locator("ul.receipts li").count();
  if (!(shown > 0 && shown < kPeople)) throw new Error(`the phone lists ${shown} receipts, not those beginning like ${receipt}`);
  const mine = await A.page.locator("ul.receipts li.mine").count();
  if (mine !== 1) throw new Error(`the phone's own receipt is marked ${mine} times`);
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 150,
  afterwards: () => rmSync(meetingDir, { recursive: true, force: true }),
});
