import { mixedOrganizations } from "./mixed-organizations";
import { decide } from "../policy/decide";
import { compilePolicy } from "../policy/compile";
import type { Policy } from "../policy/types";
import type { MessageInfo, Recipient } from "../types";

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

describe("mixed-organizations", () => {
  it("is registered as a recipient signal with a name and a count in every locale", () => {
    expect(mixedOrganizations.id).toBe("mixed-organizations");
    expect(mixedOrganizations.group).toBe("recipient");
    for (const locale of ["en", "sk", "nb", "fi", "hi", "ur"] as const) {
      expect(mixedOrganizations.names[locale].name.length).toBeGreaterThan(0);
      expect(mixedOrganizations.names[locale].count.other).toContain("{count}");
    }
  });

  it("is found by the decision from the recipients", () => {
    const alone: Policy = { ...policy, rules: [{ id: "r", when: { detectors: ["mixed-organizations"], minCount: 1, minConfidence: "low", recipients: "any", where: ["body", "attachment", "subject"] }, action: "warn", message: "check-mixed-organizations" }] };
    expect(decide([], msg([to("a@fabrikam.no"), to("b@northwind.fi")]), alone).counts["mixed-organizations"]).toBe(2);
    expect(decide([], msg([to("a@fabrikam.no"), to("b@sales.fabrikam.no")]), alone).action).toBe("allow");
  });
});
