/**
 * Precision of lookalike-domain on real, distinct domain names (test/helpers/real-domains.ts: ~12,000 registrable
 * domains from email-providers and the Public Suffix List), compared with thirty real company domains and with the
 * consumer mailbox list. Every hit is a real domain that is not the reference: docs/recipients.md lists
 * them and tells typo domains (gmial.com) from distinct names (konx.com). Recall: every one-slip variant of the
 * company labels (deletion, doubled letter, adjacent swap, any substitution by a–z).
 */
import { LookalikeMatcher, type ReferenceDomain } from "../src/engine/recipients/lookalike-domain";
import { defaultPersonalDomains } from "../src/engine/recipients/personal-domains";
import { splitDomain } from "../src/engine/recipients/public-suffix";
import { COMPANY_REFERENCES, lookalikeHits, realDomainCorpus } from "./helpers/real-domains";

function oneSlipVariants(label: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < label.length; i++) {
    out.add(label.slice(0, i) + label.slice(i + 1));
    out.add(label.slice(0, i) + label.charAt(i) + label.slice(i));
    if (i + 1 < label.length) out.add(label.slice(0, i) + label.charAt(i + 1) + label.charAt(i) + label.slice(i + 2));
    for (const c of "abcdefghijklmnopqrstuvwxyz") out.add(label.slice(0, i) + c + label.slice(i + 1));
  }
  out.delete(label);
  return Array.from(out).filter((v) => v.length > 0);
}

describe("lookalike-domain precision on real domains", () => {
  const corpus = realDomainCorpus();

  test("the corpus is large and real", () => {
    expect(corpus.length).toBeGreaterThan(12000);
    expect(corpus).toEqual(expect.arrayContaining(["gmail.com", "blogspot.com", "github.io", "seznam.cz"]));
  });

  test("company references: at most 0.05 % of real domains reported (4 of 12,261 when measured)", () => {
    const { compared, found } = lookalikeHits(COMPANY_REFERENCES.map((domain) => ({ domain, kind: "partner" })), corpus);
    expect(found.length / compared).toBeLessThan(0.0005);
    expect(found).toEqual(expect.arrayContaining(["orange.fr → orange.sk"]));
  });

  test("consumer mailbox references: at most 0.4 % (35 of 12,188; half of them typo domains such as gmial.com)", () => {
    const { compared, found } = lookalikeHits(defaultPersonalDomains().map((domain) => ({ domain, kind: "personal" })), corpus);
    expect(found.length / compared).toBeLessThan(0.004);
    expect(found).toEqual(expect.arrayContaining(["gmial.com → gmail.com", "hotmial.com → hotmail.com", "gmail.co → gmail.com"]));
    // Real country domains of the same providers are not lookalikes of each other.
    const countryDomains = ["hotmail.be", "live.it", "yahoo.es", "outlook.it", "chello.nl", "yahoo.co.id"];
    expect(countryDomains.filter((d) => corpus.indexOf(d) >= 0)).toEqual(countryDomains);
    expect(found.filter((f) => countryDomains.indexOf(f.split(" ")[0] as string) >= 0)).toEqual([]);
  });

  test("every one-slip variant of a company label of 4 or more letters is caught", () => {
    const refs: ReferenceDomain[] = COMPANY_REFERENCES.map((domain) => ({ domain, kind: "partner" }));
    const m = new LookalikeMatcher(refs);
    const own = new Set(COMPANY_REFERENCES);
    const missed: string[] = [];
    let total = 0;
    for (const ref of COMPANY_REFERENCES) {
      const p = splitDomain(ref);
      if (p.label.length < 4) continue;
      for (const v of oneSlipVariants(p.label)) {
        const d = v + "." + p.suffix;
        if (own.has(d)) continue;
        total++;
        if (!m.match(d)) missed.push(d);
      }
    }
    expect(total).toBeGreaterThan(3500);
    expect(missed).toEqual([]);
  });
});
