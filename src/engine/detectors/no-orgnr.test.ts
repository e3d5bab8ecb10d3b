import fc from "fast-check";
import { validate as stdnumOrgnr } from "stdnum/lib/cjs/no/orgnr";
import { noOrgnr } from "./no-orgnr";
import { spans, DIGITS } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

describe("no-orgnr", () => {
  it.each<[string, Array<[number, number]>]>([
    ["988077917", [[0, 9]]], // python-stdnum no/orgnr
    ["988 077 917", [[0, 11]]],
    ["NO 995 525 828 MVA", [[0, 18]]], // python-stdnum no/mva
    ["995525828MVA", [[0, 12]]],
    ["Org.nr. 965 920 358 MVA.", [[8, 23]]],
    ["988 077 918", []], // check digit wrong
    ["123456789", []], // first digit not 8/9
    ["988 077917", []], // mixed grouping
    ["9880779170", []], // glued to a digit
  ])("%p → %p", (text, expected) => {
    expect(spans(noOrgnr, text)).toEqual(expected);
  });

  it("is a business id with a checksum: medium, reasons name the checks", () => {
    expect(noOrgnr.group).toBe("business");
    expect(noOrgnr.validate("988077917")).toEqual({ ok: true, reasons: ["organisation number", "mod 11 check digit ok"], confidence: "medium" });
    expect(noOrgnr.validate("988077918").reasons).toEqual(["check digit wrong"]);
    expect(noOrgnr.validate("123456785").reasons).toEqual(["first digit not 8 or 9"]);
  });

  it("agrees with stdnum on every 9-digit number starting with 8 or 9", () => {
    fc.assert(
      fc.property(fc.constantFrom("8", "9"), digits(8), (a, b) => {
        expect(noOrgnr.validate(a + b).ok).toBe(stdnumOrgnr(a + b).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("masks all but the last three digits", () => {
    expect(noOrgnr.mask("988 077 917")).toBe("*** *** 917");
  });

  it("is reported by the scanner in its own group, not as a personal identifier", () => {
    const found = createScanner(testPolicy()).scan("Faktura fra NO 995 525 828 MVA");
    expect(found.map((f) => f.detector)).toEqual(["no-orgnr"]);
  });
});
