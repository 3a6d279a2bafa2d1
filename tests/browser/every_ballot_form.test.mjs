// Every ballot form on the phone: one of several (named: no receipt), up to
// K of N (no more than K can be ticked), and the consensus check, where a
// block cannot be sent without its reason (and blocks the result). Motions
// are moved and seconded from the chair's console on people's behalf.
// Usage: node every_ballot_form.test.mjs GAVELD WEB_DIR MEETING_TOML
import { checkAccessibility, launch } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { clickConfirmed, ids, openByLink, openChair } from "./support/meeting.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, meeting] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];

async function motion(chair, number, text) {
  await chair.page.click("#chair-motions details summary");
  await chair.page.selectOption("[data-testid=motion-mover]", "p04");
  await chair.page.fill("[data-testid=motion-text]", text);
  await chair.page.click("[data-testid=propose-motion]");
  await chair.page.waitForSelector(`[data-testid=motion-${number}]`);
  await chair.page.selectOption("#chair-motions > label.field select", "p11");
  await chair.page.click(`[data-testid=motion-${number}] .btn:has-text('附议')`);
  await chair.page.waitForSelector(`[data-testid=motion-${number}]:has-text('辩论中')`);
  await chair.page.click("#chair-motions details summary");
}

async function openVote(chair, { form, options, max, secret }) {
  await chair.page.selectOption("[data-testid=vote-form]", String(form));
  if (options) await chair.page.fill("[data-testid=vote-options]", options.join("\n"));
  if (max) await chair.page.fill("#chair-vote input[type=number]", String(max));
  if ((await chair.page.isChecked("[data-testid=vote-secret]")) !== secret) await chair.page.click("[data-testid=vote-secret]");
  await chair.page.click("[data-testid=open-vote]");
  await chair.page.waitForSelector("[data-testid=close-vote]");
}

async function run() {
  await gaveld.start();
  const browser = await launch();
  const chair = await openChair(browser, gaveld, problems);
  await chair.page.click("[data-testid=start-meeting]");
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems);
  for (const id of ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12", "p13", "p14"]) {
    await chair.page.click(`[data-testid=check-in-${id}]`);
    await chair.page.waitForSelector(`[data-testid=person-${id}]:has-text('已签到')`);
  }
  await chair.page.click("[data-testid=open-parking]");
  await A.page.waitForSelector("[data-testid=item-title]");

  console.log("- one of several, named");
  await motion(chair, 1, "在方案A、B、C中选定一个");
  await openVote(chair, { form: 2, options: ["方案A 错峰共享", "方案B 生态车位", "方案C 立体车库"], secret: false });
  await A.page.waitForSelector("label.choice:has([data-testid=choice-2]):has-text('方案C')");
  await A.page.check("[data-testid=choice-1]");
  await A.page.check("[data-testid=choice-2]");
  if (await A.page.isChecked("[data-testid=choice-1]")) throw new Error("one of several let two be chosen");
  await A.page.click("[data-testid=submit-vote]");
  await A.page.waitForSelector("[data-testid=confirm-choice]:has-text('方案C')");
  await A.page.click("[data-testid=confirm-vote]");
  await A.page.waitForSelector("[data-testid=ballot-done]:has-text('投票已提交')");
  if (await A.page.$("[data-testid=receipt]")) throw new Error("a named vote showed a receipt");
  await clickConfirmed(chair.page, "close-vote");
  await A.page.waitForSelector("#results [data-testid=outcome]");

  console.log("- up to two of four, secret");
  await motion(chair, 2, "从四项改进中选两项先做");
  await openVote(chair, { form: 3, options: ["施划潮汐车位", "增设充电桩", "清理僵尸车", "加装道闸"], max: 2, secret: true });
  await A.page.waitForSelector("text=最多选 2 项");
  await A.page.check("[data-testid=choice-0]");
  await A.page.check("[data-testid=choice-2]");
  if (!(await A.page.isDisabled("[data-testid=choice-3]"))) throw new Error("a third choice can be ticked in a two-of-four vote");
  await A.page.uncheck("[data-testid=choice-2]");
  await A.page.check("[data-testid=choice-3]");
  await A.page.uncheck("[data-testid=choice-3]");
  await A.page.check("[data-testid=choice-2]");
  await checkAccessibility(A.page, "K of N ballot");
  await A.page.click("[data-testid=submit-vote]");
  await A.page.waitForSelector("[data-testid=confirm-choice]:has-text('施划潮汐车位、清理僵尸车')");
  await A.page.click("[data-testid=confirm-vote]");
  await A.page.waitForSelector("[data-testid=receipt]");
  await clickConfirmed(chair.page, "close-vote");
  await A.page.waitForSelector("[data-testid=receipt-check]:has-text('找到您的回执')");

  console.log("- consensus check: a block needs its reason");
  await motion(chair, 3, "消防通道全天禁停");
  await openVote(chair, { form: 4, secret: true });
  await A.page.check("[data-testid=choice-2]");
  await A.page.waitForSelector("[data-testid=block-reason]");
  if (!(await A.page.isDisabled("[data-testid=submit-vote]"))) throw new Error("a block could be sent without a reason");
  await A.page.fill("[data-testid=block-reason]", "夜班回家的居民无处停车");
  await A.page.click("[data-testid=submit-vote]");
  await A.page.waitForSelector("text=夜班回家的居民无处停车");
  await A.page.click("[data-testid=confirm-vote]");
  await A.page.waitForSelector("[data-testid=receipt]");
  await clickConfirmed(chair.page, "close-vote");
  await A.page.waitForSelector("[data-testid=receipt-check]:has-text('阻止')");
  await chair.page.waitForSelector("[data-testid=last-result] [data-testid=outcome]:has-text('共识被阻止')");
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 120,
});
