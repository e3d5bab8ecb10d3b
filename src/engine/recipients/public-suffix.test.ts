import { getDomain, getPublicSuffix } from "tldts-icann";
import { asciiRegistrable, registrableDomain, splitDomain } from "./public-suffix";
import { normalizeDomain } from "./domain";

describe("splitDomain", () => {
  test.each([
    // host, subdomain, label, suffix
    ["contoso.com", "", "contoso", "com"],
    ["mail.eu.contoso.com", "mail.eu", "contoso", "com"],
    ["contoso.co.uk", "", "contoso", "co.uk"],
    ["contoso.com.co", "", "contoso", "com.co"],
    ["contoso.co", "", "contoso", "co"],
    ["firma.sk", "", "firma", "sk"],
    ["post.seznam.cz", "post", "seznam", "cz"],
    ["pp.inet.fi", "pp", "inet", "fi"],
    ["contoso.com.pk", "", "contoso", "com.pk"],
    ["contoso.co.in", "", "contoso", "co.in"],
    ["contoso.priv.no", "", "contoso", "priv.no"],
    // Wildcard *.ck and its exception !www.ck.
    ["shop.contoso.ck", "", "shop", "contoso.ck"],
    ["www.ck", "", "www", "ck"],
    // Unicode TLD and an IDN label.
    ["пример.рф", "", "пример", "рф"],
  ])("%s", (host, subdomain, label, suffix) => {
    expect(splitDomain(host)).toEqual({ host, subdomain, label, suffix, registrable: label + "." + suffix });
  });

  test.each([["co.uk"], ["com"], ["localhost"], ["a..b"], [""]])("%j has no registrable domain", (host) => {
    expect(splitDomain(host).registrable).toBe("");
    expect(registrableDomain(host)).toBe(host);
  });
});

describe("agreement with tldts-icann (the full ICANN section)", () => {
  test("place names are trimmed, category labels and the served countries' rules kept", () => {
    expect(splitDomain("firma.oslo.no").registrable).toBe("oslo.no");
    expect(splitDomain("firma.priv.no").registrable).toBe("firma.priv.no");
    expect(splitDomain("oslo.kommune.no").registrable).toBe("oslo.kommune.no");
    expect(splitDomain("contoso.ne.jp").registrable).toBe("contoso.ne.jp");
    expect(splitDomain("contoso.gov.pk").registrable).toBe("contoso.gov.pk");
    expect(splitDomain("contoso.gujarat.in").registrable).toBe("contoso.gujarat.in");
  });
  // Every e-mail provider domain of the email-providers package, each also under a subdomain.
  // (It holds one address by mistake: only host names are compared.)
  const domains = (require("email-providers/all.json") as string[]).filter((d) => /^[a-z0-9.-]+$/.test(d));
  test("same registrable domain for all provider domains and their subdomains, except under 3+-label rules", () => {
    const differ: string[] = [];
    let compared = 0;
    for (const d of domains) {
      for (const host of [d, "mail." + d]) {
        const ours = splitDomain(normalizeDomain(host).unicode).registrable;
        const theirs = getDomain(host, { allowPrivateDomains: false }) || "";
        compared++;
        if (ours !== normalizeDomain(theirs).unicode) differ.push(host);
      }
    }
    expect(compared).toBeGreaterThan(17000);
    // The differences come from the rules of three or more labels left out of the data, and from the two-label place
    // names the generator trims (scripts/gen-recipient-data.ts SUFFIX_TRIM): measured, only zp.ua (Zaporizhzhia) among
    // the provider domains, 8 of the hosts compared.
    const labels = (host: string) => (getPublicSuffix(host, { allowPrivateDomains: false }) || "").split(".").length;
    const twoLabel = differ.filter((host) => labels(host) < 3);
    expect(twoLabel.every((host) => /(^|\.)zp\.ua$/.test(host))).toBe(true);
    expect(twoLabel.length).toBeLessThanOrEqual(8);
    expect(differ.length / compared).toBeLessThan(0.005);
  });
});

describe("asciiRegistrable", () => {
  test("takes as many labels as the decoded registrable domain has", () => {
    expect(asciiRegistrable("mail.xn--fbrikam-2fg.co.uk", "fаbrikam.co.uk")).toBe("xn--fbrikam-2fg.co.uk");
    expect(asciiRegistrable("localhost", "")).toBe("localhost");
  });
});
