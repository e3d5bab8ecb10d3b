/**
 * The default policy as the bundle sees it, installed as the webpack-defined globals so that modules importing
 * src/outlook/build-constants load under jest. Import this BEFORE any src/outlook module.
 */
import * as path from "path";
import { loadPolicyFile } from "../../src/cli/policy-file";
import type { Policy } from "../../src/engine/policy/types";

export const defaultPolicy: Policy = loadPolicyFile(path.resolve(__dirname, "..", "..", "assets", "policy", "default-policy.yaml"));
const g = globalThis as Record<string, unknown>;
if (g.__THINK_FIRST_POLICY__ === undefined) g.__THINK_FIRST_POLICY__ = defaultPolicy;
if (g.__THINK_FIRST_POLICY_URL__ === undefined) g.__THINK_FIRST_POLICY_URL__ = "";
if (g.__THINK_FIRST_BUILD__ === undefined) g.__THINK_FIRST_BUILD__ = { baseUrl: "https://localhost:3000", version: "test" };

/** The default policy with another time budget / failure action. */
export function withPolicy(over: Partial<Policy>): Policy {
  return { ...defaultPolicy, ...over };
}
