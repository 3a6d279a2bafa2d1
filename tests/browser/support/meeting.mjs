// Steps the browser tests share: opening the three pages, joining, and the
// small waits every step needs, each failing with what it waited for.
import { laptop, phone, watchPage } from "./browser.mjs";

export const ids = { A: "p04", B: "p11", C: "p14", D: "p18", E: "p05" };

export async function openPage(browser, options, url, name, problems, init) {
  const context = await browser.newContext(options);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  watchPage(page, name, problems);
  await page.goto(url);
  return { context, page, name };
}

export async function openChair(browser, gaveld, problems) {
  const p = await openPage(browser, laptop, `${gaveld.url}chair#token=${gaveld.chairToken}`, "chair", problems);
  await p.page.waitForSelector("[data-testid=link-status]:has-text('已连接')");
  return p;
}

export async function openSecretary(browser, gaveld, problems) {
  const p = await openPage(browser, laptop, `${gaveld.url}secretary#token=${gaveld.secretaryToken}`, "secretary", problems);
  await p.page.waitForSelector("[data-testid=link-status]:has-text('已连接')");
  return p;
}

/** A participant by personal link (/j/<token>, redirected to /#token=…). */
export async function openByLink(browser, base, token, name, problems, options = phone, init) {
  const p = await openPage(browser, options, `${base}j/${token}`, name, problems, init);
  await p.page.waitForSelector("[data-testid=my-name]");
  return p;
}

/** A participant by the short personal code typed after scanning the room's QR code. */
export async function openByCode(browser, base, code, name, problems, options = phone) {
  const p = await openPage(browser, options, base, name, problems);
  await p.page.fill("[data-testid=join-code]", code);
  await p.page.click("[data-testid=join-button]");
  await p.page.waitForSelector("[data-testid=my-name]");
  return p;
}

export async function checkIn(p) {
  await p.page.click("[data-testid=check-in]");
  await p.page.waitForSelector("[data-testid=presence]:has-text('已签到')");
}

/** Clicks an Act button that asks for confirmation, then confirms. */
export async function clickConfirmed(page, testid) {
  await page.click(`[data-testid=${testid}]`);
  await page.click(".confirm-inline .btn.danger");
}

export async function vote(p, choice) {
  await p.page.check(`[data-testid=choice-${choice}]`);
  await p.page.click("[data-testid=submit-vote]");
  await p.page.click("[data-testid=confirm-vote]");
  await p.page.waitForSelector("[data-testid=receipt]");
  return p.page.getAttribute("[data-testid=receipt]", "data-receipt");
}
