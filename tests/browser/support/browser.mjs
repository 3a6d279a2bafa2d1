// Debian's Chromium, headless, driven by playwright-core; each context is a
// fresh profile (playwright gives every launch its own temporary user-data-dir).
import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(import.meta.url);
const webModules = resolve(import.meta.dirname, "../../../clients/web/node_modules");
const { chromium } = require(`${webModules}/playwright-core`);
export const axeSource = require("node:fs").readFileSync(`${webModules}/axe-core/axe.min.js`, "utf8");

export async function launch() {
  return chromium.launch({
    executablePath: process.env.GAVEL_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export const phone = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN" };
export const laptop = { viewport: { width: 1366, height: 768 }, locale: "zh-CN" };

/** axe-core on the page as it is now: no serious or critical violations. */
export async function checkAccessibility(page, where) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) throw new Error(`accessibility (${where}): ${JSON.stringify(bad, null, 1)}`);
}

/** Every watched page, so that a failed test can say what each one showed. */
export const watchedPages = [];

/** What each watched page shows, for a failure's report. */
export async function describePages() {
  const lines = [];
  for (const { page, name } of watchedPages) {
    if (page.isClosed()) continue;
    const text = await page
      .evaluate(() => document.body.innerText)
      .catch((e) => `(unreadable: ${e.message})`);
    lines.push(`--- ${name} (${page.url().replace(/#.*/, "")})`, text.replace(/\n\s*\n/g, "\n").slice(0, 800));
  }
  return lines.join("\n");
}

/** Console errors and page crashes fail the test with what the page said. */
export function watchPage(page, name, problems) {
  watchedPages.push({ page, name });
  page.on("pageerror", (e) => problems.push(`${name}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/WebSocket|ERR_CONNECTION|net::/.test(m.text())) problems.push(`${name}: console: ${m.text()}`);
  });
}
