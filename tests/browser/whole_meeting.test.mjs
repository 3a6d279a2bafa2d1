// A whole meeting in real Chromium against the real gaveld: the chair's
// console, the secretary's desk and five phones (two at 360x640), joining by
// link and by personal code, check-in, a speech with its countdown, a point
// of order jumping the list, a dissent, a motion with a second, a secret vote
// with a changed ballot and a network loss mid-ballot, the close, the result
// and every receipt found in the published list; axe-core on every page.
// Usage: node whole_meeting.test.mjs GAVELD WEB_DIR MEETING_TOML
import { Cable } from "./support/cable.mjs";
import { checkAccessibility, launch, phone } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { checkIn, clickConfirmed, ids, openByCode, openByLink, openChair, openPage, openSecretary, vote } from "./support/meeting.mjs";
import { waitUntil } from "./support/wait.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, meeting] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];
let cable;

async function fitsWidth(page, where) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (scroll > inner) throw new Error(`${where}: the page is ${scroll}px wide in a ${inner}px window`);
}

function step(text) {
  console.log(`- ${text}`);
}

async function run() {
  await gaveld.start();
  const browser = await launch();
  cable = new Cable(gaveld.port);
  const cablePort = await cable.listen();

  step("the chair and the secretary open their links");
  const chair = await openChair(browser, gaveld, problems);
  const desk = await openSecretary(browser, gaveld, problems);
  await checkAccessibility(chair.page, "chair console before the start");

  step("five participants join: one by personal code (or link), the others by link");
  const code = gaveld.codeOf(ids.A);
  const A = code
    ? await openByCode(browser, gaveld.url, code, "A", problems)
    : await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems);
  if (!code) console.log("  (participants.csv has no join codes yet: A joined by link)");
  const B = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.B), "B", problems);
  const C = await openByLink(browser, `http://127.0.0.1:${cablePort}/`, gaveld.tokenOf(ids.C), "C", problems, { viewport: { width: 800, height: 900 }, locale: "zh-CN" });
  const D = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.D), "D", problems, { viewport: { width: 412, height: 915 }, locale: "zh-CN" });
  const E = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.E), "E", problems, { viewport: { width: 1024, height: 768 }, locale: "zh-CN" });
  const everyone = [A, B, C, D, E];
  if (A.page.url().includes("token=")) throw new Error("the token stayed in the address bar");
  await checkAccessibility(A.page, "phone page, joined");

  step("the chair starts the meeting; the participants check in, the secretary checks others in at the door");
  await chair.page.click("[data-testid=start-meeting]");
  for (const p of everyone) await checkIn(p);
  await desk.page.fill("[data-testid=people-search]", "李淑芬");
  await desk.page.press("[data-testid=people-search]", "Enter");
  await desk.page.waitForSelector("[data-testid=person-p06]:has-text('已签到')");
  for (const id of ["p01", "p02", "p03", "p07", "p08", "p09", "p10", "p12"]) {
    await desk.page.click(`[data-testid=check-in-${id}]`);
    await desk.page.waitForSelector(`[data-testid=person-${id}]:has-text('已签到')`);
  }
  await chair.page.waitForSelector("[data-testid=attendance]:has-text('已达法定人数')");

  step("the chair opens the first item; two people ask to speak and see their places");
  await chair.page.click("[data-testid=open-parking]");
  await B.page.waitForSelector("[data-testid=item-title]:has-text('停车')");
  await B.page.click("[data-testid=ask-to-speak]");
  await B.page.waitForSelector("[data-testid=my-place]:has-text('第 1 位')");
  await C.page.check("[data-testid=kind-2]");
  await C.page.click("[data-testid=ask-to-speak]");
  await C.page.waitForSelector("[data-testid=my-place]:has-text('第 2 位')");

  step("the chair gives the floor with the N key; the countdown runs from the server's deadline");
  await chair.page.keyboard.press("n");
  await A.page.waitForSelector("[data-testid=speaker]:has-text('黄志强')");
  const left1 = Number(await A.page.getAttribute("[data-testid=countdown]", "data-left-ms"));
  await waitUntil("the countdown moves", async () => Number(await A.page.getAttribute("[data-testid=countdown]", "data-left-ms")) < left1 - 300);
  if (!(left1 > 290000 && left1 <= 300000)) throw new Error(`countdown started at ${left1} ms, expected just under 300000`);
  await A.page.waitForSelector("[data-testid=countdown]:has-text('剩余 4:')");
  await C.page.waitForSelector("[data-testid=my-place]:has-text('第 1 位')");

  step("a point of order jumps the list");
  await D.page.check("[data-testid=kind-5]");
  await D.page.click("[data-testid=ask-to-speak]");
  await C.page.waitForSelector("[data-testid=queue] li:first-child:has-text('郭小雨')");
  await C.page.waitForSelector("[data-testid=my-place]:has-text('第 2 位')");
  await chair.page.waitForSelector("[data-testid=queue] li:first-child:has-text('郭小雨')");

  step("the chair reorders the list from the keyboard (Alt+arrow keys)");
  await chair.page.focus("[data-testid=queue] li:first-child");
  await chair.page.keyboard.press("Alt+ArrowDown");
  await C.page.waitForSelector("[data-testid=my-place]:has-text('第 1 位')");
  await chair.page.waitForSelector("[data-testid=queue] li:first-child:has-text('徐晨')");
  await chair.page.focus("[data-testid=queue] li:nth-child(2)");
  await chair.page.keyboard.press("Alt+ArrowUp");
  await C.page.waitForSelector("[data-testid=my-place]:has-text('第 2 位')");

  step("half-typed dissent survives the floor changing hands; then it is recorded");
  const half = "我担心方案B占用绿地，";
  await E.page.fill("[data-testid=dissent-text]", half);
  await chair.page.keyboard.press("n");
  await E.page.waitForSelector("[data-testid=speaker]:has-text('郭小雨')");
  const kept = await E.page.inputValue("[data-testid=dissent-text]");
  if (kept !== half) throw new Error(`the half-typed dissent became '${kept}'`);
  await E.page.fill("[data-testid=dissent-text]", half + "老人失去活动场地。");
  await E.page.click("[data-testid=submit-dissent]");
  await E.page.waitForSelector("text=已记录");
  await desk.page.waitForSelector("[data-testid=dissent-records]:has-text('老人失去活动场地')");

  step("the secretary records an attributed dissent from the desk");
  await desk.page.selectOption("[data-testid=dissent-who]", ids.B);
  await desk.page.fill("[data-testid=desk-dissent-text]", "一楼住户反对在北侧绿地停车");
  await desk.page.click("[data-testid=desk-dissent-save]");
  await desk.page.waitForSelector("[data-testid=dissent-records] li:first-child:has-text('黄志强')");
  await chair.page.keyboard.press("e");
  await A.page.waitForSelector("text=目前无人发言");

  step("a motion from a phone, seconded from another phone");
  await A.page.click("#motions summary");
  await A.page.fill("#motions textarea", "采用方案A：与万和商场签订错峰共享停车协议");
  await A.page.click("#motions details .btn.primary");
  await B.page.click("[data-testid=second-1]");
  await chair.page.waitForSelector("[data-testid=motion-1]:has-text('辩论中')");

  step("the chair opens a secret vote on the motion");
  await chair.page.selectOption("[data-testid=vote-motion]", "1");
  if (!(await chair.page.isChecked("[data-testid=vote-secret]"))) throw new Error("a vote should be secret by default");
  await chair.page.click("[data-testid=open-vote]");
  for (const p of everyone) await p.page.waitForSelector("[data-testid=vote-question]:has-text('错峰')");
  await checkAccessibility(A.page, "phone page, vote open");

  step("200% zoom on a 360 px phone (180 CSS px) and the larger-text switch: nothing runs off the side");
  await fitsWidth(A.page, "vote open");
  await A.page.click(".topbar .tool >> nth=0");
  await A.page.waitForFunction(() => document.documentElement.classList.contains("big"));
  await A.page.setViewportSize({ width: 180, height: 320 });
  await fitsWidth(A.page, "vote open, 200% zoom, larger text");
  const size = await A.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".choice")).fontSize));
  if (size < 18) throw new Error(`ballot text is ${size}px`);
  await A.page.click(".topbar .tool >> nth=0");
  await A.page.setViewportSize({ width: 360, height: 640 });

  step("E reloads the page mid-meeting and is still in");
  await E.page.reload();
  await E.page.waitForSelector("[data-testid=vote-question]:has-text('错峰')");

  step("votes: one changed with its receipt, one across a network loss");
  const receipts = {};
  receipts.A = await vote(A, 0);
  const first = await vote(B, 1);
  await B.page.click("[data-testid=change-vote]");
  receipts.B = await vote(B, 0);
  if (receipts.B !== first) throw new Error(`a changed vote got a new receipt: ${first} then ${receipts.B}`);
  await B.page.waitForSelector("[data-testid=ballot-done] .chosen:has-text('赞成')");

  await C.page.check("[data-testid=choice-1]");
  cable.sever();
  await C.context.setOffline(true);
  await C.page.waitForSelector("[data-testid=link-status]:has-text('网络中断')");
  await chair.page.click("#chair-vote");  // the room goes on meanwhile
  await C.context.setOffline(false);
  cable.mend();
  await C.page.waitForSelector("[data-testid=link-status]:has-text('已连接')", { timeout: 30000 });
  if (!(await C.page.isChecked("[data-testid=choice-1]"))) throw new Error("the ballot was wiped by the reconnect");
  await C.page.click("[data-testid=submit-vote]");
  await C.page.click("[data-testid=confirm-vote]");
  await C.page.waitForSelector("[data-testid=receipt]");
  receipts.C = await C.page.getAttribute("[data-testid=receipt]", "data-receipt");
  receipts.D = await vote(D, 2);
  receipts.E = await vote(E, 0);
  await chair.page.waitForSelector("[data-testid=turnout]:has-text('已投 5 / 14 人')");

  step("the chair closes the vote; the result and every receipt in the published list");
  await clickConfirmed(chair.page, "close-vote");
  await chair.page.waitForSelector("[data-testid=last-result] [data-testid=outcome]:has-text('通过')");
  for (const p of everyone) {
    await p.page.waitForSelector("[data-testid=receipt-check]");
    const text = await p.page.textContent("[data-testid=receipt-check]");
    if (!text.includes("找到您的回执")) throw new Error(`${p.name}: ${text}`);
  }
  await checkAccessibility(A.page, "phone page, result");
  await fitsWidth(A.page, "result with receipts");

  step("a resolution with a responsible party and a deadline");
  await chair.page.click("#resolutions summary");
  await chair.page.fill("[data-testid=resolution-text]", "与万和商场签订错峰共享停车协议");
  await chair.page.fill("[data-testid=resolution-who]", "物业公司");
  await chair.page.fill("[data-testid=resolution-deadline]", "2026-04-30");
  await chair.page.click("[data-testid=record-resolution]");
  await desk.page.waitForSelector("[data-testid=resolutions]:has-text('物业公司')");
  await checkAccessibility(chair.page, "chair console, after the vote");
  await checkAccessibility(desk.page, "secretary desk");

  step("the chair shows a personal QR code for someone at the desk");
  await chair.page.fill("[data-testid=people-search]", "p20");
  await chair.page.click("[data-testid=qr-p20]");
  await chair.page.waitForSelector("[data-testid=personal-qr] svg, [data-testid=personal-qr] .error");
  if (await chair.page.$("[data-testid=personal-qr] svg")) {
    const link = await chair.page.textContent("[data-testid=qr-url]");
    const shown = (await chair.page.textContent("[data-testid=qr-code-text]")).trim();
    if (gaveld.codeOf("p20") && shown !== gaveld.codeOf("p20")) throw new Error(`the QR panel shows code ${shown}, participants.csv has ${gaveld.codeOf("p20")}`);
    const visitor = await openPage(browser, phone, link.replace(/^http:\/\/[^/]+\//, gaveld.url), "visitor", problems);
    await visitor.page.waitForSelector("[data-testid=my-name]:has-text('高颖')");
  } else {
    console.log(`  (this server does not hand out join links yet: ${await chair.page.textContent("[data-testid=personal-qr] .error")})`);
  }
  await checkAccessibility(chair.page, "chair console with a personal QR code");

  step("a fresh phone without a link sees the code form");
  const fresh = await browser.newContext(phone);
  const freshPage = await fresh.newPage();
  await freshPage.goto(gaveld.url);
  await freshPage.waitForSelector("[data-testid=join-code]");
  await checkAccessibility(freshPage, "join form");
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 150,
  closeAlso: async () => {
    if (cable) await cable.close();
  },
});
