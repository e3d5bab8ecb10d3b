/**
 * Test kit of the recipient signals' tests (lookalike-domain, mixed-organizations, first-time-recipient): a compiled
 * policy for contoso.com, recipients and messages, a policy with one warn rule on a single signal, and the
 * registration check every recipient signal passes.
 */
import type { Signal } from "../detectors/detector";
import { compilePolicy } from "../policy/compile";
import type { Policy } from "../policy/types";
import type { AdviceId } from "../policy/ids";
import type { MessageInfo, Recipient } from "../types";

/** contoso.com is internal; one rule warns on lookalike-domain. */
export const recipientPolicy: Policy = compilePolicy(
  {
    version: 1,
    organization: { name: "Contoso", internalDomains: ["contoso.com"] },
    citation: { title: { en: "Privacy" } },
    rules: [{ id: "warn-lookalike-domain", when: { detectors: ["lookalike-domain"] }, action: "warn", message: "check-lookalike-domain" }],
  },
  "p.json",
).policy;

export const to = (email: string): Recipient => ({ email, field: "to", recipientType: "user" });

export const msg = (recipients: Recipient[], extra: Partial<MessageInfo> = {}): MessageInfo => ({ from: "me@contoso.com", subject: "", recipients, attachments: [], ...extra });

/** recipientPolicy with one rule only: warn on `signal` alone, with `message`. */
export function aloneRule(signal: string, message: AdviceId): Policy {
  return { ...recipientPolicy, rules: [{ id: "r", when: { detectors: [signal], minCount: 1, minConfidence: "low", recipients: "any", where: ["body", "attachment", "subject"] }, action: "warn", message }] };
}

/** The signal has its id, the recipient group, and a name and a count in every locale. */
export function expectRecipientSignal(signal: Signal<string>, id: string): void {
  expect(signal.id).toBe(id);
  expect(signal.group).toBe("recipient");
  for (const locale of ["en", "sk", "nb", "fi", "hi", "ur"] as const) {
    expect(signal.names[locale].name.length).toBeGreaterThan(0);
    expect(signal.names[locale].count.other).toContain("{count}");
  }
}
