/**
 * The `dlp` process: runs main() on the command line and sets process.exitCode, never process.exit(), so stdout drains
 * completely into a pipe or file before the process ends. Built into build/cli/dlp.js (scripts/build-cli.mjs) and
 * started by bin/dlp.js.
 */
import { EXIT_USAGE, main, streamWriter } from "./main";

main(process.argv.slice(2), {
  write: streamWriter(process.stdout),
  err: (s) => process.stderr.write(s + "\n"),
  stderr: process.stderr,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dlp: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
