/**
 * npm run build:tenant -- --base-url https://host/path --policy FILE [--send-mode SoftBlock|Block|PromptUser]
 *                         [--id GUID] [--out DIR] [--policy-url URL] [--version X.Y.Z]
 *                         [--compliance-mailbox ADDRESS [--exchange-mode Audit|AuditAndNotify|Enforce]
 *                          [--exchange-unchecked report|moderate] [--strip-headers]]
 * (or THINK_FIRST_BASE_URL, THINK_FIRST_POLICY, THINK_FIRST_SEND_MODE, THINK_FIRST_ADDIN_ID, THINK_FIRST_OUT,
 *  THINK_FIRST_POLICY_URL, THINK_FIRST_VERSION, THINK_FIRST_COMPLIANCE_MAILBOX, THINK_FIRST_EXCHANGE_MODE,
 *  THINK_FIRST_EXCHANGE_UNCHECKED, THINK_FIRST_STRIP_HEADERS=1; THINK_FIRST_ID_FILE overrides where the generated id
 *  is kept)
 *
 * One command from a fresh clone to a folder an admin can host and upload (docs/deploy.md): checks every input first,
 * runs the production webpack build with the tenant's policy compiled in, writes the app package for the unified
 * manifest, validates manifest.xml (xmllint, as `npm run validate`) and manifest.json (`office-addin-manifest validate`
 * with the network disabled), with --compliance-mailbox writes the Exchange backstop pack to <out>/exchange/ (every
 * script checked against Microsoft's documented cmdlet parameters, scripts/exchange/), checks that policy.json is the
 * compiled input, that no file mentions localhost, and prints a summary. Exit code 0 only when all of that holds; 2 for bad input, 1 when the build or a check fails.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { loadPolicyFile } from "../src/cli/policy-file";
import { compilePolicy } from "../src/engine/policy/load";
import type { Policy } from "../src/engine/policy/types";
import { policyVersion } from "../src/engine/policy/version";
import { BackstopOptionError, checkMailbox, checkMode, checkUnchecked, type BackstopOptions } from "./exchange/backstop";
import { writeExchangePack } from "./exchange/pack";
import { appPackage, jsonManifestId } from "./manifest-json";
import { checkAddinId, checkBaseUrl, checkPolicyUrl, checkSendMode, idFileFor, stableAddinId, TenantSettingsError } from "./tenant-settings";

const ROOT = path.resolve(__dirname, "..");
export const APP_PACKAGE = "think-first-app.zip";

const OPTIONS: Record<string, { env: string; help: string; flag?: true }> = {
  "base-url": { env: "THINK_FIRST_BASE_URL", help: "https URL the output folder is served from (required)" },
  policy: { env: "THINK_FIRST_POLICY", help: "the policy YAML compiled into the bundle (required)" },
  "send-mode": { env: "THINK_FIRST_SEND_MODE", help: "SoftBlock (default) | Block | PromptUser" },
  id: { env: "THINK_FIRST_ADDIN_ID", help: "manifest.xml <Id> (default: generated once, kept in .tenant/<host>.id)" },
  out: { env: "THINK_FIRST_OUT", help: "output folder (default dist)" },
  "policy-url": { env: "THINK_FIRST_POLICY_URL", help: "optional same-origin policy.json refreshed outside the send path" },
  version: { env: "THINK_FIRST_VERSION", help: "add-in version X.Y.Z (default package.json's); raise it for each manifest update" },
  "id-file": { env: "THINK_FIRST_ID_FILE", help: "where the generated id is kept (default .tenant/<host>.id)" },
  "compliance-mailbox": { env: "THINK_FIRST_COMPLIANCE_MAILBOX", help: "writes <out>/exchange/: Exchange rules that report to this mailbox (docs/audit.md)" },
  "exchange-mode": { env: "THINK_FIRST_EXCHANGE_MODE", help: "mode of those rules: Audit (default) | AuditAndNotify | Enforce" },
  "exchange-unchecked": { env: "THINK_FIRST_EXCHANGE_UNCHECKED", help: "external mail the add-in did not check: report (default) | moderate" },
  "strip-headers": { env: "THINK_FIRST_STRIP_HEADERS", help: "also remove the X-ThinkFirst-* headers before delivery outside", flag: true },
};

const USAGE = [
  "usage: npm run build:tenant -- --base-url https://host/path --policy FILE [options]",
  ...Object.keys(OPTIONS).map((k) => `  --${k.padEnd(18)} ${OPTIONS[k]!.help}  [$${OPTIONS[k]!.env}]`),
].join("\n");

class UsageError extends Error {}

export function readOptions(argv: string[], env: Record<string, string | undefined>): Record<string, string | undefined> & { help?: string } {
  const given: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return { help: "yes" };
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !OPTIONS[m[1]!]) throw new UsageError(`unknown argument "${arg}"\n${USAGE}`);
    if (OPTIONS[m[1]!]!.flag) {
      if (m[2] !== undefined) throw new UsageError(`--${m[1]} takes no value\n${USAGE}`);
      given[m[1]!] = "1";
      continue;
    }
    const value = m[2] !== undefined ? m[2] : argv[++i];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`--${m[1]} needs a value\n${USAGE}`);
    given[m[1]!] = value;
  }
  const out: Record<string, string | undefined> = {};
  for (const k of Object.keys(OPTIONS)) out[k] = given[k] ?? (env[OPTIONS[k]!.env] || undefined);
  return out;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)(:\d+)?$/i;

function checkOutDir(out: string): void {
  const rel = path.relative(out, ROOT);
  if (rel === "" || !rel.startsWith("..")) throw new TenantSettingsError(`out: ${out} is the project folder or contains it; choose a folder of its own`);
  for (const keep of ["src", "assets", "scripts", "test", "docs", "node_modules", ".git", ".tenant"]) {
    const r = path.relative(path.join(ROOT, keep), out);
    if (r === "" || !r.startsWith("..")) throw new TenantSettingsError(`out: ${out} is inside the project's ${keep}/ folder; choose another folder`);
  }
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) throw new TenantSettingsError(`out: ${out} is a file`);
    const entries = fs.readdirSync(out);
    if (entries.length && !entries.includes("manifest.xml")) {
      throw new TenantSettingsError(`out: ${out} is not empty and is not a previous build (the build empties it first); choose an empty folder`);
    }
  }
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Files (relative) whose bytes mention localhost, with a short excerpt. */
export function findLocalhost(dir: string): { file: string; excerpt: string }[] {
  const hits: { file: string; excerpt: string }[] = [];
  for (const file of listFiles(dir)) {
    const text = fs.readFileSync(file).toString("latin1");
    const at = text.search(/localhost/i);
    if (at >= 0) hits.push({ file: path.relative(dir, file), excerpt: text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ") });
  }
  return hits;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
  return { status: r.status, output: `${r.stdout || ""}${r.stderr || ""}`.trim() };
}

export interface BuildResult {
  outDir: string;
  baseUrl: string;
  id: string;
  jsonId: string;
  idSource: string;
  idFile: string;
  sendMode: string;
  policyFile: string;
  policy: Policy;
  policyUrl?: string;
  version: string;
  policyVersion: string;
  /** The Exchange backstop pack, when --compliance-mailbox was given. */
  exchange?: { dir: string; files: string[]; options: BackstopOptions };
}

/** The Exchange pack's settings from the options (undefined without a compliance mailbox); refuses bad values. */
function exchangeOptions(o: Record<string, string | undefined>): Omit<BackstopOptions, "organization" | "policyVersion" | "productVersion"> | undefined {
  if (!o["compliance-mailbox"]) {
    const orphan = ["exchange-mode", "exchange-unchecked", "strip-headers"].find((k) => o[k]);
    if (orphan) throw new UsageError(`--${orphan} configures the Exchange rules: give --compliance-mailbox too\n${USAGE}`);
    return undefined;
  }
  const strip = o["strip-headers"];
  if (strip && !["1", "true", "yes"].includes(strip.toLowerCase())) throw new BackstopOptionError(`strip headers: "${strip}" is not 1, true or yes`);
  return {
    complianceMailbox: checkMailbox(o["compliance-mailbox"]),
    mode: checkMode(o["exchange-mode"] || "Audit"),
    unchecked: checkUnchecked(o["exchange-unchecked"] || "report"),
    stripHeaders: !!strip,
  };
}

export function buildTenant(argv: string[], env: Record<string, string | undefined>, log: (s: string) => void = console.log): BuildResult {
  const o = readOptions(argv, env);
  if (o.help) {
    log(USAGE);
    return undefined as unknown as BuildResult;
  }
  // 1. inputs, all before anything is written
  if (!o["base-url"]) throw new UsageError(`missing --base-url (the https address the files will be served from)\n${USAGE}`);
  const baseUrl = checkBaseUrl(o["base-url"]);
  const host = new URL(baseUrl).host;
  if (LOOPBACK.test(host)) throw new TenantSettingsError(`base URL: ${host} is this machine; a tenant build needs the address users' Outlook will load it from (npm start serves localhost for development)`);
  if (!o.policy) throw new UsageError(`missing --policy (for example assets/policy/default-policy.yaml, after \`npx dlp check-policy FILE\`)\n${USAGE}`);
  const policyFile = path.resolve(o.policy);
  if (!fs.existsSync(policyFile) || !fs.statSync(policyFile).isFile()) throw new TenantSettingsError(`policy: file not found: ${policyFile}`);
  const policy = loadPolicyFile(policyFile); // PolicyError: the compiler's own messages (file, path, rule id, line)
  const sendMode = checkSendMode(o["send-mode"] || "SoftBlock");
  if (o.id) checkAddinId(o.id);
  const policyUrl = o["policy-url"] ? checkPolicyUrl(o["policy-url"], baseUrl) : undefined;
  const exchange = exchangeOptions(o);
  const outDir = path.resolve(o.out || "dist");
  checkOutDir(outDir);
  const idFile = o["id-file"] ? path.resolve(o["id-file"]) : idFileFor(baseUrl);
  const stable = stableAddinId(o.id, idFile);
  if (stable.replaced) log(`warning: --id ${stable.id} replaces ${stable.replaced} kept in ${idFile}: Outlook treats this as a NEW add-in`);

  // 2. the production build (webpack reads the same settings from the environment)
  const buildEnv: NodeJS.ProcessEnv = {
    ...process.env,
    THINK_FIRST_BASE_URL: baseUrl,
    THINK_FIRST_POLICY: policyFile,
    THINK_FIRST_SEND_MODE: sendMode,
    THINK_FIRST_ADDIN_ID: stable.id,
    THINK_FIRST_OUT: outDir,
    THINK_FIRST_POLICY_URL: policyUrl || "",
    THINK_FIRST_VERSION: o.version || "",
  };
  log(`building ${baseUrl} into ${outDir} …`);
  const wp = run(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] }), "--mode", "production", "--no-color"], buildEnv);
  if (wp.status !== 0) throw new Error(`webpack failed:\n${wp.output}`);

  // 3. the app package for the unified manifest
  const manifestJsonText = fs.readFileSync(path.join(outDir, "manifest.json"), "utf8");
  fs.writeFileSync(path.join(outDir, APP_PACKAGE), appPackage(manifestJsonText));

  // 3b. the Exchange backstop pack (checked against the documented cmdlets before it is written)
  const xmlForVersion = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
  const builtVersion = (/<Version>(\d+\.\d+\.\d+)\.0<\/Version>/.exec(xmlForVersion) || [])[1] || "?";
  let pack: BuildResult["exchange"];
  if (exchange) {
    const options: BackstopOptions = { ...exchange, organization: policy.organization.name, policyVersion: policyVersion(policy), productVersion: builtVersion };
    const dir = path.join(outDir, "exchange");
    pack = { dir, files: writeExchangePack(dir, options, policy), options };
  }

  // 4. checks of the output
  const xml = run(process.execPath, [path.join(ROOT, "scripts/validate-manifest.mjs"), path.join(outDir, "manifest.xml")]);
  if (xml.status !== 0) throw new Error(`manifest.xml does not validate:\n${xml.output}`);
  const json = run(process.execPath, ["-r", path.join(ROOT, "scripts/no-network.cjs"), require.resolve("office-addin-manifest/cli.js", { paths: [ROOT] }), "validate", path.join(outDir, "manifest.json")]);
  if (json.status !== 0 || /not valid|error/i.test(json.output)) throw new Error(`manifest.json does not validate (offline):\n${json.output}`);
  const xmlText = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
  if (!xmlText.includes(`<Id>${stable.id}</Id>`)) throw new Error(`manifest.xml does not carry the add-in id ${stable.id}`);
  const shipped = compilePolicy(JSON.parse(fs.readFileSync(path.join(outDir, "policy.json"), "utf8")), "policy.json").policy;
  if (!isDeepStrictEqual(shipped, policy)) throw new Error("policy.json differs from the compiled policy file");
  const local = findLocalhost(outDir);
  if (local.length) throw new Error(`the output still mentions localhost (users' Outlook cannot load it):\n${local.map((h) => `  ${h.file}: …${h.excerpt}…`).join("\n")}`);

  const result: BuildResult = {
    outDir,
    baseUrl,
    id: stable.id,
    jsonId: jsonManifestId(stable.id),
    idSource: stable.source,
    idFile,
    sendMode,
    policyFile,
    policy,
    policyUrl,
    version: builtVersion,
    policyVersion: policyVersion(policy),
    exchange: pack,
  };
  log(summary(result));
  return result;
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : p;
}

