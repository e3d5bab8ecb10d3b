import { PersonalDomains, recipientClass, type ClassifyContext } from "./recipient-class";
import { defaultPersonalDomains } from "./personal-domains";

const personal = new PersonalDomains(defaultPersonalDomains());
const ctx = (senderDomain = "contoso.com"): ClassifyContext => ({ internalDomains: ["contoso.com", "contoso.sk"], senderDomain, personal });

describe("recipientClass", () => {
  test.each([
    ["jana@contoso.com", "user", "internal"],
    ["jana@eu.contoso.com", "user", "internal"],
    ["jana@contoso.sk", "unknown", "internal"],
    ["jana@Contoso.COM", "user", "internal"],
    ["jana@fabrikam.no", "user", "external"],
    ["jana@contoso.co", "user", "external"],
    ["jana@gmail.com", "user", "personal"],
    ["jana@azet.sk", "unknown", "personal"],
    ["jana@seznam.cz", "user", "personal"],
    ["jana@online.no", "user", "personal"],
    ["jana@pp.inet.fi", "user", "personal"],
    ["jana@rediffmail.com", "externalUser", "personal"],
    // Outlook's own word that the recipient is external overrides the domain.
    ["jana@contoso.com", "externalUser", "external"],
    // Nothing readable: outside.
    ["", "distributionList", "external"],
    ["no-at-sign", "user", "external"],
  ] as const)("%s (%s) → %s", (email, recipientType, expected) => {
    expect(recipientClass({ email, recipientType }, ctx())).toBe(expected);
  });

  test("the sender's own domain is internal, unless it is a consumer mailbox domain", () => {
    expect(recipientClass({ email: "ola@fabrikam.no" }, ctx("fabrikam.no"))).toBe("internal");
    expect(recipientClass({ email: "ola@gmail.com" }, ctx("gmail.com"))).toBe("personal");
  });

  test("a consumer domain that is also internal (the provider's own staff) stays internal", () => {
    const seznam: ClassifyContext = { internalDomains: ["seznam.cz"], senderDomain: "seznam.cz", personal };
    expect(recipientClass({ email: "petr@seznam.cz" }, seznam)).toBe("internal");
  });

  test("PersonalDomains matches subdomains, not look-alike names", () => {
    const p = new PersonalDomains(["gmail.com", "inet.fi"]);
    expect([p.has("gmail.com"), p.has("mail.gmail.com"), p.has("pp.inet.fi"), p.has("notgmail.com"), p.has("gmail.com.evil.net")]).toEqual([true, true, true, false, false]);
  });
});
