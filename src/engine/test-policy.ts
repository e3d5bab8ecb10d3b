/** A complete policy with every default, for the engine's unit tests (detector settings left to the scanner's defaults). */
import type { Policy } from "./policy/types";

export function testPolicy(overrides: Partial<Policy> = {}): Policy {
  const base: Policy = {
    version: 1,
    organization: { name: "Example Corp", internalDomains: ["example.com"] },
    citation: { title: { en: "Customer Information Privacy" } },
    detectors: {},
    thresholds: { emailList: 10, visibleExternalRecipients: 10 },
    customPatterns: [],
    rules: [],
    allowlists: { values: [], senders: [], recipientDomains: [] },
    onUnscanned: "warn",
    timeBudgetMs: 4000,
  };
  return Object.assign(base, overrides);
}
