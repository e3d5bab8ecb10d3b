import fc from "fast-check";
import { createScanner } from "./scan";
import { testPolicy } from "./test-policy";
import { detectors } from "./detectors";
import { emailAddress } from "./detectors/email-address";
import { luhn } from "./checksums/luhn";
import { mod97Remainder } from "./checksums/mod97";
import { IBAN_LENGTHS } from "./detectors/iban";
import type { DetectorSettings, Policy } from "./policy/types";
import type { Finding } from "./types";

const MINE = ["us-ssn", "payment-card", "iban", "email-address"];

/** A policy in which only this file's four detectors run (the national-ID detectors have their own tests). */
function minePolicy(overrides: Partial<Policy> = {}): Policy {
  const off: Record<string, DetectorSettings> = {};
  for (const d of detectors) {
    if (MINE.indexOf(d.id) < 0) off[d.id] = { enabled: false, minConfidence: "low", keywords: { add: [], remove: [] }, window: 300 };
  }
  return testPolicy(Object.assign({ detectors: off }, overrides));
}

const spans = (fs: Finding[]) => fs.map((f) => [f.detector, f.start, f.end]);

describe("scan pipeline", () => {
  const scanner = createScanner(minePolicy());

  test("bad input gives no findings, never a crash", () => {
    expect(scanner.scan("")).toEqual([]);
    expect(scanner.scan(undefined as unknown as string)).toEqual([]);
    expect(scanner.scan(null as unknown as string)).toEqual([]);
  });

  test("a long digit run or repeated separators is not an identifier and does not hang", () => {
    expect(scanner.scan("4".repeat(200000))).toEqual([]);
    expect(scanner.scan("4111 ".repeat(50000))).toEqual([]);
    expect(scanner.scan("a@".repeat(50000))).toEqual([]);
  });

  test("offsets are mapped back through NFKC (full-width, astral digits, ligatures before the match)", () => {
    const text = "ﬁﬂ ﬃ card：𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏!";
    const f = scanner.scan(text);
    expect(spans(f)).toEqual([["payment-card", 10, 45]]);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe("𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏");
    expect(f[0]!.confidence).toBe("high");
  });

  test("Urdu and Devanagari digits", () => {
    expect(spans(scanner.scan("کارڈ ۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۱"))).toEqual([["payment-card", 5, 24]]);
    expect(spans(scanner.scan("कार्ड ४१११ ११११ ११११ ११११"))).toEqual([["payment-card", 6, 25]]);
  });

  test("NBSP, narrow NBSP and line breaks around a match", () => {
    expect(spans(scanner.scan("SSN\u202f536\u00a022\u00a08726\r\nnext"))).toEqual([["us-ssn", 4, 15]]);
    expect(spans(scanner.scan("4111111111111111\n4111111111111111"))).toEqual([
      ["payment-card", 0, 16],
      ["payment-card", 17, 33],
    ]);
  });

  test("no match inside longer digit or letter runs", () => {
    expect(scanner.scan("ORDER536-22-8726 x 536-22-87260 x 0536-22-8726")).toEqual([]);
    expect(scanner.scan("94111111111111111 41111111111111119 A4111111111111111")).toEqual([]);
  });

  test("no match cut out of a longer run of same-size groups; other sizes around are fine", () => {
    const all = createScanner(testPolicy());
    // 16 digits in fours that are not a card: no 12-digit (Aadhaar) or 9-digit piece of them is reported.
    expect(all.scan("ref 2345 6789 0124 5678 end").filter((f) => f.detector !== "email-list")).toEqual([]);
    expect(spans(scanner.scan("4111 1111 1111 1111 1111"))).toEqual([]);
    expect(spans(scanner.scan("4111 1111 1111 1111 123"))).toEqual([["payment-card", 0, 19]]);
    expect(spans(scanner.scan("Ref 12 4111 1111 1111 1111"))).toEqual([["payment-card", 7, 26]]);
    expect(spans(scanner.scan("536-22-8726-1234"))).toEqual([]);
    // Other sizes around are not glued, but a pattern-only SSN joined to more digits by a dash is part of a longer
    // number (context stage); a card is judged by its check digit (above).
    expect(spans(scanner.scan("536-22-8726-12"))).toEqual([]);
    expect(spans(scanner.scan("1536-536-22-8726"))).toEqual([]);
    expect(spans(scanner.scan("SSN 536-22-8726-12"))).toEqual([["us-ssn", 4, 15]]);
    expect(spans(scanner.scan("123-536-22-8726"))).toEqual([]);
  });

  test("a same-size group that goes on as a date, an amount or a time is not one more group of the match", () => {
    expect(spans(scanner.scan("4111 1111 1111 1111 2025-03-14"))).toEqual([["payment-card", 0, 19]]);
    expect(spans(scanner.scan("4111 1111 1111 1111 1250,00 EUR"))).toEqual([["payment-card", 0, 19]]);
    expect(spans(scanner.scan("14.03.2025 4111 1111 1111 1111"))).toEqual([["payment-card", 11, 30]]);
    expect(spans(scanner.scan("4111 1111 1111 1111 1042:15"))).toEqual([["payment-card", 0, 19]]);
    // the same separator goes on: still one longer run
    expect(spans(scanner.scan("4111-1111-1111-1111-2025-03"))).toEqual([]);
    expect(spans(scanner.scan("4111 1111 1111 1111 2025 03"))).toEqual([]);
    expect(spans(scanner.scan("2345 6789-0124 5678-9"))).toEqual([]); // the match's own separators: one run
    // a one-digit last group next to a one-digit figure is no longer run
    expect(spans(scanner.scan("CH93 0076 2011 6238 5295 7 1 250,00 EUR"))).toEqual([["iban", 0, 26]]);
  });

  test("a run of same-size groups that is two valid matches side by side is two findings", () => {
    expect(spans(scanner.scan("4111 1111 1111 1111 5555 5555 5555 4444"))).toEqual([["payment-card", 0, 19], ["payment-card", 20, 39]]);
    expect(spans(scanner.scan("536 22 8726 536 22 8726"))).toEqual([["us-ssn", 0, 11], ["us-ssn", 12, 23]]);
    expect(spans(scanner.scan("4111 1111 1111 1111 1111 1111 1111 1112"))).toEqual([]);
  });

  test("a card number inside an IBAN is the IBAN", () => {
    // The BBAN of this generated IBAN holds a Luhn-valid Visa number in 4-4-4-4 groups.
    const bban = "4111 1111 1111 1111 00";
    const check = String(98 - mod97Remainder(bban.replace(/ /g, "") + "DE00")).padStart(2, "0");
    const text = "DE" + check + " " + bban;
    expect(spans(scanner.scan(text))).toEqual([["iban", 0, text.length]]);
  });

  test("keywords: window, add and remove", () => {
    const far = "ssn " + "x ".repeat(200) + "536-22-8726";
    expect(scanner.scan(far)[0]!.confidence).toBe("low");
    const wide = createScanner(minePolicy({ detectors: { "us-ssn": { enabled: true, minConfidence: "low", keywords: { add: ["tax id"], remove: ["ssn"] }, window: 500 } } }));
    expect(wide.scan(far)[0]!.confidence).toBe("low");
    expect(wide.scan("Tax ID 536-22-8726")[0]!.confidence).toBe("high");
    expect(wide.scan("SSN 536-22-8726")[0]!.confidence).toBe("low");
    const noAccount = createScanner(minePolicy({ detectors: { iban: { enabled: true, minConfidence: "low", keywords: { add: [], remove: ["Číslo Účtu", "IBAN"] }, window: 300 } } }));
    expect(noAccount.scan("číslo účtu: GB82 WEST 1234 5698 7654 32")[0]!.confidence).toBe("medium");
    expect(scanner.scan("číslo účtu: GB82 WEST 1234 5698 7654 32")[0]!.confidence).toBe("high");
    const wideKeep = createScanner(minePolicy({ detectors: { "us-ssn": { enabled: true, minConfidence: "low", keywords: { add: [], remove: [] }, window: 500 } } }));
    expect(wideKeep.scan(far)[0]!.confidence).toBe("medium");
  });

  test("minConfidence drops findings below it; disabled detectors find nothing", () => {
    const strict = createScanner(
      minePolicy({
        detectors: {
          "us-ssn": { enabled: true, minConfidence: "medium", keywords: { add: [], remove: [] }, window: 300 },
          "payment-card": { enabled: false, minConfidence: "low", keywords: { add: [], remove: [] }, window: 300 },
        },
      }),
    );
    const text = "536-22-8726 " + "x ".repeat(200) + "ssn 536-22-8726 and 4111 1111 1111 1111";
    expect(spans(strict.scan(text))).toEqual([["us-ssn", 416, 427]]);
  });

  test("allowlisted values are compared on letters and digits", () => {
    const allow = createScanner(
      minePolicy({
        allowlists: {
          values: [
            { detector: "payment-card", value: "4111-1111-1111-1111", reason: "test card" },
            { detector: "*", value: "gb82west12345698765432", reason: "our account" },
            { detector: "email-address", value: "Info@Partner.example.org", reason: "partner" },
          ],
          senders: [],
          recipientDomains: [],
        },
      }),
    );
    const text = "4111 1111 1111 1111, 5555 5555 5555 4444, GB82 WEST 1234 5698 7654 32, info@partner.example.org, a@b.org";
    expect(spans(allow.scan(text)).map((s) => s[0])).toEqual(["payment-card", "email-address"]);
  });

  test("reasons never contain the raw value; masked never contains it", () => {
    const text = "Visa 4111 1111 1111 1111, SSN 536-22-8726, IBAN GB82 WEST 1234 5698 7654 32, jane.doe@example.org";
    for (const f of scanner.scan(text)) {
      const raw = text.slice(f.start, f.end);
      const digits = raw.replace(/[^0-9]/g, "");
      for (const r of f.reasons) {
        expect(r).not.toContain(raw);
        if (digits.length > 4) expect(r.replace(/[^0-9]/g, "")).not.toContain(digits.slice(0, 6));
      }
      expect(f.masked).not.toContain(raw);
    }
  });

  test("custom patterns from the policy, with a checksum and keywords", () => {
    const custom = createScanner(
      minePolicy({
        customPatterns: [
          { id: "acme-customer-id", pattern: "ACME-\\d{6}", flags: "i", keywords: ["customer"], confidence: "low", examples: { match: ["ACME-123456"], noMatch: [] } },
          { id: "acme-card-ref", pattern: "CR\\d{8}", checksum: "luhn", keywords: [], confidence: "medium", examples: { match: [], noMatch: [] } },
          { id: "broken", pattern: "(", keywords: [], confidence: "low", examples: { match: [], noMatch: [] } },
        ],
      }),
    );
    const fs = custom.scan("acme-123456; customer ACME-654321; CR79927398 CR79927390");
    expect(fs.map((f) => [f.detector, f.start, f.end, f.confidence])).toEqual([
      ["acme-customer-id", 0, 11, "medium"],
      ["acme-customer-id", 22, 33, "medium"],
      ["acme-card-ref", 35, 45, "medium"],
    ]);
    expect(fs[2]!.reasons).toEqual(["pattern matched", "luhn ok"]);
  });
});

