/**
 * Build-time settings of one tenant build (base URL, policy, send mode, add-in id, optional policy URL), read from the
 * environment. Used by webpack.config.js (every build) and scripts/build-tenant.ts (which sets the environment from its
 * command line). Node only: never bundled. See docs/deploy.md.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { loadPolicyFile } from "../src/cli/policy-file";
import type { Policy } from "../src/engine/policy/types";
import { policyVersion } from "../src/engine/policy/version";
import { unifiedManifest } from "./manifest-json";

export const DEV_BASE_URL = "https://localhost:3000";
export const SEND_MODES = ["SoftBlock", "Block", "PromptUser"] as const;
export type SendMode = (typeof SEND_MODES)[number];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/;
const ROOT = path.resolve(__dirname, "..");

/** A setting is wrong: the message says which one and what is expected. */
export class TenantSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantSettingsError";
  }
}

export interface TenantSettings {
  baseUrl: string;
  policyFile: string;
  policy: Policy;
  /** Absolute https URL of the policy JSON, same origin as baseUrl; undefined when not configured. */
  policyUrl?: string;
  sendMode: SendMode;
  /** The manifest.xml <Id> given for this build; undefined in development (the template's id stays). */
  addinId?: string;
  /** The add-in version, semver (manifest.xml gets it with a fourth ".0"). */
  version: string;
  outDir: string;
  rewriteManifest(xml: string): string;
  /** Files every build writes beside the bundle: policy.json (the compiled policy), manifest.json, build-info.json. */
  generatedFiles(): Record<string, string>;
}

export function checkBaseUrl(raw: string): string {
  const baseUrl = raw.trim().replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TenantSettingsError(`base URL: "${raw}" is not a URL; expected https://host/path`);
  }
  if (url.protocol !== "https:") {
    throw new TenantSettingsError(`base URL: Outlook loads add-ins only over HTTPS; "${raw}" uses ${url.protocol.replace(":", "")}. Use https://${url.host}${url.pathname === "/" ? "" : url.pathname}`);
  }
  if (url.search || url.hash || url.username || url.password || /\s/.test(baseUrl)) {
    throw new TenantSettingsError(`base URL: "${raw}" must be a plain https://host/path (no query, fragment, credentials or spaces)`);
  }
  return baseUrl;
}

export function checkSendMode(raw: string): SendMode {
  if ((SEND_MODES as readonly string[]).includes(raw)) return raw as SendMode;
  const near = SEND_MODES.find((m) => m.toLowerCase() === raw.toLowerCase());
  throw new TenantSettingsError(`send mode: "${raw}" is not one of ${SEND_MODES.join(", ")} (the names are case-sensitive)${near ? `; did you mean "${near}"?` : ""}`);
}

export function checkAddinId(raw: string): string {
  if (!GUID.test(raw)) throw new TenantSettingsError(`add-in id: "${raw}" is not a GUID (like 6d0c3b9a-4f2e-4d6b-9a7e-7c1f5e2a8b31)`);
  return raw.toLowerCase();
}

/** A relative policy URL is resolved against the base URL; the result must be https and on the base URL's origin. */
export function checkPolicyUrl(raw: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(raw, baseUrl + "/");
  } catch {
    throw new TenantSettingsError(`policy URL: "${raw}" is not a URL`);
  }
  const origin = new URL(baseUrl).origin;
  if (url.protocol !== "https:" || url.origin !== origin) {
    throw new TenantSettingsError(`policy URL: "${url.href}" must be on the add-in's own origin ${origin} (same origin, https), e.g. ${baseUrl}/policy.json`);
  }
  return url.href;
}

