/**
 * Jest global setup: builds the `dlp` CLI (scripts/build-cli.mjs → build/cli) once before any test runs, so the tests
 * that spawn bin/dlp.js run the JavaScript built from the sources under test, never a stale build.
 */
const { spawnSync } = require("child_process");
const path = require("path");

module.exports = () => {
  const r = spawnSync(process.execPath, [path.join(__dirname, "../../scripts/build-cli.mjs")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr || r.stdout}`);
};
