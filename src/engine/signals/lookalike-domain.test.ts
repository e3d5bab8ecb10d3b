import { lookalikeDomain } from "./lookalike-domain";
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

describe("lookalike-domain", () => {
  it("is registered as a recipient signal with a name and a count in every locale", () => {
    expect(lookalikeDomain.id).toBe("lookalike-domain");
    expect(lookalikeDomain.group).toBe("recipient");
    for (const locale of ["en", "sk", "nb", "fi", "hi", "ur"] as const) {
      expect(lookalikeDomain.names[locale].name.length).toBeGreaterThan(0);
      expect(lookalikeDomain.names[locale].count.other).toContain("{count}");
    }
  });

  it("is found by the decision from the recipients", () => {
    const d = decide([], msg([to("jane@contoso.co")]), policy);
    expect(d.counts["lookalike-domain"]).toBe(1);
    expect(decide([], msg([to("jane@contoso.com")]), policy).counts["lookalike-domain"]).toBeUndefined();
  });
});