describe("email-list", () => {
  const addrs = (n: number, domain: (i: number) => string) => Array.from({ length: n }, (_, i) => "person" + i + "@" + domain(i)).join(", ");

  test("fires at the threshold of distinct external addresses, counts external domains", () => {
    const scanner = createScanner(minePolicy());
    const text = "To: " + addrs(9, (i) => "cust" + (i % 4) + ".example.org") + "; boss@example.com; x@sales.example.com; person0@cust0.example.org";
    expect(scanner.scan(text).filter((f) => f.detector === "email-list")).toEqual([]);
    const ten = text + "; PERSON99@cust0.example.org";
    const list = scanner.scan(ten).filter((f) => f.detector === "email-list");
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ count: 10, domains: 4, masked: "10 addresses (4 domains)", start: 4, end: ten.length });
    expect(list[0]!.masked).not.toContain("@");
  });

  test("threshold and internal domains come from the policy; email-address can be disabled alone", () => {
    const policy = minePolicy({
      thresholds: { emailList: 3, visibleExternalRecipients: 10 },
      organization: { name: "X", internalDomains: ["cust0.example.org"] },
    });
    policy.detectors["email-address"] = { enabled: false, minConfidence: "low", keywords: { add: [], remove: [] }, window: 300 };
    const scanner = createScanner(policy);
    const fs = scanner.scan(addrs(6, (i) => "cust" + (i % 3) + ".example.org"));
    expect(fs.map((f) => [f.detector, f.count, f.domains])).toEqual([["email-list", 4, 2]]);
  });
});

