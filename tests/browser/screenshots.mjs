// Writes docs/screenshots/web-*.png: the phone page, the chair's console and
// the secretary's desk in the middle of a meeting (a speech, a list, an open
// secret vote half filled in; a phone reloaded after voting; the clickers'
// view; the minutes at the desk after the meeting), at 360x640 and 1366x768,
// in Chinese and English.
// Not a test: run by scripts/web-screenshots.sh.
// Usage: node screenshots.mjs GAVELD WEB_DIR MEETING_TOML OUT_DIR
import { launch, laptop, phone } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { readFileSync } from "node:fs";
import { join as joinPath } from "node:path";
import { TestClicker, devicePage } from "./support/clicker.mjs";
import { clickConfirmed, ids, openByLink, openChair, openPage, openSecretary, vote } from "./support/meeting.mjs";

const [binary, web, meeting, out] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];
let browser;
const sizes = { phone: { width: 360, height: 640 }, laptop: { width: 1366, height: 768 } };

async function shoot(page, name, scrollTo) {
  for (const [size, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    // Let the new width lay out and paint before the first picture.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const lang of ["zh", "en"]) {
      await page.evaluate(() => window.scrollTo(0, 0));
      const now = await page.evaluate(() => document.documentElement.lang);
      if ((lang === "en") !== (now === "en")) await page.locator(".topbar .tool >> nth=1").dispatchEvent("click");
      // The card's top just below the sticky top bar.
      if (scrollTo)
        await page.evaluate((sel) => {
          document.querySelector(sel).scrollIntoView({ block: "start" });
          const bar = document.querySelector(".topbar");
          window.scrollBy(0, -(bar ? bar.getBoundingClientRect().height + 8 : 0));
        }, scrollTo);
      else await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${out}/web-${name}-${size}-${lang}.png` });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(".topbar .tool >> nth=1").dispatchEvent("click");
  }
}

async function run() {
  await gaveld.start();
  browser = await launch();
  const chair = await openChair(browser, gaveld, problems);
  const desk = await openSecretary(browser, gaveld, problems);
  const join = await openPage(browser, phone, gaveld.url, "join", problems);
  await join.page.waitForSelector("[data-testid=join-code]");
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems);
  const B = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.B), "B", problems);
  const C = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.C), "C", problems);
  const fleet = JSON.parse(readFileSync(joinPath(gaveld.dir, "data", "clickers.json"), "utf8"));
  const room = await devicePage(browser, gaveld.url);
  const clickers = [["CK-0104", 15, -70], ["CK-0105", 82, -92], ["CK-0106", 64, -58], ["CK-0108", 91, -66]].map(([id, battery, signal]) => ({
    device: new TestClicker(room.page, id, fleet.devices.find((d) => d.id === id).token),
    battery,
    signal,
  }));
  for (const c of clickers) await c.device.connect(c.battery, c.signal);
  await chair.page.click("[data-testid=start-meeting]");
  for (const c of clickers.slice(1)) await c.device.press(11);
  for (const p of [A, B, C]) await p.page.click("[data-testid=check-in]");
  for (const id of ["p01", "p02", "p03", "p07", "p09", "p10", "p12", "p18"]) {
    await desk.page.click(`[data-testid=check-in-${id}]`);
    await desk.page.waitForSelector(`[data-testid=person-${id}]:has-text('已签到')`);
  }
  await chair.page.click("[data-testid=open-parking]");
  await B.page.click("[data-testid=ask-to-speak]");
  await B.page.waitForSelector("[data-testid=my-place]");
  await chair.page.keyboard.press("n");
  await C.page.check("[data-testid=kind-3]");
  await C.page.click("[data-testid=ask-to-speak]");
  await A.page.click("[data-testid=ask-to-speak]");
  await A.page.waitForSelector("[data-testid=my-place]");
  await desk.page.selectOption("[data-testid=dissent-who]", ids.B);
  await desk.page.fill("[data-testid=desk-dissent-text]", "方案B占用北侧绿地，老人失去活动场地");
  await desk.page.click("[data-testid=desk-dissent-save]");
  await desk.page.waitForSelector("[data-testid=dissent-records] li");

  // The floor, before any vote.
  await shoot(A.page, "participant");
  await shoot(join.page, "join");

  await A.page.click("#motions summary");
  await A.page.fill("#motions textarea", "采用方案A：与万和商场签订错峰共享停车协议");
  await A.page.click("#motions details .btn.primary");
  await B.page.click("[data-testid=second-1]");
  await chair.page.waitForSelector("[data-testid=motion-1]:has-text('辩论中')");
  await chair.page.click("[data-testid=open-vote]");
  await A.page.waitForSelector("[data-testid=vote-question]");
  await vote(B, 0);
  await clickers[2].device.press(1);
  await B.page.reload();
  await B.page.waitForSelector("[data-testid=voted]");
  await shoot(B.page, "participant-voted", "#vote");
  await chair.page.waitForSelector("[data-testid=voted-CK-0106]:has-text('已投票')", { timeout: 15000 });
  await shoot(chair.page, "chair-clickers", "#clickers");
  await A.page.check("[data-testid=choice-0]");
  await shoot(A.page, "participant-vote", "#vote");
  await shoot(chair.page, "chair");
  await shoot(desk.page, "secretary");
  await A.page.click("[data-testid=submit-vote]");
  await shoot(A.page, "participant-confirm", "#vote");
  await A.page.click("[data-testid=confirm-vote]");
  await A.page.waitForSelector("[data-testid=receipt]");
  await vote(C, 1);
  await clickConfirmed(chair.page, "close-vote");
  await A.page.waitForSelector("[data-testid=receipt-check]");
  await shoot(A.page, "participant-result", "#results");
  await chair.page.click("[data-testid=close-item]");
  await clickConfirmed(chair.page, "end-meeting");
  await desk.page.waitForSelector("[data-testid=minutes-state]:has-text('草稿待签署')");
  await desk.page.click("[data-testid=show-draft]");
  await desk.page.frameLocator("[data-testid=draft-frame]").locator("body:has-text('草稿')").waitFor();
  await shoot(desk.page, "secretary-minutes", "#minutes");
  if (problems.length) throw new Error(problems.join("\n"));
}

run()
  .then(() => console.log(`screenshots written to ${out}`))
  .catch((e) => {
    console.error(`FAILED: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (browser) await browser.close();
    await gaveld.stop();
    gaveld.cleanup();
  });
