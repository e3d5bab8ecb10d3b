/**
 * npm run bench: prints throughput and latency figures, each compared with a baseline measured in the same run.
 * Sections: engine (scan), extract (xlsx/docx), handler (end-to-end decision), recipients (recipient analysis and
 * lookalike precision), customers (the customer set: size, false positives, lookups per second against a plain Set,
 * bundle weight), cli (dlp as whole processes). `npm run bench -- engine` runs one.
 */
import { run as engine } from "./bench/engine";
import { run as extract } from "./bench/extract";
import { run as handler } from "./bench/handler";
import { run as recipients } from "./bench/recipients";
import { run as customers } from "./bench/customers";
import { run as cli } from "./bench/cli";

const sections: Record<string, () => Promise<void>> = { engine, extract, handler, recipients, customers, cli };

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  for (const [name, run] of Object.entries(sections)) {
    if (wanted.length && !wanted.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    await run();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
