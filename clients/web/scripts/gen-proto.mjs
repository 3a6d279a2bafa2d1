// Generates the TypeScript for proto/gavel/v1/*.proto with protoc-gen-es into
// src/gen/ (not committed): the pages speak exactly the server's contract.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, "..");
const protoRoot = resolve(web, "../../proto");
const out = join(web, "src/gen");
const plugin = join(web, "node_modules/.bin/protoc-gen-es");
const files = readdirSync(join(protoRoot, "gavel/v1"))
  .filter((f) => f.endsWith(".proto"))
  .map((f) => `gavel/v1/${f}`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(
  process.env.PROTOC || "protoc",
  [`--plugin=protoc-gen-es=${plugin}`, `--es_out=${out}`, "--es_opt=target=ts,import_extension=none", `-I${protoRoot}`, ...files],
  { stdio: "inherit" },
);
console.log(`gen-proto: ${files.length} files from ${protoRoot}`);
