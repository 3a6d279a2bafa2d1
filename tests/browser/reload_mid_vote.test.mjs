// A phone reloaded (or a second phone opened) after voting shows 已投票 and
// does not offer a fresh ballot: the server's welcome says where the person
// stands. A change is offered while the server can make one (a named vote;
// a secret vote while it holds the receipt), not after gaveld restarted.
// The rule and outcome are the server's structured words, in zh and en. A
// phone that paints only after the welcome came shows the meeting too.
// Usage: node reload_mid_vote.test.mjs GAVELD WEB_DIR MEETING_TOML
import { checkAccessibility, launch, phone, slowFirstPaint } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { checkIn, clickConfirmed, ids, openByLink, openChair, openPage, vote } from "./support/meeting.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, meeting] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];

async function openVote(chair, secret) {
  await chair.page.selectOption("[data-testid=vote-motion]", { index: 0 });
  if ((await chair.page.isChecked("[data-testid=vote-secret]")) !== secret) await chair.page.click("[data-testid=vote-secret]");
  await chair.page.click("[data-testid=open-vote]");
}

/** A named vote has no receipt: the page says the ballot went in. */
async function voteNamed(p, choice) {
  await p.page.check(`[data-testid=choice-${choice}]`);
  await p.page.click("[data-testid=submit-vote]");
  await p.page.click("[data-testid=confirm-vote]");
  await p.page.waitForSelector("[data-testid=voted]:has-text('投票已提交')");
}

async function expectVoted(p, where, { canChange }) {
  await p.page.waitForSelector("[data-testid=voted]:has-text('已投票')");
  if (await p.page.$("[data-testid=submit-vote]")) throw new Error(`${where}: a fresh ballot is offered after voting`);
  const change = !!(await p.page.$("[data-testid=change-vote]"));
  if (change !== canChange) throw new Error(`${where}: a change is ${change ? "" : "not "}offered`);
}

async function run() {
  await gaveld.start();
  const browser = await launch();
  const chair = await openChair(browser, gaveld, problems);
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems);
  const B = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.B), "B", problems);
  await chair.page.click("[data-testid=start-meeting]");
  await checkIn(A);
  await checkIn(B);
  await chair.page.click("[data-testid=open-parking]");
  await A.page.click("#motions summary");
  await A.page.fill("#motions textarea", "采用方案A：错峰共享停车");
  await A.page.click("#motions details .btn.primary");
  await B.page.click("[data-testid=second-1]");
  await chair.page.waitForSelector("[data-testid=motion-1]:has-text('辩论中')");

  console.log("- a secret vote: the rule in the server's words, on the phone that folded the opening");
  await openVote(chair, true);
  await A.page.waitForSelector("[data-testid=vote-rule]:has-text('赞成票多于反对票即通过')");
  await chair.page.waitForSelector("#chair-vote:has-text('赞成票多于反对票即通过')");
  const receipt = await vote(A, 0);

  console.log("- A reloads: 已投票 with the receipt, and 改票 while the server holds it");
  await A.page.reload();
  await expectVoted(A, "A reloaded", { canChange: true });

  console.log("- A on a second phone (nothing stored there): 已投票, the receipt from the server");
  const A2 = await openPage(browser, phone, `${gaveld.url}j/${gaveld.tokenOf(ids.A)}`, "A2", problems);
  await expectVoted(A2, "A's second phone", { canChange: true });
  const shown = await A2.page.getAttribute("[data-testid=receipt]", "data-receipt");
  if (shown !== receipt) throw new Error(`the second phone shows receipt ${shown}, the ballot's is ${receipt}`);
  await checkAccessibility(A2.page, "phone page, voted on another phone");
  await A2.page.click("[data-testid=change-vote]");
  const changed = await vote(A2, 1);
  if (changed !== receipt) throw new Error(`the change got receipt ${changed}`);

  console.log("- gaveld restarts mid-vote: the ballot stands, a change is no longer offered");
  await gaveld.restart();
  await A.page.waitForSelector("[data-testid=link-status]:has-text('已连接')", { timeout: 30000 });
  await A.page.reload();
  await expectVoted(A, "A after the restart", { canChange: false });
  await A.page.waitForSelector("[data-testid=no-change]");

  console.log("- B's phone paints after the welcome came: the page shows the ballot, not 正在连接");
  const slowB = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.B), "B slow to paint", problems, phone, slowFirstPaint);
  await slowB.page.waitForSelector("[data-testid=submit-vote]");
  await slowB.context.close();

  console.log("- B has not voted: B's reloaded page still offers the ballot");
  await B.page.reload();
  await B.page.waitForSelector("[data-testid=submit-vote]");
  await vote(B, 0);

  console.log("- the close: outcome and rule as the server words them, in Chinese and English");
  await chair.page.waitForSelector("[data-testid=link-status]:has-text('已连接')", { timeout: 30000 });
  await clickConfirmed(chair.page, "close-vote");
  await A.page.waitForSelector("[data-testid=result-rule]:has-text('赞成票多于反对票即通过')");
  await A.page.click(".topbar .tool >> nth=1");
  await A.page.waitForSelector("[data-testid=result-rule]:has-text('carried when yes outnumbers no')");
  await A.page.click(".topbar .tool >> nth=1");

  console.log("- a named vote: reloaded after voting, 已投票 and a change offered");
  await A.page.click("#motions summary");
  await A.page.fill("#motions textarea", "公示停车收费标准");
  await A.page.click("#motions details .btn.primary");
  await B.page.click("[data-testid=second-2]");
  await chair.page.waitForSelector("[data-testid=motion-2]:has-text('辩论中')");
  await openVote(chair, false);
  await B.page.waitForSelector("[data-testid=vote-question]:has-text('公示')");
  await voteNamed(B, 0);
  await B.page.reload();
  await expectVoted(B, "B reloaded in a named vote", { canChange: true });
  await B.page.click("[data-testid=change-vote]");
  await voteNamed(B, 1);
  await chair.page.waitForSelector("[data-testid=turnout]:has-text('已投 1 /')");
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 150,
});
