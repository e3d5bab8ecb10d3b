import { LookalikeMatcher, lookalikeDomain, type ReferenceDomain } from "./lookalike-domain";
import { defaultPersonalDomains } from "./personal-domains";

const REFS: ReferenceDomain[] = [
  { domain: "contoso.com", kind: "internal" },
  { domain: "contoso.sk", kind: "internal" },
  { domain: "fabrikam-partners.no", kind: "partner" },
  { domain: "tatrabanka.sk", kind: "partner" },
  { domain: "dnb.no", kind: "partner" },
  { domain: "apple.com", kind: "partner" },
  { domain: "paypal.com", kind: "partner" },
  { domain: "microsoft.com", kind: "partner" },
];
const matcher = new LookalikeMatcher(REFS.concat(defaultPersonalDomains().map((domain) => ({ domain, kind: "personal" as const }))));

describe("lookalike-domain: what is caught", () => {
  test.each([
    // domain, resembles, reason, distance
    ["contoso.co", "contoso.com", "tld-swap", 1],
    ["contoso.net", "contoso.com", "tld-swap", 3],
    ["contoso.com.co", "contoso.com", "tld-swap", 3],
    ["contoso.con", "contoso.com", "tld-swap", 1],
    ["contoso-com.net", "contoso.com", "embedded", 7],
    ["contosocom.net", "contoso.com", "embedded", 7],
    ["contoso.com.mail-secure.net", "contoso.com", "embedded", 14],
    ["contosso.com", "contoso.com", "edit-distance", 1],
    ["cnotoso.com", "contoso.com", "edit-distance", 1],
    ["conotso.sk", "contoso.sk", "edit-distance", 1],
    ["tatrabnaka.sk", "tatrabanka.sk", "edit-distance", 1],
    ["tatrabanca.sk", "tatrabanka.sk", "edit-distance", 1],
    ["tatrabamka.sk", "tatrabanka.sk", "edit-distance", 1],
    ["tatra-banka.sk", "tatrabanka.sk", "hyphen", 1],
    ["fabrikampartners.no", "fabrikam-partners.no", "hyphen", 1],
    ["fabrikam-partner.no", "fabrikam-partners.no", "edit-distance", 1],
    ["fabricam-partnerz.no", "fabrikam-partners.no", "edit-distance", 2],
    ["rnicrosoft.com", "microsoft.com", "letter-lookalike", 0],
    ["c0ntoso.com", "contoso.com", "letter-lookalike", 0],
    ["paypa1.com", "paypal.com", "letter-lookalike", 0],
    ["c0ntoso.net", "contoso.com", "letter-lookalike", 3],
    // IDN homoglyphs, as the recipient's address would carry them (xn--) and decoded.
    ["xn--80ak6aa92e.com", "apple.com", "homoglyph", 1], // аррӏе.com, all Cyrillic (the 2017 demonstration domain)
    ["xn--pypal-4ve.com", "paypal.com", "mixed-script", 0], // pаypal.com with a Cyrillic а
    ["xn--contos-gxa.com", "contoso.com", "homoglyph", 0], // contosó.com
    ["соntoso.com", "contoso.com", "mixed-script", 0],
    // Consumer mailboxes: the usual typing slips.
    ["gmial.com", "gmail.com", "edit-distance", 1],
    ["gmail.co", "gmail.com", "tld-swap", 1],
    ["gmail.con", "gmail.com", "tld-swap", 1],
    ["hotmial.com", "hotmail.com", "edit-distance", 1],
    ["yahooo.com", "yahoo.com", "edit-distance", 1],
    ["outlok.com", "outlook.com", "edit-distance", 1],
    ["hotmail.con", "hotmail.com", "tld-swap", 1],
  ])("%s resembles %s (%s, %i)", (domain, resembles, reason, distance) => {
    const m = matcher.match(domain);
    expect(m && { resembles: m.resembles, reason: m.reason, distance: m.distance }).toEqual({ resembles, reason, distance });
  });

  test("the match says what to show and what to offer", () => {
    expect(matcher.match("Mail.Contoso.CO.")).toEqual({
      domain: "mail.contoso.co",
      unicode: "mail.contoso.co",
      resembles: "contoso.com",
      kind: "internal",
      reason: "tld-swap",
      distance: 1,
      suggestedDomain: "mail.contoso.com",
    });
    expect(matcher.match("xn--pypal-4ve.com")).toEqual({
      domain: "xn--pypal-4ve.com",
      unicode: "pаypal.com",
      resembles: "paypal.com",
      kind: "partner",
      reason: "mixed-script",
      distance: 0,
      suggestedDomain: "paypal.com",
      scripts: ["Latn", "Cyrl"],
    });
    expect(matcher.match("contoso.com.mail-secure.net")!.suggestedDomain).toBe("contoso.com");
  });
});

