// The room scanning the QR code at the start: N phones load the page at once
// (index.html, then its scripts and stylesheet, as a browser does) and open
// the WebSocket with their personal token, against one gaveld on 127.0.0.1.
// Every page must be served and every phone welcomed. A few of them are real
// headless Chromium pages, the rest do what a page does over the network.
// A benchmark, not a test: scripts/bench.sh runs it.
// Usage: node --experimental-websocket bench/web_join_bench.mjs GAVELD WEB_DIR MEETING_TOML [PHONES] [CHROMIUM_PAGES]
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const [binary, web, meeting, phonesArg, chromiumArg] = process.argv.slice(2);
const phones = Number(phonesArg || 300);
const realPages = Number(chromiumArg || 20);
const root = resolve(import.meta.dirname, "..");
const require = createRequire(join(root, "clients/web/package.json"));
const { create, createFileRegistry, fromBinary, toBinary } = require("@bufbuild/protobuf");
const { FileDescriptorSetSchema } = require("@bufbuild/protobuf/wkt");

// The wire types from the same .proto files, read at run time (no generated code).
const dir = mkdtempSync(join(tmpdir(), "gavel-webbench-"));
const descriptors = join(dir, "gavel.pb");
execFileSync("protoc", ["--include_imports", `--descriptor_set_out=${descriptors}`, `-I${root}/proto`, "gavel/v1/envelope.proto"]);
const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(descriptors)));
const ClientMessage = registry.getMessage("gavel.v1.ClientMessage");
const ServerMessage = registry.getMessage("gavel.v1.ServerMessage");

function csvRows(text) {
  const [head, ...rows] = text.trim().split("\n").map((l) => l.split(","));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), r[i]])));
}

const percentile = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  // A roster as large as the room: the sample meeting with extra residents.
  const base = readFileSync(join(root, "examples/residents-council/roster.csv"), "utf8").replace(/^\uFEFF/, "").trimEnd();
  let roster = base + "\n";
  for (let i = 0; i < phones; i++) roster += `w${String(i).padStart(4, "0")},居民${i},旁听居民,,,,\n`;
  writeFileSync(join(dir, "roster.csv"), roster);
  writeFileSync(join(dir, "meeting.toml"), readFileSync(meeting, "utf8").replace(/roster = "roster.csv"/, `roster = "${join(dir, "roster.csv")}"`));

  const server = spawn(binary, ["--data", join(dir, "data"), "--port", "0", "--bind", "127.0.0.1", "--web", web, "--meeting", join(dir, "meeting.toml")], { stdio: "ignore" });
  try {
    const access = join(dir, "data", "access.json");
    for (let i = 0; i < 300 && !existsSync(access); i++) await new Promise((r) => setTimeout(r, 50));
    const info = JSON.parse(readFileSync(access, "utf8"));
    const port = new URL(info.url).port;
    const url = `http://127.0.0.1:${port}/`;
    const people = csvRows(readFileSync(join(dir, "data", "participants.csv"), "utf8")).filter((p) => p.id.startsWith("w"));
    if (people.length < phones) throw new Error(`the roster has ${people.length} extra people, wanted ${phones}`);

    const loadOne = async (token) => {
      const t0 = performance.now();
      const html = await (await fetch(url)).text();
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      if (!assets.length) throw new Error("index.html names no assets");
      let bytes = html.length;
      await Promise.all(assets.map(async (a) => {
        const r = await fetch(url + a.slice(1));
        if (!r.ok) throw new Error(`${a}: ${r.status}`);
        bytes += (await r.arrayBuffer()).byteLength;
      }));
      const served = performance.now() - t0;
      await new Promise((resolveWelcome, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
        ws.binaryType = "arraybuffer";
        const timer = setTimeout(() => reject(new Error("no welcome in 60 s")), 60000);
        ws.onopen = () => ws.send(toBinary(ClientMessage, create(ClientMessage, { requestId: 1n, body: { case: "hello", value: { protocolVersion: 1, token, clientName: "web bench" } } })));
        ws.onmessage = (e) => {
          const m = fromBinary(ServerMessage, new Uint8Array(e.data));
          clearTimeout(timer);
          if (m.body.case === "welcome") resolveWelcome();
          else reject(new Error(`answered ${m.body.case}`));
          ws.close();
        };
        ws.onerror = () => reject(new Error("WebSocket error"));
      });
      return { served, welcomed: performance.now() - t0, bytes };
    };

    // Real Chromium pages first, opened together with the rest.
    let browser = null;
    const real = people.slice(0, realPages);
    const simulated = people.slice(realPages, phones);
    const start = performance.now();
    const chromiumRuns = (async () => {
      if (!real.length) return [];
      const { chromium } = require("playwright-core");
      browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
      const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
      return Promise.all(real.map(async (p) => {
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${url}#token=${p.token}`);
        await page.waitForSelector("[data-testid=my-name]", { timeout: 60000 });
        return performance.now() - t0;
      }));
    })();
    const results = await Promise.allSettled(simulated.map((p) => loadOne(p.token)));
    const pages = await chromiumRuns;
    const total = performance.now() - start;
    if (browser) await browser.close();

    const ok = results.filter((r) => r.status === "fulfilled").map((r) => r.value);
    const failed = results.filter((r) => r.status === "rejected").map((r) => r.reason.message);
    const welcomed = ok.map((r) => r.welcomed);
    const served = ok.map((r) => r.served);
    const all = ok.length + pages.length;
    console.log(`phones: ${phones} (${pages.length} in Chromium), page ${ok.length ? ok[0].bytes : 0} bytes uncompressed`);
    console.log(`served: p50 ${percentile(served, 50).toFixed(0)} ms, p99 ${percentile(served, 99).toFixed(0)} ms`);
    console.log(`welcomed: p50 ${percentile(welcomed, 50).toFixed(0)} ms, p99 ${percentile(welcomed, 99).toFixed(0)} ms, all within ${total.toFixed(0)} ms`);
    if (pages.length) console.log(`Chromium pages drawn: p50 ${percentile(pages, 50).toFixed(0)} ms, max ${Math.max(...pages).toFixed(0)} ms`);
    if (failed.length) console.log(`failed: ${failed.length}: ${[...new Set(failed)].slice(0, 5).join("; ")}`);
    const verdict = all === phones && !failed.length ? "met" : "NOT MET";
    console.log(`summary|${phones} phones load the page at once, all served and welcomed|${all}/${phones} welcomed in ${(total / 1000).toFixed(1)} s, p99 ${percentile(welcomed, 99).toFixed(0)} ms|all served and welcomed|${verdict}`);
    if (verdict !== "met") process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`web_join_bench: ${e.message}`);
  process.exitCode = 1;
});
