#!/usr/bin/env node
// Validates manifest XML files offline: xmllint against the Office schemas in ../shared/manifest-schemas (or
// $THINK_FIRST_SCHEMAS), then `office-addin-manifest info`. Exit code 1 on any schema error.
// Usage: node scripts/validate-manifest.mjs [manifest.xml ...]   (default: manifest.xml and dist/manifest.xml if built)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const candidates = [process.env.THINK_FIRST_SCHEMAS, resolve(root, "../shared/manifest-schemas"), resolve(root, "schemas/manifest")].filter(Boolean);
const schemaDir = candidates.find((d) => existsSync(resolve(d, "OfficeAppManifestV1_1.xsd")));
if (!schemaDir) {
  console.error(`validate: no OfficeAppManifestV1_1.xsd found in ${candidates.join(", ")}`);
  process.exit(1);
}
const files = process.argv.slice(2);
if (files.length === 0) {
  files.push(resolve(root, "manifest.xml"));
  if (existsSync(resolve(root, "dist/manifest.xml"))) files.push(resolve(root, "dist/manifest.xml"));
}
let failed = false;
for (const file of files) {
  const lint = spawnSync("xmllint", ["--noout", "--nonet", "--schema", resolve(schemaDir, "OfficeAppManifestV1_1.xsd"), file], { encoding: "utf8" });
  if (lint.error) {
    console.error(`validate: cannot run xmllint (${lint.error.message}); install it: apt-get install -y libxml2-utils`);
    process.exit(1);
  }
  if (lint.status !== 0) {
    failed = true;
    console.error(`✗ ${file}: schema errors\n${lint.stderr.trim()}`);
    continue;
  }
  const info = execFileSync(process.execPath, [resolve(root, "node_modules/office-addin-manifest/cli.js"), "info", file], { encoding: "utf8" });
  const name = /Name: (.*)/.exec(info)?.[1] ?? "?";
  console.log(`✓ ${file}: valid against ${schemaDir} (${name})`);
}
process.exit(failed ? 1 : 0);