/* ---------------- property tests ---------------- */

// No word naming another kind of number ("invoice", "order": ./other-numbers.ts): those lower pattern-only matches on
// purpose, tested apart ("words naming another kind of number").
const WORDS = ["the", "attached", "Meeting", "and", "please", "send", "report", "Q", "AB", "customer", "team", "thanks", "budget", "EUR", "kiitos", "děkuji", "takk", "धन्यवाद", "شکریہ", "data"];
const prose = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 30 }).map((ws) => ws.join(" "));
const BEFORE = [" ", "\n", " (", ": ", ", ", "\t", " <"];
const AFTER = [" ", ".", ",", ")\n", "\n", "; ", "> "];

const digitsGen = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));

function luhnComplete(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhn(body + d)) return body + d;
  throw new Error("unreachable");
}

const cardGen = fc
  .tuple(
    fc.constantFrom<[string, number]>(["4", 16], ["4", 13], ["51", 16], ["55", 16], ["2221", 16], ["2720", 16], ["34", 15], ["37", 15], ["6011", 16], ["3530", 16], ["62", 17]),
    digitsGen(20),
    fc.constantFrom("solid", "space", "dash"),
  )
  .map(([[prefix, len], rest, style]) => {
    const d = luhnComplete(prefix + rest.slice(0, len - prefix.length - 1));
    if (len !== 16 || style === "solid") return d;
    const sep = style === "space" ? " " : "-";
    return [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)].join(sep);
  })
  .filter((c) => detectors.filter((d) => d.id === "payment-card")[0]!.validate(c).ok);

