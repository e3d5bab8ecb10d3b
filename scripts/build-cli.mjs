/**
 * Builds the `dlp` CLI (src/cli/run.ts and everything it imports) into build/cli/ as JavaScript: `npm run build:cli`,
 * run by `npm install` (the `prepare` script) and by `npm test`. Bundled with esbuild into ES modules with code
 * splitting, so that what only some commands need (the YAML parser of policy/load.ts, the .eml
 * reader, the dialog catalogs) sits in chunks that are read only when a command imports them: a small scan reads one
 * file. The default policy is compiled here too and embedded with its YAML text: `dlp` uses it while
 * assets/policy/default-policy.yaml still has that text, and compiles the file itself (loading the YAML parser) once
 * it differs. No TypeScript is compiled when `dlp` runs. Figures: README, "Figures" (`npm run bench -- cli`).
 */
import * as esbuild from "esbuild";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = path.join(ROOT, "build/cli");

// Node's `require` (for bundled CommonJS that asks for a built-in) and `__dirname` (src/cli/main.ts finds the default
// policy from it), which ES modules do not have.
const banner = [
  'import { createRequire as __dlpCreateRequire } from "node:module";',
  'import { dirname as __dlpDirname } from "node:path";',
  'import { fileURLToPath as __dlpFileURLToPath } from "node:url";',
  "const require = __dlpCreateRequire(import.meta.url);",
  "const __dirname = __dlpDirname(__dlpFileURLToPath(import.meta.url));",
].join("\n");

/** The default policy compiled by the engine's own loader (bundled in memory for this one call). */
async function compiledDefaultPolicy() {
  const file = path.join(ROOT, "assets/policy/default-policy.yaml");
  const source = fs.readFileSync(file, "utf8");
  const out = await esbuild.build({ absWorkingDir: ROOT, entryPoints: ["src/engine/policy/load.ts"], bundle: true, format: "cjs", platform: "node", write: false, logLevel: "warning" });
  const mod = { exports: {} };
  new Function("module", "exports", "require", out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return { source, policy: mod.exports.loadPolicy(source, path.basename(file)) };
}

export async function buildCli(outDir = OUT_DIR, minify = true) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const defaultPolicy = await compiledDefaultPolicy();
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { dlp: "src/cli/run.ts" },
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    minify,
    legalComments: "none",
    banner: { js: banner },
    define: { __DLP_DEFAULT_POLICY__: JSON.stringify(defaultPolicy) },
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().catch((e) => {
    console.error(e.message || e);
    process.exit(1);
  });
}
