// The secretary desk's part of the record: a dissent linked to the motion
// under debate, the draft minutes read on screen, then, after the meeting,
// the signature and the files taken away from the desk: the minutes as PDF
// (checked with pdftotext), Markdown, HTML and the action list, and the
// whole record as JSON; the chair's console downloads them too.
// Usage: node minutes_desk.test.mjs GAVELD WEB_DIR MEETING_TOML [GAVELCTL]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkAccessibility, launch } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { checkIn, clickConfirmed, ids, openByLink, openChair, openSecretary, vote } from "./support/meeting.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, meeting, gavelctl] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];

/** Clicks a download button and returns the file's bytes and suggested name. */
async function downloaded(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid=${testid}]`)]);
  const failure = await file.failure();
  if (failure) throw new Error(`${testid}: the download failed: ${failure}`);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

function pdfText(bytes, where) {
  if (bytes.subarray(0, 5).toString() !== "%PDF-") throw new Error(`${where}: not a PDF`);
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes }).toString();
}

function expectIn(text, words, where) {
  for (const w of words) if (!text.includes(w)) throw new Error(`${where} lacks '${w}'`);
}

async function run() {
  await gaveld.start();
  const browser = await launch();
  const chair = await openChair(browser, gaveld, problems);
  const desk = await openSecretary(browser, gaveld, problems);
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems);
  const B = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.B), "B", problems);
  await chair.page.click("[data-testid=start-meeting]");
  await checkIn(A);
  await checkIn(B);
  // The rest of the room at the door, so that the vote is quorate and carries.
  for (const id of ["p01", "p02", "p03", "p06", "p07", "p08", "p09", "p10", "p12", "p13", "p14", "p15"]) {
    await desk.page.click(`[data-testid=check-in-${id}]`);
    await desk.page.waitForSelector(`[data-testid=person-${id}]:has-text('已签到')`);
  }
  await chair.page.waitForSelector("[data-testid=attendance]:has-text('已达法定人数')");
  await chair.page.click("[data-testid=open-parking]");
  const motion = "采用方案A：与万和商场签订错峰共享停车协议";
  await A.page.click("#motions summary");
  await A.page.fill("#motions textarea", motion);
  await A.page.click("[data-testid=phone-propose-motion]");
  await B.page.click("[data-testid=second-1]");
  await chair.page.waitForSelector("[data-testid=motion-1]:has-text('辩论中')");

  console.log("- the secretary records dissent on the motion under debate, and on the item as a whole");
  await desk.page.waitForSelector("[data-testid=dissent-motion] option:has-text('#1')", { state: "attached" });
  await desk.page.selectOption("[data-testid=dissent-who]", ids.B);
  await desk.page.fill("[data-testid=desk-dissent-text]", "错峰协议没有写明夜间车位数量");
  await desk.page.click("[data-testid=desk-dissent-save]");
  await desk.page.waitForSelector("[data-testid=dissent-records] li:has-text('夜间车位'):has-text('针对动议 #1')");
  await chair.page.waitForSelector("#dissent-list li:has-text('夜间车位'):has-text('针对动议 #1')");
  await desk.page.selectOption("[data-testid=dissent-motion]", "none");
  await desk.page.fill("[data-testid=desk-dissent-text]", "议题材料公布太晚");
  await desk.page.click("[data-testid=desk-dissent-save]");
  await desk.page.waitForSelector("[data-testid=dissent-records] li:has-text('公布太晚')");
  if (await desk.page.$("[data-testid=dissent-records] li:has-text('公布太晚'):has-text('针对动议')"))
    throw new Error("a dissent on the item as a whole is shown as linked to a motion");

  console.log("- the draft minutes on screen, during the meeting");
  await desk.page.click("[data-testid=show-draft]");
  const draft = desk.page.frameLocator("[data-testid=draft-frame]");
  await draft.locator("body:has-text('夜间车位')").waitFor();
  await draft.locator("body:has-text('草稿')").waitFor();
  await checkAccessibility(desk.page, "secretary desk with the draft minutes");

  console.log("- a vote, a resolution, the end of the meeting");
  await chair.page.click("[data-testid=open-vote]");
  await vote(A, 0);
  await vote(B, 0);
  await clickConfirmed(chair.page, "close-vote");
  await chair.page.waitForSelector("[data-testid=last-result] [data-testid=outcome]:has-text('通过')");
  await chair.page.click("#resolutions summary");
  await chair.page.fill("[data-testid=resolution-who]", "物业公司");
  await chair.page.fill("[data-testid=resolution-deadline]", "2026-04-30");
  await chair.page.click("[data-testid=record-resolution]");
  await desk.page.waitForSelector("[data-testid=resolutions]:has-text('物业公司')");
  await chair.page.click("[data-testid=close-item]");
  await clickConfirmed(chair.page, "end-meeting");
  await desk.page.waitForSelector("[data-testid=minutes-state]:has-text('草稿待签署')");

  console.log("- before the signature every file is a marked draft; the record is whole");
  const draftPdf = await downloaded(desk.page, "download-pdf");
  expectIn(pdfText(draftPdf.bytes, "draft PDF"), ["草稿", "夜间车位"], "the draft PDF");
  if (!draftPdf.name.includes("draft")) throw new Error(`draft file named ${draftPdf.name}`);

  console.log("- the secretary signs; the signed files download from the desk");
  await desk.page.click("[data-testid=sign-minutes]");
  await desk.page.waitForSelector("[data-testid=minutes-state]:has-text('签署')");
  await desk.page.waitForSelector("text=下载已签署的第 1 版");
  const pdf = await downloaded(desk.page, "download-pdf");
  const text = pdfText(pdf.bytes, "signed PDF");
  expectIn(text, ["停车", "夜间车位", "公布太晚", "物业公司", "2026-04-30"], "the signed PDF");
  if (text.includes("（草稿）")) throw new Error("the signed PDF is marked as a draft");
  const md = (await downloaded(desk.page, "download-markdown")).bytes.toString();
  expectIn(md, ["夜间车位", "物业公司"], "the Markdown minutes");
  const html = (await downloaded(desk.page, "download-html")).bytes.toString();
  expectIn(html, ["<html", "夜间车位"], "the HTML minutes");
  const csv = (await downloaded(desk.page, "download-csv")).bytes;
  if (csv.subarray(0, 3).toString("hex") !== "efbbbf") throw new Error("the action list has no UTF-8 BOM");
  expectIn(csv.toString(), ["物业公司", "2026-04-30"], "the action list");
  const record = await downloaded(desk.page, "download-record");
  const json = JSON.parse(record.bytes.toString());
  if (json.format !== "gavel-record-1") throw new Error(`record format ${json.format}`);
  const events = json.meetings.flatMap((m) => m.events);
  const linked = events.find((e) => e.event && e.event.dissentRecorded && e.event.dissentRecorded.text.includes("夜间车位"));
  if (!linked || String(linked.event.dissentRecorded.motionId) !== "1") throw new Error(`the record's dissent is not linked to motion 1: ${JSON.stringify(linked)}`);
  if (!events.every((e) => e.hash)) throw new Error("an event of the record has no hash");
  if (gavelctl) {
    // The file from the desk is one gavelctl verify accepts: the chain whole, the seal matching.
    const file = join(gaveld.dir, record.name);
    writeFileSync(file, record.bytes);
    const said = execFileSync(gavelctl, ["verify", file]).toString();
    console.log(`  gavelctl verify: ${said.trim().split("\n")[0]}`);
  }
  await checkAccessibility(desk.page, "secretary desk, minutes signed");

  console.log("- the chair's console downloads the signed minutes too");
  const chairPdf = await downloaded(chair.page, "download-pdf");
  expectIn(pdfText(chairPdf.bytes, "chair's PDF"), ["夜间车位"], "the chair's PDF");
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 150,
});