const ssnGen = fc
  .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }), fc.constantFrom("-", " ", ""))
  .map(([a, g, s, sep]) => String(a).padStart(3, "0") + sep + String(g).padStart(2, "0") + sep + String(s).padStart(4, "0"))
  .filter((s) => detectors.filter((d) => d.id === "us-ssn")[0]!.validate(s).ok);

const ibanGen = fc
  .tuple(fc.constantFrom("DE", "FI", "AT", "SK", "FR", "PL", "CZ", "SE", "SA"), digitsGen(32), fc.boolean())
  .map(([cc, digits, grouped]) => {
    const bban = digits.slice(0, (IBAN_LENGTHS[cc] as number) - 4);
    const check = String(98 - mod97Remainder(bban + cc + "00")).padStart(2, "0");
    const compact = cc + check + bban;
    return grouped ? compact.replace(/(.{4})(?=.)/g, "$1 ") : compact;
  });

const emailGen = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z]$/), fc.constantFrom("com", "org", "fi", "co.uk", "no"))
  .filter(([l]) => l.indexOf("..") < 0)
  .map(([l, d, tld]) => l + "@" + d + "." + tld);

const item = fc.oneof(
  cardGen.map((v) => ["payment-card", v] as const),
  ssnGen.map((v) => ["us-ssn", v] as const),
  ibanGen.map((v) => ["iban", v] as const),
  emailGen.map((v) => ["email-address", v] as const),
);

