#!/usr/bin/env node
// The `dlp` command for compliance staff (see README, "CLI"). Runs the TypeScript sources through tsx, so it needs
// no build step: the same extract → scan → decide → render code the add-in bundles.
require("tsx/cjs/api").register();
require("../src/cli/main.ts").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`dlp: ${err && err.message ? err.message : err}`);
    process.exit(3);
  },
);
