/**
 * Hand-built Decisions and Policies for the i18n tests (worst-case placeholders: every kind found, a 120-character
 * attachment name, a long policy title). Masked values only; the card and IBAN shapes are the published test numbers'.
 */
import type { Decision, Example, FiredRule, Location } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { testPolicy } from "../engine/test-policy";
import { REGISTRY, TEXT_DETECTORS } from "../engine/registry";

/** Every id a finding can carry (text detectors and the finding-like signals), from the registry. */
export const ALL_DETECTORS: string[] = REGISTRY.map((r) => r.id).filter((id) => id !== "visible-external-recipients" && id !== "unscanned");

/** 120 characters, with an extension. */
export const LONG_NAME = ("Customer_master_list_" + "x".repeat(200)).slice(0, 115) + ".xlsx";

/** A masked example per id: each text detector masks its own first example; the signals' display forms by hand. */
const MASKED: { [id: string]: string } = { "email-list": "40 addresses", "customer-list-name": "customers.xlsx" };
for (const d of TEXT_DETECTORS) MASKED[d.id] = d.mask(d.examples.match[0] as string);

export function policy(overrides: Partial<Policy["citation"]> = {}): Policy {
  return testPolicy({
    citation: {
      title: {
        en: "Customer Information Privacy",
        sk: "Ochrana dôverných informácií zákazníkov",
        nb: "Personvern for kundeinformasjon",
        fi: "Asiakastietojen tietosuoja",
        hi: "ग्राहक जानकारी गोपनीयता",
        ur: "گاہک کے ڈیٹا کی رازداری",
      },
      url: "https://intranet.example.com/policies/customer-information-privacy",
      ...overrides,
    },
  });
}

/** A policy whose cited title is long in every locale (and the link long too). */
export function longTitlePolicy(): Policy {
  const long = "Global Code of Conduct, Section 4.2: Protection of Customer Confidential Information and Personal Data Privacy";
  return policy({
    title: { en: long, sk: long, nb: long, fi: long, hi: long, ur: long },
    url: "https://intranet.example.com/policies/" + "code-of-conduct/".repeat(6) + "customer-information-privacy?lang=all",
  });
}

function examplesFor(ids: string[], locations: Location[]): Example[] {
  const out: Example[] = [];
  ids.forEach((id, i) => {
    const loc = locations[i % locations.length] as Location;
    out.push({ detector: id, masked: MASKED[id] || "****", location: loc, confidence: "high" });
    out.push({ detector: id, masked: (MASKED[id] || "****").replace(/.$/, "9"), location: loc, confidence: "medium" });
  });
  return out;
}

export type Kind = "warn" | "block" | "unscanned";

/** Worst case: every kind found in body, subject and a 120-char attachment; many external recipients; parts unscanned. */
export function worstCase(kind: Kind): Decision {
  const locations: Location[] = [
    { kind: "body" },
    { kind: "subject" },
    { kind: "attachment", name: LONG_NAME, attachmentId: "a1" },
    { kind: "attachment", name: "Q3 " + LONG_NAME.slice(3), attachmentId: "a2" },
    { kind: "attachment", name: "second-" + LONG_NAME.slice(7), attachmentId: "a3" },
  ];
  const counts: Record<string, number> = {};
  ALL_DETECTORS.forEach((id, i) => (counts[id] = i + 2));
  counts["visible-external-recipients"] = 250;
  counts["my-custom-employee-id"] = 3;
  const unscanned = [
    { part: LONG_NAME.replace(".xlsx", ".pdf"), reason: "encrypted" as const },
    { part: "archive.zip/" + LONG_NAME, reason: "too-large" as const },
    { part: "other.docx", reason: "timeout" as const },
  ];
  if (kind === "unscanned") {
    const rules: FiredRule[] = [{ id: "unscanned", action: "warn", message: "check-unscanned", detectors: ["unscanned"] }];
    return { action: "warn", rules, counts: { unscanned: 3 }, examples: [], fixes: [], unscanned, visibleExternalRecipients: 0 };
  }
  const rules: FiredRule[] = [
    { id: "identifiers-external", action: kind, message: "remove-or-mask", detectors: ALL_DETECTORS.filter((d) => d !== "email-list") },
    { id: "customer-list", action: "warn", message: "dont-share-customer-list", detectors: ["email-list", "customer-list-name"] },
    { id: "visible-recipients", action: "warn", message: "move-to-bcc", detectors: ["visible-external-recipients"] },
    { id: "attachments", action: "warn", message: "remove-attachment", detectors: ["*"] },
    { id: "unscanned", action: "warn", message: "check-unscanned", detectors: ["unscanned"] },
    { id: "custom", action: "warn", message: "no-such-advice-id", detectors: ["my-custom-employee-id"] },
  ];
  return {
    action: kind,
    rules,
    counts,
    examples: examplesFor(ALL_DETECTORS.concat(["my-custom-employee-id"]), locations),
    fixes: [
      { kind: "move-to-bcc", recipients: 250 },
      { kind: "mask-identifiers", findings: 40 },
      { kind: "remove-attachment", name: LONG_NAME, attachmentId: "a1" },
      { kind: "remove-attachment", name: "second-" + LONG_NAME.slice(7), attachmentId: "a3" },
    ],
    unscanned,
    visibleExternalRecipients: 250,
  };
}

/** A typical case: 2 cards in the body to an external recipient. */
export function simpleBlock(): Decision {
  return {
    action: "block",
    rules: [{ id: "identifiers-external", action: "block", message: "remove-or-mask", detectors: ["payment-card"] }],
    counts: { "payment-card": 2 },
    examples: [
      { detector: "payment-card", masked: "**** **** **** 1111", location: { kind: "body" }, confidence: "high" },
      { detector: "payment-card", masked: "**** **** **** 4444", location: { kind: "body" }, confidence: "high" },
    ],
    fixes: [{ kind: "mask-identifiers", findings: 2 }],
    unscanned: [],
    visibleExternalRecipients: 0,
  };
}

/** The seed's Think First case: a customer e-mail list sent internally. */
export function customerListWarn(): Decision {
  return {
    action: "warn",
    rules: [{ id: "customer-list", action: "warn", message: "dont-share-customer-list", detectors: ["email-list"] }],
    counts: { "email-list": 1 },
    examples: [{ detector: "email-list", masked: "40 addresses", location: { kind: "attachment", name: "customers.csv" }, confidence: "high" }],
    fixes: [{ kind: "remove-attachment", name: "customers.csv" }],
    unscanned: [],
    visibleExternalRecipients: 0,
  };
}

export function recipientsWarn(n = 25): Decision {
  return {
    action: "warn",
    rules: [{ id: "visible-recipients", action: "warn", message: "move-to-bcc", detectors: ["visible-external-recipients"] }],
    counts: { "visible-external-recipients": n },
    examples: [],
    fixes: [{ kind: "move-to-bcc", recipients: n }],
    unscanned: [],
    visibleExternalRecipients: n,
  };
}

export function allowDecision(): Decision {
  return { action: "allow", rules: [], counts: {}, examples: [], fixes: [], unscanned: [], visibleExternalRecipients: 0 };
}