function summary(r: BuildResult): string {
  const idNote = { option: "from --id", file: "kept from", generated: "new, saved in" }[r.idSource] || "";
  return [
    "",
    "Think First tenant build ✓",
    `  folder      ${r.outDir}`,
    `  base URL    ${r.baseUrl}`,
    `  add-in id   ${r.id} (${idNote} ${displayPath(r.idFile)}; keep it: a new id is a new add-in)`,
    `  unified id  ${r.jsonId} (manifest.json, derived from the add-in id)`,
    `  version     ${r.version}`,
    `  send mode   ${r.sendMode}`,
    `  policy      ${r.policyFile}: "${r.policy.organization.name}", ${r.policy.rules.length} rules, ${r.policy.customPatterns.length} custom patterns, version ${r.policyVersion}`,
    `  policy URL  ${r.policyUrl || "(none: the policy is the one compiled into the bundle)"}`,
    r.exchange
      ? `  exchange    ${path.join(r.outDir, "exchange")}${path.sep} (mode ${r.exchange.options.mode}, unchecked external mail: ${r.exchange.options.unchecked}, headers ${r.exchange.options.stripHeaders ? "removed before delivery outside" : "kept"}, reports to ${r.exchange.options.complianceMailbox})`
      : "  exchange    not written (--compliance-mailbox ADDRESS writes the Exchange backstop rules, docs/audit.md)",
    `  checked     manifest.xml (xmllint), manifest.json (office-addin-manifest, offline), policy.json = policy, no localhost${r.exchange ? ", Exchange scripts against the documented cmdlets" : ""}`,
    "",
    `Host every file of the folder at ${r.baseUrl}/ (launchevent.js, launchevent.html, taskpane.html, policy.json: Cache-Control: no-cache).`,
    "Then upload ONE of these in Microsoft 365 admin center → Settings → Integrated apps → Upload custom apps:",
    `  ${path.join(r.outDir, "manifest.xml")}   (add-in only manifest: every Outlook, including Mac)`,
    `  ${path.join(r.outDir, APP_PACKAGE)}   (unified manifest package: web, new Outlook, classic Windows 2307+; not Mac)`,
    ...(r.exchange ? [`Then run ${path.join(r.outDir, "exchange", "install-rules.ps1")} in Exchange Online PowerShell (see the README.md beside it).`] : []),
    "See docs/deploy.md.",
  ].join("\n");
}

if (require.main === module) {
  try {
    buildTenant(process.argv.slice(2), process.env);
  } catch (e) {
    const err = e as Error;
    const bad = err instanceof UsageError || err instanceof TenantSettingsError || err instanceof BackstopOptionError || err.name === "PolicyError";
    const what = err.name === "PolicyError" ? "the policy is not valid:\n" : "";
    console.error(`build:tenant: ${what}${err.message}`);
    process.exit(bad ? 2 : 1);
  }
}
