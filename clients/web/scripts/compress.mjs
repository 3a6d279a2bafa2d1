// Writes a gzip copy (level 9) beside every page and asset of the build, for
// gaveld to send as it is (Content-Encoding: gzip) to browsers that take it:
// a crowded room Wi-Fi then carries a third of the bytes, and the server
// compresses nothing at run time. Node's own zlib; nothing to install.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const out = resolve(process.argv[2] || process.env.GAVEL_WEB_OUT || "dist");
const compressible = /\.(html|js|mjs|css|svg|json|txt|map|webmanifest)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (compressible.test(name)) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}
walk(out);