describe("property: generated identifiers in random prose are found exactly", () => {
  const scanner = createScanner(minePolicy({ thresholds: { emailList: 1000, visibleExternalRecipients: 10 } }));
  test("every inserted identifier, nothing else", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(prose, item, fc.constantFrom(...BEFORE), fc.constantFrom(...AFTER)), { minLength: 1, maxLength: 8 }),
        prose,
        (parts, tail) => {
          let text = "";
          const expected: Array<[string, number, number]> = [];
          for (const [p, [id, value], before, after] of parts) {
            text += (p ? " " + p : "") + before;
            expected.push([id, text.length, text.length + value.length]);
            text += value + after;
          }
          text += tail ? " " + tail : "";
          expect(spans(scanner.scan(text))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * The prefilter-agreement property the tests below share: texts joined from `fragment` give the same findings with the
 * prefilter (digit clusters, minDigits, minRun, run gates) and without it, every registered detector on.
 */
const prefilterFast = createScanner(testPolicy());
const prefilterSlow = createScanner(testPolicy(), { prefilter: false });
function expectPrefilterAgrees(fragment: fc.Arbitrary<string>, maxLength: number, numRuns: number): void {
  fc.assert(
    fc.property(fc.array(fragment, { minLength: 1, maxLength }), (fs) => {
      const text = fs.join("");
      expect(prefilterFast.scan(text)).toEqual(prefilterSlow.scan(text));
    }),
    { numRuns },
  );
}

describe("property: the digit-cluster prefilter loses nothing", () => {
  const fragment = fc.oneof(
    digitsGen(4),
    digitsGen(6),
    fc.constantFrom(" ", "-", "/", ".", "\n", "  ", "A", "GB", "WEST", "ABCDE", "X", "+", "word", "कार्ड", "SSN"),
    cardGen,
    ssnGen,
    ibanGen,
  );
  test("same findings with and without it (every registered detector)", () => {
    expectPrefilterAgrees(fragment, 40, 300);
  });
});

describe("property: the fast e-mail finder agrees with the email-address pattern", () => {
  const scanner = createScanner(minePolicy({ thresholds: { emailList: 100000, visibleExternalRecipients: 10 } }));
  const re = new RegExp(emailAddress.pattern.source, "g");
  const alnum = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);
  function reference(text: string): Array<[string, number, number]> {
    const out: Array<[string, number, number]> = [];
    let m: RegExpExecArray | null;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      // Leading dots belong to the prose ("...jane@example.com"), as in the finder.
      const lead = /^\.*/.exec(m[0])![0].length;
      const s = m.index + lead;
      const e = m.index + m[0].length;
      const glued = (alnum(text[s - 1]) && alnum(text[s])) || (alnum(text[e]) && alnum(text[e - 1]));
      // The domain runs over letters, digits, dots and dashes, less a final dot or dash; an address ends at its end or
      // just before one of its dots, never inside a label ("a@a.aa-a" is no address, "a@a.aa-" is a@a.aa).
      let domainEnd = text.indexOf("@", m.index) + 1;
      while (domainEnd < text.length && /[A-Za-z0-9.-]/.test(text.charAt(domainEnd))) domainEnd++;
      while (/[.-]/.test(text.charAt(domainEnd - 1))) domainEnd--;
      const insideLabel = e !== domainEnd && text.charAt(e) !== ".";
      if (!glued && !insideLabel && emailAddress.validate(text.slice(s, e)).ok) out.push(["email-address", s, e]);
    }
    return out;
  }
  test("an address ends at its domain's end or before a dot, never inside a label", () => {
    expect(spans(scanner.scan("a@a.aa-a"))).toEqual([]);
    expect(spans(scanner.scan("a@a.aa-"))).toEqual([["email-address", 0, 6]]);
    expect(spans(scanner.scan("jane@example.com.x"))).toEqual([["email-address", 0, 16]]);
  });

  test("on random address-like text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "Z", "1", ".", "-", "_", "+", "@", " ", "co", "org", "\n", ","), { maxLength: 60 }), (cs) => {
        const text = cs.join("");
        expect(spans(scanner.scan(text))).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("property: any text gives well-formed findings, never a crash", () => {
  const scanner = createScanner(testPolicy({ thresholds: { emailList: 2, visibleExternalRecipients: 10 } }));
  const piece = fc.oneof(
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.constantFrom("4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "536-22-8726", "a@b.org", "c@d.fi", "\ud800", "\udc00", "𝟒", "१", "\u00a0", "ﬁ"),
  );
  test("offsets inside the text, in order, masked values without the raw value", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (ps) => {
        const text = ps.join("");
        const fs = scanner.scan(text);
        let last = -1;
        for (const f of fs) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.start).toBeGreaterThanOrEqual(last);
          last = f.start;
          if (f.detector !== "email-list" && f.end - f.start > 4) expect(f.masked).not.toBe(text.slice(f.start, f.end));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("context stage: pattern-only identifiers outside prose", () => {
  const scanner = createScanner(testPolicy());
  const ids = (text: string) => scanner.scan(text).filter((f) => f.detector !== "email-address").map((f) => [f.detector, f.confidence]);

  test("digits in a URL, an address, a path, next to a hash, in a version, a quantity or a code comment are no SSN", () => {
    for (const text of [
      "https://github.com/a/b/issues/12#issuecomment-536228726",
      "mail 536228726@example.com",
      "C:\\exports\\536228726.csv",
      "id a3f9c3fe1a0b-536228726",
      "version 2.536228726",
      "536228726 bytes",
      "crc32('abc') // -536228726",
      "adler32('abc') // 536228726",
    ]) expect([text, ids(text)]).toEqual([text, []]);
  });

  test("a keyword of its own close by keeps a pattern-only match anywhere (an SSN in a URL is still personal data)", () => {
    expect(ids("https://hr.example.com/employee?ssn=536228726")).toEqual([["us-ssn", "high"]]);
  });

  test("checksum identifiers are judged by their check digits wherever they are", () => {
    expect(ids("https://pay.example.com/p/4111111111111111")).toEqual([["payment-card", "medium"]]);
  });
});

describe("confidence stage: words naming another kind of number", () => {
  const scanner = createScanner(testPolicy());
  const ssn = (text: string) => scanner.scan(text).filter((f) => f.detector === "us-ssn").map((f) => f.confidence);

  test.each([
    "customer no. 536228726",
    "Invoice #536-22-8726",
    "Order: 536 22 8726",
    "tracking number 536228726",
    "číslo objednávky 536228726",
    "variabilný symbol: 536228726",
    "kundenummer 536228726",
    "asiakasnumero 536228726",
    "ग्राहक संख्या 536228726",
    "آرڈر نمبر 536228726",
  ])("%j is not an SSN", (text) => {
    expect(ssn(text)).toEqual([]);
  });

  test("its own keyword closer than the other word keeps it; the other word closer lowers it one step", () => {
    expect(ssn("Order 12, SSN 536-22-8726")).toEqual(["high"]);
    const f = scanner.scan("SSN of the applicant, see the file. Invoice 536-22-8726").filter((x) => x.detector === "us-ssn")[0];
    expect(f && f.confidence).toBe("low");
    expect(f && f.reasons).toContain("'invoice' (another kind of number) within 1 chars");
  });

  test("the word far away, or after the match (it labels the next value), does nothing", () => {
    expect(ssn("Order received." + " filler".repeat(10) + " 536-22-8726")).toEqual(["low"]);
    expect(ssn("536-22-8726, customer no. 4711")).toEqual(["low"]);
    expect(ssn("customer no. 4711 and 536-22-8726")).toEqual(["low"]); // the word labels the other figure
    expect(ssn("Please pay the invoice. 536-22-8726")).toEqual(["low"]); // another sentence
    expect(ssn("order\n536-22-8726")).toEqual(["low"]); // another line
  });

  test("checksum identifiers are not lowered: a card after 'order' is still a card", () => {
    expect(scanner.scan("order 4111 1111 1111 1111").map((f) => [f.detector, f.confidence])).toEqual([["payment-card", "medium"]]);
  });
});

describe("suppress stage: business ids over personal readings", () => {
  const scanner = createScanner(testPolicy());
  const got = (text: string) => scanner.scan(text).map((f) => [f.detector, f.confidence]);

  test("a Slovak DIČ that also reads as a rodné číslo is the DIČ; with 'rodné číslo' before it, the rodné číslo", () => {
    expect(got("DIČ: 2021234567")).toEqual([["sk-dic", "high"]]);
    expect(got("2021234567")).toEqual([["sk-dic", "medium"]]);
    expect(got("rodné číslo 2021234567")).toEqual([["sk-rc", "high"]]);
  });

  test("an organisation number is not an SSN; the IČ DPH is not a rodné číslo", () => {
    expect(got("812345672")).toEqual([["no-orgnr", "medium"]]); // 8 + mod 11: an organisation number, area 812 issuable
    expect(got("IČ DPH SK2022749619").map((x) => x[0])).toEqual(["sk-icdph"]);
  });

  test("a policy that disables a business id gets the personal reading back", () => {
    const off = createScanner(testPolicy({ detectors: { "sk-dic": { enabled: false, minConfidence: "low", keywords: { add: [], remove: [] }, window: 300 } } }));
    expect(off.scan("2021234567").map((f) => f.detector)).toEqual(["sk-rc"]);
  });
});

describe("property: the prefilter (minDigits, minRun) loses nothing on business-id shapes", () => {
  const examples = detectors.filter((d) => d.group === "business").flatMap((d) => d.examples.match.slice());
  const fragment = fc.oneof(
    digitsGen(3),
    digitsGen(7),
    digitsGen(8),
    digitsGen(10),
    fc.constantFrom(" ", "-", "/", "\n", "SK", "CZ", "FI", "NO ", " MVA", "RF18 ", "Z", "ABCDE", "MUMA", "IČO: ", "DIČ "),
    fc.constantFrom(...examples),
  );
  test("same findings with and without it", () => {
    expectPrefilterAgrees(fragment, 30, 300);
  });
});

describe("the run gate (DetectorCore.runs) loses nothing", () => {
  /** The runs of `text` as the declarations describe them, written out independently of the scanner. */
  function holds(text: string, runs: NonNullable<(typeof detectors)[number]["runs"]>): boolean {
    const found: Array<{ len: number; letter: boolean; capital: boolean }> = [];
    const re = /[0-9]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const b = text[m.index - 1] || "";
      const bb = text[m.index - 2] || "";
      found.push({ len: m[0].length, letter: /[A-Za-z]/.test(b), capital: /[A-Z]/.test(b) || (b === " " && /[A-Z]/.test(bb)) });
    }
    return runs.some((alt) =>
      alt.every((need) => {
        const [lo, hi] = typeof need.len === "number" ? [need.len, need.len] : need.len;
        const fits = found.filter((r) => Math.min(r.len, 31) >= lo && Math.min(r.len, 31) <= hi && (!need.after || (need.after === "letter" ? r.letter : r.capital)));
        return fits.length >= (need.twice ? 2 : 1);
      }),
    );
  }

  test("every gated detector's examples hold one of its alternatives", () => {
    const gated = detectors.filter((d) => d.runs);
    expect(gated.length).toBeGreaterThanOrEqual(10);
    for (const d of gated) for (const ex of d.examples.match) expect([d.id, ex, holds(ex, d.runs!)]).toEqual([d.id, ex, true]);
  });

  test("a declaration that cannot hold is noticed", () => {
    expect(holds("ABCDE1234F", [[{ len: 5, after: "letter" }]])).toBe(false);
    expect(holds("SK 2021234567", [[{ len: 10, after: "capital" }]])).toBe(true);
    expect(holds("sk 2021234567", [[{ len: 10, after: "capital" }]])).toBe(false);
    expect(holds("1234 56789", [[{ len: 4, twice: true }]])).toBe(false);
    expect(holds("1234 5678 9012", [[{ len: 4, twice: true }]])).toBe(true);
  });

  const gatedExamples = detectors.filter((d) => d.runs).flatMap((d) => d.examples.match.slice());
  const fragment = fc.oneof(
    fc.integer({ min: 1, max: 12 }).chain((n) => digitsGen(n)),
    fc.constantFrom(" ", "-", "/", ".", "\n", "SK", "SK ", "CZ", "CZ6", "FI", "FI ", "NO ", "RF", "RF18", "ABCDE", "abcde", "MUMA", "Z", "z", "A", " MVA"),
    fc.constantFrom(...gatedExamples),
  );
  test("same findings with and without the prefilter on shapes near the gates", () => {
    expectPrefilterAgrees(fragment, 30, 400);
  });
});
