import { firstTimeRecipient } from "./first-time-recipient";
import { decide } from "../policy/decide";
import { compilePolicy } from "../policy/compile";
import type { Policy } from "../policy/types";
import type { MessageInfo, Recipient } from "../types";
import { RecipientHistory } from "../recipients/recipient-history";

const policy: Policy = compilePolicy(
  {
    version: 1,
    organization: { name: "Contoso", internalDomains: ["contoso.com"] },
    citation: { title: { en: "Privacy" } },
    rules: [{ id: "warn-lookalike-domain", when: { detectors: ["lookalike-domain"] }, action: "warn", message: "check-lookalike-domain" }],
  },
  "p.json",
).policy;
const to = (email: string): Recipient => ({ email, field: "to", recipientType: "user" });
const msg = (recipients: Recipient[], extra: Partial<MessageInfo> = {}): MessageInfo => ({ from: "me@contoso.com", subject: "", recipients, attachments: [], ...extra });

describe("first-time-recipient", () => {
  it("is registered as a recipient signal with a name and a count in every locale", () => {
    expect(firstTimeRecipient.id).toBe("first-time-recipient");
    expect(firstTimeRecipient.group).toBe("recipient");
    for (const locale of ["en", "sk", "nb", "fi", "hi", "ur"] as const) {
      expect(firstTimeRecipient.names[locale].name.length).toBeGreaterThan(0);
      expect(firstTimeRecipient.names[locale].count.other).toContain("{count}");
    }
  });

  it("is found by the decision from the recipients", () => {
    const alone: Policy = { ...policy, rules: [{ id: "r", when: { detectors: ["first-time-recipient"], minCount: 1, minConfidence: "low", recipients: "any", where: ["body", "attachment", "subject"] }, action: "warn", message: "check-first-time-recipient" }] };
    const history = RecipientHistory.create((n) => new Uint8Array(n).fill(7), 0);
    history.remember(["old@fabrikam.no"]);
    const firstTime = { history, now: 100 * 86400000, learningDays: 14 };
    expect(decide([], msg([to("new@fabrikam.no"), to("old@fabrikam.no")], { firstTime }), alone).counts["first-time-recipient"]).toBe(1);
    expect(decide([], msg([to("old@fabrikam.no")], { firstTime }), alone).action).toBe("allow");
  });
});
