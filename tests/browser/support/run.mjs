import { closeBrowsers, describePages } from "./browser.mjs";

// Runs one browser test to its end within a deadline: PASSED, or FAILED with
// the reason and gaveld's last log lines, or with what the pages reported
// (`problems`, filled by watchPage); always closes the browsers it launched
// and what else it opened (closeAlso), before gaveld stops, and then
// removes its scratch (afterwards).
export function runBrowserTest(run, { gaveld, problems, seconds, closeAlso = async () => {}, afterwards = () => {} }) {
  const deadline = setTimeout(() => {
    console.error(`FAILED: took more than ${seconds} s`);
    process.exit(1);
  }, seconds * 1000);
  run()
    .then(() => {
      if (problems.length) throw new Error(`the pages reported errors:\n${problems.join("\n")}`);
      console.log("PASSED");
    })
    .catch(async (e) => {
      const pages = await describePages().catch(() => "");
      // The reason comes last too: a long report is often shown by its tail.
      console.error(`FAILED: ${e.message}\n${pages}\n--- gaveld log (tail)\n${gaveld.log.split("\n").slice(-20).join("\n")}\nFAILED: ${e.message}`);
      process.exitCode = 1;
    })
    .finally(async () => {
      clearTimeout(deadline);
      await closeBrowsers();
      await closeAlso();
      await gaveld.stop();
      gaveld.cleanup();
      afterwards();
    });
}
