// The phone page's budget: the JS and CSS that index.html loads (entry,
// preloaded chunks, stylesheets) at most 120 KB gzip, measured on the .gz
// files compress.mjs wrote, the bytes gaveld sends. Fails the build above it.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const kBudget = 120 * 1024;
const out = resolve(process.argv[2] || process.env.GAVEL_WEB_OUT || "dist");
const html = readFileSync(join(out, "index.html"), "utf8");
const assets = new Set();
for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) assets.add(m[1]);
if (assets.size === 0) {
  console.error(`check-budget: index.html in ${out} loads no assets`);
  process.exit(1);
}
let total = 0;
for (const a of assets) {
  const gz = join(out, `${a}.gz`);
  if (!existsSync(gz)) {
    console.error(`check-budget: ${a} has no precompressed ${a}.gz (run scripts/compress.mjs first)`);
    process.exit(1);
  }
  const size = readFileSync(gz).length;
  total += size;
  console.log(`  ${a}: ${(size / 1024).toFixed(1)} KB gzip`);
}
const verdict = total <= kBudget ? "within" : "OVER";
console.log(`check-budget: phone page ${(total / 1024).toFixed(1)} KB gzip, ${verdict} the ${kBudget / 1024} KB budget`);
if (total > kBudget) process.exit(1);
