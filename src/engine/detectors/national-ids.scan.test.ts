/**
 * End to end through the real scanner (normalization, candidate pass, keyword context, confidence, de-duplication) for
 * the six national-ID detectors. Numbers are published (131052-308T) or generated (see each detector's examples).
 */
import fc from "fast-check";
import { createScanner } from "../scan";
import { GENERATE } from "./national-ids.testkit";
import { testPolicy } from "../test-policy";
import type { Finding } from "../types";

const scanner = createScanner(testPolicy());
const ids = new Set(["fi-hetu", "no-fnr", "sk-rc", "in-aadhaar", "in-pan", "pk-cnic"]);

/** National-ID findings of `text` as [detector, the original text it covers, confidence]. */
function found(text: string): Array<[string, string, string]> {
  return scanner
    .scan(text)
    .filter((f: Finding) => ids.has(f.detector))
    .map((f: Finding) => [f.detector, text.slice(f.start, f.end), f.confidence] as [string, string, string]);
}

const filler = (n: number) => " lorem ipsum".repeat(Math.ceil(n / 12)).slice(0, n);

describe("national IDs through createScanner", () => {
  it.each<[string, Array<[string, string, string]>]>([
    // fi-hetu: checksum → medium alone, high with a keyword; inflected keyword forms count
    ["Tilausnumero 131052-308T", [["fi-hetu", "131052-308T", "medium"]]],
    ["Hei, henkilötunnuksen 131052-308T löydät liitteestä.", [["fi-hetu", "131052-308T", "high"]]],
    ["Hetu: 010594Y9032", [["fi-hetu", "010594Y9032", "high"]]],
    ["henkilötunnus" + filler(400) + " 131052-308T", [["fi-hetu", "131052-308T", "medium"]]], // keyword outside the 300-char window
    ["ＨＥＴＵ １３１０５２－３０８Ｔ", [["fi-hetu", "１３１０５２－３０８Ｔ", "high"]]], // full-width, offsets in the original
    ["henkilötunnus 131052-308U", []], // a keyword does not rescue a wrong check character
    // no-fnr
    ["Fødselsnummeret ditt er 150385 12363.", [["no-fnr", "150385 12363", "high"]]],
    ["D-nummer: 55038512357", [["no-fnr", "55038512357", "high"]]],
    ["Ordre 15038512363 sendt", [["no-fnr", "15038512363", "medium"]]],
    ["Syntetisk fødselsnummer fra Tenor: 15938512377", []], // synthetic test numbers are dropped
    // sk-rc (Slovak and Czech)
    ["Moje rodné číslo je 850316/1238.", [["sk-rc", "850316/1238", "high"]]],
    ["Vyplňte kolonku rodného čísla: 855316/1243", [["sk-rc", "855316/1243", "high"]]],
    ["RČ 057308/4578", [["sk-rc", "057308/4578", "high"]]],
    ["Faktura 8503161238", [["sk-rc", "8503161238", "medium"]]],
    ["rodné číslo 850316/1239", []],
    // in-aadhaar: Devanagari digits are read as digits
    ["आधार संख्या: २३४५ ६७८९ ०१२४", [["in-aadhaar", "२३४५ ६७८९ ०१२४", "high"]]],
    ["Aadhaar card 9876-5432-1096", [["in-aadhaar", "9876-5432-1096", "high"]]],
    ["ticket 2345 6789 0124", [["in-aadhaar", "2345 6789 0124", "medium"]]],
    ["Aadhaar 2000 0990 0002", []], // palindrome
    // in-pan: pattern only → low alone, high with a keyword close by, medium with one further away
    ["ref BXKPR4821M", [["in-pan", "BXKPR4821M", "low"]]],
    ["PAN: BXKPR4821M", [["in-pan", "BXKPR4821M", "high"]]],
    ["पैन कार्ड BXKPR4821M", [["in-pan", "BXKPR4821M", "high"]]],
    ["Permanent account number" + filler(100) + " BXKPR4821M", [["in-pan", "BXKPR4821M", "medium"]]],
    ["PAN: BXKDR4821M", []], // D is no holder type
    // pk-cnic: pattern only; Urdu context and Extended Arabic-Indic digits
    ["ref 35202-4817306-5", [["pk-cnic", "35202-4817306-5", "low"]]],
    ["میرا شناختی کارڈ نمبر 35202-4817306-5 ہے", [["pk-cnic", "35202-4817306-5", "high"]]],
    ["قومی شناختی کارڈ: ۳۵۲۰۲-۴۸۱۷۳۰۶-۵", [["pk-cnic", "۳۵۲۰۲-۴۸۱۷۳۰۶-۵", "high"]]],
    ["CNIC 85202-4817306-5", []], // no province 8
  ])("%p", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it("several IDs in one mixed text, each found once, masked", () => {
    const text =
      "Asiakas: henkilötunnus 131052-308T, fødselsnummer 150385 12363, rodné číslo 850316/1238,\n" +
      "Aadhaar 2345 6789 0124, PAN BXKPR4821M, CNIC 35202-4817306-5.";
    const findings = scanner.scan(text).filter((f) => ids.has(f.detector));
    expect(findings.map((f) => f.detector).sort()).toEqual(["fi-hetu", "in-aadhaar", "in-pan", "no-fnr", "pk-cnic", "sk-rc"]);
    for (const f of findings) {
      expect(f.masked).not.toContain(text.slice(f.start, f.end));
      for (const r of f.reasons) expect(r).not.toMatch(/[0-9]{5}/); // at most a century ("1900s"), never the digits
    }
  });
});

describe("generated national IDs in random prose", () => {
  // Words of our languages without digits; IDs are inserted between them at random places.
  // No word naming another kind of number (invoice, lasku, faktura, smlouva: ../other-numbers.ts lowers pattern-only IDs
  // next to them on purpose; ../scan.test.ts tests that).
  const WORDS = "the meeting customer please attached tervetuloa asiakas kiitos hilsen kunde takk zákazník ďakujem dobrý आपका ग्राहक धन्यवाद آپ کا شکریہ".split(" ");
  const SEPS = [" ", "\n", ", ", " (", "): ", ". "];

  it("the scanner finds exactly the inserted IDs, with their ids and offsets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 8 }), (seed, count) => {
        let a = seed;
        const r = () => {
          a = (a * 48271) % 2147483647;
          return a / 2147483647;
        };
        const kinds = Object.keys(GENERATE);
        let text = "";
        const expected: Array<[string, number, number]> = [];
        for (let i = 0; i < count; i++) {
          const n = 1 + Math.floor(r() * 5); // at least one word between IDs: adjacent digit groups read as one run
          for (let w = 0; w < n; w++) text += WORDS[Math.floor(r() * WORDS.length)] + " ";
          const kind = kinds[Math.floor(r() * kinds.length)] as string;
          const id = (GENERATE[kind] as (r: () => number) => string | null)(r);
          if (id === null) continue;
          expected.push([kind, text.length, text.length + id.length]);
          text += id + SEPS[Math.floor(r() * SEPS.length)];
        }
        text += WORDS[Math.floor(r() * WORDS.length)];
        const got = scanner
          .scan(text)
          .filter((f) => ids.has(f.detector))
          .map((f) => [f.detector, f.start, f.end] as [string, number, number])
          .sort((x, y) => x[1] - y[1]);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