export function tenantSettings(env: Record<string, string | undefined>): TenantSettings {
  const baseUrl = checkBaseUrl(env.THINK_FIRST_BASE_URL || DEV_BASE_URL);
  const policyFile = path.resolve(ROOT, env.THINK_FIRST_POLICY || "assets/policy/default-policy.yaml");
  if (!fs.existsSync(policyFile) || !fs.statSync(policyFile).isFile()) {
    throw new TenantSettingsError(`policy: file not found: ${policyFile}`);
  }
  const policy = loadPolicyFile(policyFile); // throws the compiler's PolicyError (file, path, rule id, line)
  const sendMode = checkSendMode(env.THINK_FIRST_SEND_MODE || "SoftBlock");
  const addinId = env.THINK_FIRST_ADDIN_ID ? checkAddinId(env.THINK_FIRST_ADDIN_ID) : undefined;
  const policyUrl = env.THINK_FIRST_POLICY_URL ? checkPolicyUrl(env.THINK_FIRST_POLICY_URL, baseUrl) : undefined;
  const version = env.THINK_FIRST_VERSION || packageVersion();
  if (!SEMVER.test(version)) throw new TenantSettingsError(`version: "${version}" is not a version like 1.0.3`);
  const settings: TenantSettings = {
    baseUrl,
    policyFile,
    policy,
    policyUrl,
    sendMode,
    addinId,
    version,
    outDir: env.THINK_FIRST_OUT || "dist",
    rewriteManifest(xml: string): string {
      let out = xml.split(DEV_BASE_URL).join(baseUrl);
      out = out.replace(/SendMode="[A-Za-z]+"/g, `SendMode="${sendMode}"`);
      out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
      if (addinId) out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${addinId}</Id>`);
      return out;
    },
    generatedFiles(): Record<string, string> {
      const xmlId = addinId || templateAddinId();
      const info = {
        product: "Think First",
        version,
        baseUrl,
        sendMode,
        addinId: xmlId,
        policyUrl: policyUrl || null,
        organization: policy.organization.name,
        policyVersion: policyVersion(policy),
        rules: policy.rules.map((r) => r.id),
      };
      return {
        "build-info.json": JSON.stringify(info, null, 2) + "\n",
        "policy.json": JSON.stringify(policy, null, 2) + "\n",
        "manifest.json": JSON.stringify(unifiedManifest({ baseUrl, xmlId, sendMode, version }), null, 2) + "\n",
      };
    },
  };
  return settings;
}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** For scripts that need the raw manifest template. */
export function readManifestTemplate(): string {
  return fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
}

/** The development <Id> in manifest.xml. */
export function templateAddinId(): string {
  const id = /<Id>([^<]+)<\/Id>/.exec(readManifestTemplate())?.[1];
  if (!id) throw new TenantSettingsError("manifest.xml has no <Id>");
  return id.trim();
}

// ---- a stable add-in id per tenant ---------------------------------------------------------------------------------

/** Where the generated id of a tenant (keyed by the base URL's host) is kept: .tenant/<host>.id (git-ignored). */
export function idFileFor(baseUrl: string, dir = path.join(ROOT, ".tenant")): string {
  const host = new URL(baseUrl).host.toLowerCase().replace(/[^a-z0-9.-]/g, "_");
  return path.join(dir, `${host}.id`);
}

export interface StableId {
  id: string;
  source: "option" | "file" | "generated";
  file: string;
  /** Set when an explicit id differs from the one kept in the file. */
  replaced?: string;
}

/**
 * The explicit id when given (it is then kept in the file for next time), else the id kept in the file, else a new
 * GUID written to the file. Changing the id makes Outlook see a new add-in, so it is never regenerated silently.
 */
export function stableAddinId(explicit: string | undefined, file: string): StableId {
  let kept: string | undefined;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8").trim();
    if (!GUID.test(text)) throw new TenantSettingsError(`add-in id file ${file} does not hold a GUID; fix or delete it (deleting it creates a NEW add-in)`);
    kept = text.toLowerCase();
  }
  if (explicit) {
    const id = checkAddinId(explicit);
    if (id !== kept) writeId(file, id);
    return { id, source: "option", file, replaced: kept && kept !== id ? kept : undefined };
  }
  if (kept) return { id: kept, source: "file", file };
  const id = crypto.randomUUID();
  writeId(file, id);
  return { id, source: "generated", file };
}

function writeId(file: string, id: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, id + "\n");
}
