import fc from "fast-check";
import { validate as stdnumCnic } from "stdnum/lib/cjs/pk/cnic";
import { pkCnic } from "./pk-cnic";
import { directFind, spans, DIGITS } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const scanner = createScanner(testPolicy());
const found = (text: string) => scanner.scan(text).filter((f) => f.detector === "pk-cnic").map((f) => [f.start, f.end, f.confidence]);

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });
const dashed = fc.tuple(digits(5), digits(7), digits(1)).map((p) => p.join("-"));
/** Reference rule written independently. */
const refValid = (c: string) => /^[1-7][0-9]{4}-[0-9]{7}-[1-9]$/.test(c);
/** A valid-shaped CNIC (generated). */
const validCnic = fc
  .tuple(fc.integer({ min: 1, max: 7 }), digits(4), digits(7), fc.integer({ min: 1, max: 9 }))
  .map(([p, a, b, g]) => String(p) + a + "-" + b + "-" + String(g));

describe("pk-cnic", () => {
  it.each<[string, Array<[number, number]>]>([
    ["35202-4817306-5", [[0, 15]]], // generated, Punjab
    ["CNIC: 42101-7390264-8.", [[6, 21]]], // Sindh
    ["شناختی کارڈ نمبر 61101-2093745-1", [[17, 32]]], // Islamabad, Urdu context
    ["35202\u20134817306\u20135", [[0, 15]]], // en dashes
    ["85202-4817306-5", []], // no province 8
    ["05202-4817306-5", []], // no province 0
    ["35202-4817306-0", []], // gender digit 0
    ["3520248173065", []], // bare digits: only with a keyword (below)
    ["35202 4817306 5", []], // spaces: only with a keyword
    ["35202-4817306-57", []], // glued to a digit
    ["135202-4817306-5", []], // glued to a digit
  ])("%p → %p", (text, expected) => {
    expect(spans(pkCnic, text)).toEqual(expected);
  });

  it.each<[string, Array<[number, number, string]>]>([
    ["CNIC 3520248173065", [[5, 18, "high"]]], // 13 bare digits with a keyword
    ["شناختی کارڈ نمبر 3520248173065", [[17, 30, "high"]]],
    ["NADRA record, CNIC: 35202 4817306 5", [[20, 35, "high"]]], // 5-7-1 with spaces and a keyword
    ["|CNIC|3520248173065|2025-03-14|", [[6, 19, "high"]]], // a table cell after a keyword cell
    ["35202-4817306-5", [[0, 15, "low"]]], // dashed: found on the shape alone
    ["3520248173065", []], // bare, no keyword
    ["35202 4817306 5", []], // spaces, no keyword
    ["order 3520248173065 shipped", []],
    ["CNIC 3520248173060", []], // keyword, but gender digit 0
    ["CNIC 8520248173065", []], // keyword, but no province 8
  ])("through the scanner: %p → %p", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it("is pattern-only: low confidence, the province as reason", () => {
    expect(pkCnic.validate("3520248173065")).toEqual({
      ok: true,
      reasons: ["cnic format", "province 3 (punjab)", "no dashes: counts only with a keyword"],
      confidence: "low",
      keywordRequired: true,
    });
    expect(pkCnic.checksum).toBe(false);
    expect(pkCnic.validate("35202-4817306-5")).toEqual({ ok: true, reasons: ["cnic format", "province 3 (punjab)"], confidence: "low" });
    expect(pkCnic.validate("85202-4817306-5").reasons).toEqual(["first digit is no province code (1–7)"]);
    expect(pkCnic.validate("35202-4817306-0").reasons).toEqual(["gender digit 0 never issued"]);
  });

  it("masks all but the last two digits", () => {
    expect(pkCnic.mask("35202-4817306-5")).toBe("*****-******6-5");
  });

  it("every generated CNIC validates and is found whole in prose", () => {
    fc.assert(
      fc.property(validCnic, (c) => {
        expect(pkCnic.validate(c).ok).toBe(true);
        expect(spans(pkCnic, "CNIC no. " + c + ".")).toEqual([[9, 24]]);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the reference rule and with stdnum pk/cnic on random dashed candidates", () => {
    fc.assert(
      fc.property(dashed, (c) => {
        expect(pkCnic.validate(c).ok).toBe(refValid(c));
        expect(pkCnic.validate(c).ok).toBe(stdnumCnic(c).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("examples: every match is found whole, no noMatch is found", () => {
    for (const ex of pkCnic.examples.match) expect(directFind(pkCnic, ex).length).toBe(1);
    for (const ex of pkCnic.examples.noMatch) expect(directFind(pkCnic, ex)).toEqual([]);
  });
});
