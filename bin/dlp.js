#!/usr/bin/env node
// The `dlp` command for compliance staff (README, "The dlp CLI"): JavaScript built from src/cli by `npm install`
// (the `prepare` script runs scripts/build-cli.mjs). Nothing is compiled here.
import("../build/cli/dlp.mjs").catch((err) => {
  const missing = err && err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).indexOf("build/cli/dlp.mjs") >= 0;
  process.stderr.write(missing ? "dlp: the CLI is not built: run `npm install` (or `npm run build:cli`)\n" : `dlp: ${err && err.message ? err.message : err}\n`);
  process.exitCode = 3;
});
