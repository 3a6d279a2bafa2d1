// What goes wrong on the day: a stale page (HTML must be revalidated, hashed
// assets may be kept for good), a crowded Wi-Fi (the build's gzip is sent to
// browsers that take it), a mistyped personal code gets a clear message (and,
// where the server limits guessing, the rate-limit message); gaveld
// restarted under open pages, which find their way back by themselves.
// Usage: node recovery.test.mjs GAVELD WEB_DIR MEETING_TOML
import { get } from "node:http";
import { gunzipSync } from "node:zlib";
import { launch, phone } from "./support/browser.mjs";
import { Gaveld } from "./support/gaveld.mjs";
import { ids, openByLink, openChair, openPage } from "./support/meeting.mjs";
import { runBrowserTest } from "./support/run.mjs";

const [binary, web, meeting] = process.argv.slice(2);
const gaveld = new Gaveld({ binary, web, meeting });
const problems = [];

async function run() {
  await gaveld.start();
  const browser = await launch();

  console.log("- the pages are cached as WeChat needs: HTML revalidated, hashed assets kept");
  for (const path of ["", "chair", "secretary"]) {
    const page = await fetch(gaveld.url + path);
    if (page.headers.get("cache-control") !== "no-cache") throw new Error(`/${path}: Cache-Control ${page.headers.get("cache-control")}`);
    for (const m of (await page.text()).matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)) {
      const asset = await fetch(gaveld.url + m[1]);
      if (!/immutable/.test(asset.headers.get("cache-control") || "")) throw new Error(`${m[1]}: Cache-Control ${asset.headers.get("cache-control")}`);
    }
  }

  console.log("- gzip as the build wrote it, to those who take it; the same bytes unpacked otherwise");
  const html = await fetch(gaveld.url);
  const entry = /src="\/(assets\/[^"]+\.js)"/.exec(await html.text())[1];
  const raw = (path, headers) =>
    new Promise((resolve, reject) =>
      get(gaveld.url + path, { headers }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject),
    );
  const packed = await raw(entry, { "accept-encoding": "gzip, deflate, br" });
  const plain = await raw(entry, {});
  if (packed.headers["content-encoding"] !== "gzip") throw new Error(`${entry}: Content-Encoding ${packed.headers["content-encoding"]}`);
  if (plain.headers["content-encoding"]) throw new Error(`${entry} sent encoded to a client that takes no gzip`);
  if (!/accept-encoding/i.test(packed.headers.vary || "")) throw new Error(`${entry}: no Vary: Accept-Encoding`);
  if (!gunzipSync(packed.body).equals(plain.body)) throw new Error(`${entry}: the .gz is not the file`);
  if (packed.body.length * 2 > plain.body.length) throw new Error(`${entry}: gzip ${packed.body.length} B of ${plain.body.length} B`);
  console.log(`  ${entry}: ${plain.body.length} B, ${packed.body.length} B gzip`);
  const page = await raw("", { "accept-encoding": "gzip" });
  if (page.headers["content-encoding"] !== "gzip" || page.headers["cache-control"] !== "no-cache") throw new Error("index.html is not sent gzip and no-cache");

  console.log("- a wrong personal code");
  const guest = await openPage(browser, phone, gaveld.url, "guest", problems);
  await guest.page.fill("[data-testid=join-code]", "WRONG1");
  await guest.page.click("[data-testid=join-button]");
  await guest.page.waitForSelector("[data-testid=join-error]");
  const first = (await guest.page.textContent("[data-testid=join-error]")).trim();
  if (!first) throw new Error("a wrong code gave an empty message");
  console.log(`  message: ${first}`);
  let limited = false;
  for (let i = 0; i < 15 && !limited; i++) {
    await guest.page.fill("[data-testid=join-code]", `WRONG${i + 2}`);
    await guest.page.click("[data-testid=join-button]");
    await guest.page.waitForSelector(`[data-testid=join-error][data-attempt="${i + 2}"]`);
    limited = (await guest.page.getAttribute("[data-testid=join-error]", "data-code")) === "11";
  }
  if (limited) {
    const text = (await guest.page.textContent("[data-testid=join-error]")).trim();
    if (!text || text === first) throw new Error(`the rate limit has no message of its own: '${text}'`);
    console.log(`  rate limited: ${text}`);
  } else {
    console.log("  (this server does not rate-limit codes yet)");
  }

  console.log("- gaveld restarts under an open phone and the chair's console");
  const chair = await openChair(browser, gaveld, problems);
  await chair.page.click("[data-testid=start-meeting]");
  await chair.page.click("[data-testid=open-parking]");
  const A = await openByLink(browser, gaveld.url, gaveld.tokenOf(ids.A), "A", problems);
  await A.page.click("[data-testid=check-in]");
  await A.page.waitForSelector("[data-testid=presence]:has-text('已签到')");
  await gaveld.stop();
  await A.page.waitForSelector("[data-testid=link-status]:has-text('网络中断')");
  await A.page.waitForSelector("[role=alert]:has-text('网络中断')");
  await gaveld.start();
  await A.page.waitForSelector("[data-testid=link-status]:has-text('已连接')", { timeout: 30000 });
  await chair.page.waitForSelector("[data-testid=link-status]:has-text('已连接')", { timeout: 30000 });
  await A.page.click("[data-testid=ask-to-speak]");
  await A.page.waitForSelector("[data-testid=my-place]:has-text('第 1 位')");
  await chair.page.waitForSelector("[data-testid=queue] li:has-text('王秀兰')");

  console.log("- someone waiting on the list raises a point of order as well");
  await A.page.click("#floor details summary");
  await A.page.check("[data-testid=kind-5]");
  await A.page.click("[data-testid=ask-to-speak]");
  await A.page.waitForSelector("[data-testid=my-place]:has-text('程序问题')");
  await chair.page.waitForSelector("[data-testid=queue] li:first-child:has-text('程序问题')");
}

runBrowserTest(run, {
  gaveld,
  problems,
  seconds: 120,
});
