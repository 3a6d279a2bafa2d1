// Tests of the pages' TypeScript that need no browser: the event fold
// against the real gaveld (tests/integration/web/). Node's WebSocket is
// behind a flag in Node 20.
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    dir: resolve(import.meta.dirname, "../../tests/integration/web"),
    include: ["**/*.test.ts"],
    pool: "forks",
    execArgv: ["--experimental-websocket"],
    testTimeout: 60000,
  },
});
