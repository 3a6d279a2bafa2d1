// A command whose answer is lost with the connection is sent again by the
// page after it reconnects, with the same idempotency key, and is carried
// out once: the chair's "next speaker" does not skip the second person in
// the list, the secretary's dissent and a phone's motion are not recorded
// twice. Each page talks to gaveld through a pass-through that first drops
// the server's bytes (the command arrives, its answer does not), then cuts.
// Usage: node retried_commands.test.mjs GAVELD WEB_DIR MEETING_TOML
import { Cable } from "./support/cable.mjs";
import { laptop, launch } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { checkIn, ids, openByLink, openChair, openPage } from "./support/meeting.mjs";
import { waitUntil } from "./support/wait.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, meeting] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];
const cables = [];

const logged = (action) => gaveld.log.split("\n").filter((l) => new RegExp(`gaveld: #\\d+ ${action} by`).test(l)).length;

/** Clicks `testid` with the answer lost, cuts, mends, and waits for the page to settle. */
async function lostAnswer(p, cable, testid, action, settled) {
  const before = logged(action);
  cable.deafen();
  await p.page.click(`[data-testid=${testid}]`);
  await waitUntil(`gaveld carries out ${action}`, () => logged(action) === before + 1, 10000, () => gaveld.log);
  const waiting = await p.page.evaluate(() => document.querySelector(".btn[aria-busy=true]") !== null);
  if (!waiting) throw new Error(`${p.name}: the button of ${action} did not wait for its answer`);
  cable.sever();
  await p.page.waitForSelector("[data-testid=link-status]:has-text('网络中断')");
  cable.mend();
  await p.page.waitForSelector("[data-testid=link-status]:has-text('已连接')", { timeout: 30000 });
  await settled();
  if (logged(action) !== before + 1) throw new Error(`${action} was carried out ${logged(action) - before} times`);
}

async function run() {
  await gaveld.start();
  const browser = await launch();
  const through = async () => {
    const cable = new Cable(gaveld.port);
    cables.push(cable);
    return { cable, base: `http://127.0.0.1:${await cable.listen()}/` };
  };

  const chairLine = await through();
  const chair = await openPage(browser, laptop, `${chairLine.base}chair#token=${gaveld.chairToken}`, "chair", problems);
  await chair.page.waitForSelector("[data-testid=link-status]:has-text('已连接')");
  const deskLine = await through();
  const desk = await openPage(browser, laptop, `${deskLine.base}secretary#token=${gaveld.secretaryToken}`, "secretary", problems);
  await desk.page.waitForSelector("[data-testid=link-status]:has-text('已连接')");
  const phoneLine = await through();
  const C = await openByLink(browser, phoneLine.base, gaveld.tokenOf(ids.C), "C", problems);
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems);
  const B = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.B), "B", problems);

  await chair.page.click("[data-testid=start-meeting]");
  for (const p of [A, B, C]) await checkIn(p);
  await chair.page.click("[data-testid=open-parking]");
  await A.page.waitForSelector("[data-testid=item-title]");
  await A.page.click("[data-testid=ask-to-speak]");
  await A.page.waitForSelector("[data-testid=my-place]:has-text('第 1 位')");
  await B.page.click("[data-testid=ask-to-speak]");
  await B.page.waitForSelector("[data-testid=my-place]:has-text('第 2 位')");

  console.log("- the chair's 'next speaker' loses its answer: A gets the floor once, B keeps waiting");
  await chair.page.waitForSelector("[data-testid=queue] li:has-text('黄志强')");
  await lostAnswer(chair, chairLine.cable, "next-speaker", "next_speaker", async () => {
    await chair.page.waitForSelector("[data-testid=next-speaker]:not([aria-busy=true])");
  });
  await A.page.waitForSelector("[data-testid=speaker]:has-text('王秀兰')");
  await B.page.waitForSelector("[data-testid=my-place]:has-text('第 1 位')");
  const speaking = await chair.page.textContent("[data-testid=speaker]");
  if (!speaking.includes("王秀兰")) throw new Error(`the chair's console shows another speaker: ${speaking}`);

  console.log("- the secretary's dissent loses its answer: recorded once, the box emptied");
  const text = "临时车位不能占用消防通道";
  await desk.page.fill("[data-testid=desk-dissent-text]", text);
  await lostAnswer(desk, deskLine.cable, "desk-dissent-save", "record_dissent", async () => {
    await waitUntil("the desk empties the box once the dissent is acknowledged", async () => (await desk.page.inputValue("[data-testid=desk-dissent-text]")) === "");
  });
  const records = await desk.page.locator(`[data-testid=dissent-records] li:has-text('${text}')`).count();
  if (records !== 1) throw new Error(`the dissent is listed ${records} times`);

  console.log("- a phone's motion loses its answer: proposed once");
  const motion = "在小区东侧增设临时车位二十个";
  await C.page.click("#motions details summary");
  await C.page.fill("#motions textarea", motion);
  await lostAnswer(C, phoneLine.cable, "phone-propose-motion", "propose_motion", async () => {
    await waitUntil("the phone empties the motion box once acknowledged", async () => (await C.page.inputValue("#motions textarea")) === "");
  });
  await chair.page.waitForSelector(`li[data-testid^=motion-]:has-text('${motion}')`);
  const motions = await chair.page.locator(`li[data-testid^=motion-]:has-text('${motion}')`).count();
  if (motions !== 1) throw new Error(`the motion is listed ${motions} times`);
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 150,
  closeAlso: async () => {
    for (const c of cables) await c.close();
  },
});
