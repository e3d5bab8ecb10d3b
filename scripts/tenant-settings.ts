/**
 * Build-time settings of one tenant build (base URL, policy, send mode, add-in id), read from the environment.
 * Used by webpack.config.js and scripts/build-tenant.ts. Node only: never bundled.
 */
import * as fs from "fs";
import * as path from "path";
import { loadPolicyFile } from "../src/cli/policy-file";
import type { Policy } from "../src/engine/policy/types";

export const DEV_BASE_URL = "https://localhost:3000";
export const SEND_MODES = ["SoftBlock", "Block", "PromptUser"] as const;
export type SendMode = (typeof SEND_MODES)[number];

export interface TenantSettings {
  baseUrl: string;
  policyFile: string;
  policy: Policy;
  policyUrl?: string;
  sendMode: SendMode;
  addinId?: string;
  outDir: string;
  rewriteManifest(xml: string): string;
}

export function tenantSettings(env: Record<string, string | undefined>): TenantSettings {
  const root = path.resolve(__dirname, "..");
  const baseUrl = (env.THINK_FIRST_BASE_URL || DEV_BASE_URL).replace(/\/+$/, "");
  if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(baseUrl)) {
    throw new Error(`THINK_FIRST_BASE_URL must be an https:// URL, got "${baseUrl}"`);
  }
  const policyFile = path.resolve(root, env.THINK_FIRST_POLICY || "assets/policy/default-policy.yaml");
  const policy = loadPolicyFile(policyFile);
  const sendMode = (env.THINK_FIRST_SEND_MODE || "SoftBlock") as SendMode;
  if (!SEND_MODES.includes(sendMode)) {
    throw new Error(`THINK_FIRST_SEND_MODE must be one of ${SEND_MODES.join(", ")}, got "${sendMode}"`);
  }
  const addinId = env.THINK_FIRST_ADDIN_ID || undefined;
  if (addinId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(addinId)) {
    throw new Error(`THINK_FIRST_ADDIN_ID must be a GUID, got "${addinId}"`);
  }
  const policyUrl = env.THINK_FIRST_POLICY_URL || undefined;
  return {
    baseUrl,
    policyFile,
    policy,
    policyUrl,
    sendMode,
    addinId,
    outDir: env.THINK_FIRST_OUT || "dist",
    rewriteManifest(xml: string): string {
      let out = xml.split(DEV_BASE_URL).join(baseUrl);
      out = out.replace(/SendMode="[A-Za-z]+"/g, `SendMode="${sendMode}"`);
      if (addinId) out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${addinId}</Id>`);
      return out;
    },
  };
}

/** For scripts that need the raw manifest template. */
export function readManifestTemplate(): string {
  return fs.readFileSync(path.resolve(__dirname, "..", "manifest.xml"), "utf8");
}
