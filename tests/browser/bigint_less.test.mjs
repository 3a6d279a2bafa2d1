// The pages where BigInt is missing (old WebViews): 64-bit fields arrive as
// strings through protobuf-es's fallback. The chair and a phone run with
// BigInt deleted before the page loads: check-in, a 10-second speech whose
// countdown runs into overtime and back (pause, +1 min), a motion seconded
// on someone's behalf, a secret vote with its receipt, the close and the result.
// Usage: node bigint_less.test.mjs GAVELD WEB_DIR MEETING_TOML
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { checkAccessibility, launch, laptop, phone } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { clickConfirmed, ids, openByLink, openPage, vote } from "./support/meeting.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, sample] = process.argv.slice(2);
// The sample meeting with 10-second speeches on the first item, to see overtime.
const scratch = mkdtempSync(join(tmpdir(), "gavel-bigint-"));
const meeting = join(scratch, "meeting.toml");
writeFileSync(
  meeting,
  readFileSync(sample, "utf8")
    .replace(/roster = "roster.csv"/, `roster = "${resolve(dirname(sample), "roster.csv")}"`)
    .replace(/speech_limit_s = 300/, "speech_limit_s = 10"),
);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];
const noBigInt = "delete globalThis.BigInt;";

async function run() {
  await gaveld.start();
  const browser = await launch();
  const chair = await openPage(browser, laptop, `${gaveld.url}chair#token=${gaveld.chairToken}`, "chair", problems, noBigInt);
  await chair.page.waitForSelector("[data-testid=link-status]:has-text('已连接')");
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems, phone, noBigInt);
  for (const p of [chair, A]) {
    const kind = await p.page.evaluate(() => typeof globalThis.BigInt);
    if (kind !== "undefined") throw new Error(`${p.name}: BigInt is still there (${kind})`);
  }
  console.log("- BigInt is gone on both pages; the meeting runs");
  await chair.page.click("[data-testid=start-meeting]");
  await A.page.click("[data-testid=check-in]");
  await A.page.waitForSelector("[data-testid=presence]:has-text('已签到')");
  await chair.page.click("[data-testid=open-parking]");
  await A.page.click("[data-testid=ask-to-speak]");
  await A.page.waitForSelector("[data-testid=my-place]:has-text('第 1 位')");
  await chair.page.keyboard.press("n");
  await A.page.waitForSelector("[data-testid=countdown]:has-text('剩余 0:')");
  console.log("- a 10-second speech runs into overtime on the phone and on the console");
  await A.page.waitForSelector("[data-testid=countdown].over:has-text('超时 0:')", { timeout: 20000 });
  await chair.page.waitForSelector("[data-testid=overtime-warning]", { timeout: 5000 });
  await chair.page.click("[data-testid=pause]");
  await A.page.waitForSelector("[data-testid=countdown]:has-text('已暂停')");
  await chair.page.click("[data-testid=extend]");
  await A.page.waitForSelector("[data-testid=countdown]:not(.over):has-text('剩余 0:')");
  await chair.page.waitForSelector("[data-testid=overtime-warning]", { state: "detached" });
  await chair.page.click("[data-testid=resume]");
  await chair.page.click("[data-testid=end-speech]");
  console.log("- a speech paused, extended and ended; a motion from the phone, seconded by the chair on someone's behalf");
  await A.page.click("#motions summary");
  await A.page.fill("#motions textarea", "开展停车问卷复核");
  await A.page.click("#motions details .btn.primary");
  await chair.page.waitForSelector("[data-testid=motion-1]");
  await chair.page.click("[data-testid=check-in-p01]");
  await chair.page.waitForSelector("[data-testid=person-p01]:has-text('已签到')");
  await chair.page.selectOption("#chair-motions select >> nth=0", "p01");
  await chair.page.click("[data-testid=motion-1] .btn:has-text('附议')");
  await chair.page.waitForSelector("[data-testid=motion-1]:has-text('辩论中')");
  console.log("- a secret vote");
  await chair.page.click("[data-testid=open-vote]");
  const receipt = await vote(A, 0);
  await chair.page.waitForSelector("[data-testid=turnout]:has-text('已投 1 / 2 人')");
  await clickConfirmed(chair.page, "close-vote");
  await A.page.waitForSelector(`[data-testid=receipt-check]:has-text('${receipt.slice(0, 4)} ${receipt.slice(4, 8)}')`);
  await A.page.waitForSelector("[data-testid=receipt-check]:has-text('找到您的回执')");
  await chair.page.waitForSelector("[data-testid=last-result] [data-testid=outcome]");
  await checkAccessibility(A.page, "phone page without BigInt");
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 120,
  afterwards: () => rmSync(scratch, { recursive: true, force: true }),
});
