// The real gaveld for a browser test: on 127.0.0.1, port 0, a fresh data
// folder, the pages from the build. Reads access.json and participants.csv
// for the tokens (and join codes, once the server writes them).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitUntil } from "./wait.mjs";

function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\uFEFF/, "").split("\n")) {
    if (!line.trim()) continue;
    const cells = [];
    let cur = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") cells.push(cur), (cur = "");
      else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), r[i] ?? ""])));
}

export class Gaveld {
  constructor({ binary, web, meeting }) {
    this.binary = binary;
    this.web = web;
    this.meeting = meeting;
    this.dir = mkdtempSync(join(tmpdir(), "gavel-browser-"));
    this.log = "";
    this.port = 0;
  }

  async start() {
    const access = join(this.dir, "data", "access.json");
    rmSync(access, { force: true });
    const args = ["--data", join(this.dir, "data"), "--port", String(this.port), "--bind", "127.0.0.1", "--web", this.web];
    if (this.meeting) args.push("--meeting", this.meeting);
    this.child = spawn(this.binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
    this.exited = exited;
    this.child.stdout.on("data", (d) => (this.log += d));
    this.child.stderr.on("data", (d) => (this.log += d));
    let exitCode = null;
    exited.then((code) => (exitCode = code));
    await waitUntil("gaveld writes access.json", () => {
      if (exitCode !== null) throw new Error(`gaveld exited (${exitCode}) before it was ready:\n${this.log}`);
      return existsSync(access);
    }, 15000, () => this.log);
    const info = JSON.parse(readFileSync(access, "utf8"));
    this.url = info.url.replace(/^http:\/\/[^/]+\//, "http://127.0.0.1:" + new URL(info.url).port + "/");
    this.port = Number(new URL(info.url).port);
    this.chairToken = info.chair_token;
    this.secretaryToken = info.secretary_token;
    this.participants = parseCsv(readFileSync(join(this.dir, "data", "participants.csv"), "utf8"));
    return this;
  }

  /** The personal code of a participant, if this server prints one. */
  codeOf(id) {
    const row = this.participants.find((p) => p.id === id);
    return row ? row.code || row.join_code || "" : "";
  }

  tokenOf(id) {
    return this.participants.find((p) => p.id === id).token;
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Stops and starts again on the same port, with the same data. */
  async restart() {
    await this.stop();
    this.meeting = null;
    await this.start();
  }

  cleanup() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