describe("lookalike-domain: what is not", () => {
  test.each([
    // The references themselves and their subdomains.
    ["contoso.com"],
    ["mail.eu.contoso.com"],
    ["contoso.sk"],
    ["gmail.com"],
    // Real consumer providers are in the list: never a lookalike of each other.
    ["gmx.com"],
    ["mail.com"],
    ["email.cz"],
    ["hotmail.co.uk"],
    ["seznam.cz"],
    // Distinct real organizations.
    ["dnv.no"], // one slip from dnb.no, but a 3-letter label needs more than a slip
    ["dnb.com"], // dnb.no's label with another suffix: 3 letters are too short for a suffix swap
    ["fabrikam.com"],
    ["example.com"],
    ["tatrabanka-leasing.sk"],
    ["gmail-support.example"],
    ["contoso.example.com"], // the label "contoso" as a subdomain is not the domain contoso.com
    ["aol.co.uk"],
    // Consumer domains: another suffix counts only as a slip of com/net/org (their country domains are real).
    ["seznam.sk"],
    ["hotmail.be"],
    ["web.dev"],
    [""],
    ["localhost"],
  ])("%s", (domain) => {
    expect(matcher.match(domain)).toBeUndefined();
  });

  test("the price of catching slips: a real, distinct name one slip away is reported too (the allowlist is for these)", () => {
    expect(matcher.match("ample.com")).toMatchObject({ resembles: "apple.com", reason: "edit-distance" });
    expect(matcher.match("microsoft.net")).toMatchObject({ resembles: "microsoft.com", reason: "tld-swap" });
    expect(new LookalikeMatcher(REFS, { allow: ["ample.com", "microsoft.net"] }).match("ample.com")).toBeUndefined();
  });

  test("an allowlisted partner that looks alike is not reported", () => {
    const refs: ReferenceDomain[] = [{ domain: "contoso.com", kind: "internal" }];
    expect(lookalikeDomain("contoso.co", refs)).toBeDefined();
    expect(lookalikeDomain("contoso.co", refs, { allow: ["contoso.co"] })).toBeUndefined();
    expect(lookalikeDomain("mail.contoso.co", refs, { allow: ["CONTOSO.CO"] })).toBeUndefined();
    expect(lookalikeDomain("contosso.com", refs, { allow: ["contoso.co"] })).toBeDefined();
  });

  test("a reference that resembles another reference is not a lookalike", () => {
    const refs: ReferenceDomain[] = [
      { domain: "contoso.com", kind: "internal" },
      { domain: "contoso.co.uk", kind: "partner" },
    ];
    expect(lookalikeDomain("contoso.co.uk", refs)).toBeUndefined();
    expect(lookalikeDomain("contoso.co", refs)).toBeDefined();
  });

  test("without references nothing is a lookalike", () => {
    expect(lookalikeDomain("contoso.co", [])).toBeUndefined();
  });
});

describe("the one-slip prefilter agrees with the distance", () => {
  test("every pair within one edit passes it (random strings over a small alphabet)", () => {
    // Exported indirectly: matching must not change. Compare matches with and without the filter's shortcut by
    // checking the one-slip variants of many labels directly.
    const refs: ReferenceDomain[] = ["abcd.com", "abcde.com", "bacab.com", "aaaaa.com", "abab.com"].map((domain) => ({ domain, kind: "partner" as const }));
    const m = new LookalikeMatcher(refs);
    const letters = "abcde";
    for (const ref of refs) {
      const label = ref.domain.split(".")[0]!;
      for (let i = 0; i <= label.length; i++) {
        for (const c of letters) {
          for (const v of [label.slice(0, i) + c + label.slice(i), label.slice(0, i) + c + label.slice(i + 1), label.slice(0, i) + label.slice(i + 1)]) {
            if (v === label || v.length < 2 || refs.some((r) => r.domain === v + ".com")) continue;
            expect({ v, found: m.match(v + ".com") !== undefined }).toEqual({ v, found: true });
          }
        }
        if (i + 1 < label.length) {
          const swapped = label.slice(0, i) + label.charAt(i + 1) + label.charAt(i) + label.slice(i + 2);
          if (swapped !== label && !refs.some((r) => r.domain === swapped + ".com")) expect({ swapped, found: m.match(swapped + ".com") !== undefined }).toEqual({ swapped, found: true });
        }
      }
    }
  });
});
