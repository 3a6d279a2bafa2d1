// Debian's Chromium, headless, driven by playwright-core; each context is a
// fresh profile (playwright gives every launch its own temporary user-data-dir).
import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(import.meta.url);
const webModules = resolve(import.meta.dirname, "../../../clients/web/node_modules");
const { chromium } = require(`${webModules}/playwright-core`);
export const axeSource = require("node:fs").readFileSync(`${webModules}/axe-core/axe.min.js`, "utf8");

/** Every browser launched, so that a test's end closes them all. */
const launched = [];

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.GAVEL_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  launched.push(browser);
  return browser;
}

export async function closeBrowsers() {
  for (const browser of launched.splice(0)) await browser.close();
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

/** What each watched page shows, one line each (a report is often cut),
 *  with what became of its WebSockets: opened, frames heard, closed. */
export async function describePages() {
  const lines = [];
  for (const { page, name, sockets, errors } of watchedPages) {
    if (page.isClosed()) continue;
    const text = await page
      .evaluate(() => document.body.innerText)
      .catch((e) => `(unreadable: ${e.message})`);
    const flat = text.split("\n").map((l) => l.trim()).filter(Boolean).join(" | ");
    const links = sockets.map((w) => `${w.frames} heard (last ${w.sizes.join(", ")} bytes)${w.closedAgoMs === undefined ? ", open" : `, closed ${w.closedAgoMs()} ms ago`}`);
    lines.push(`--- ${name}: sockets [${links.join("; ")}]: ${flat.slice(0, 400)}`);
    for (const e of errors.slice(-3)) lines.push(`    page error: ${e}`);
  }
  return lines.join("\n");
}

/** Console errors and page crashes fail the test with what the page said. */
export function watchPage(page, name, problems) {
  const sockets = [];
  const errors = [];
  watchedPages.push({ page, name, sockets, errors });
  page.on("websocket", (ws) => {
    const w = { frames: 0 };
    sockets.push(w);
    w.sizes = [];
    ws.on("framereceived", (f) => {
      w.frames++;
      w.sizes = [...w.sizes.slice(-3), f.payload.length];
    });
    ws.on("close", () => {
      const at = Date.now();
      w.closedAgoMs = () => Date.now() - at;
    });
  });
  page.on("pageerror", (e) => {
    errors.push(e.stack || e.message);
    problems.push(`${name}: ${e.message}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error" && !/WebSocket|ERR_CONNECTION|net::/.test(m.text())) problems.push(`${name}: console: ${m.text()}`);
  });
}

/** An init script for a phone slower to paint than the server is to answer:
 *  animation frames and short timers (which is when Preact runs a
 *  component's effects) wait until the page has handled its first WebSocket
 *  message, so the welcome arrives before any view has subscribed. */
export function slowFirstPaint() {
  const held = [];
  let released = false;
  const later = window.setTimeout.bind(window);
  const frame = window.requestAnimationFrame.bind(window);
  const release = () => {
    if (released) return;
    released = true;
    for (const run of held.splice(0)) run();
  };
  window.requestAnimationFrame = (callback) => {
    if (released) return frame(callback);
    held.push(() => frame(callback));
    return 0;
  };
  window.setTimeout = (callback, ms, ...args) => {
    if (released || !(ms > 0 && ms < 1000)) return later(callback, ms, ...args);
    held.push(() => later(callback, ms, ...args));
    return 0;
  };
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      // Runs before the page's own handler: the release waits for it.
      this.addEventListener("message", () => later(release, 0));
    }
  };
}
