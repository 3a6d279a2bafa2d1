// Waiting on predicates, never on the clock: each wait has a deadline and
// fails with what it was waiting for.
export async function waitUntil(what, predicate, timeoutMs = 10000, detail = () => "") {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}\n${detail()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
