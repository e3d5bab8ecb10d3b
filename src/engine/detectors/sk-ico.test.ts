import fc from "fast-check";
import { validate as stdnumIco } from "stdnum/lib/cjs/cz/ico";
import { skIco } from "./sk-ico";
import { spans, DIGITS } from "./national-ids.testkit";

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

describe("sk-ico", () => {
  it.each<[string, Array<[number, number]>]>([
    ["00177041", [[0, 8]]], // python-stdnum cz/ico
    ["31 322 832", [[0, 10]]], // stdnum-js sk/ico
    ["001 77 041", []], // 3-2-3: the grouping of phone numbers, not matched
    ["IČO: 25596641, DIČ: …", [[5, 13]]],
    ["00177042", []], // check digit wrong
    ["90000001", []], // first digit 9
    ["0017704", []], // 7 digits
    ["313228320", []], // glued to a digit
    ["31 3228 32", []], // no such grouping
  ])("%p → %p", (text, expected) => {
    expect(spans(skIco, text)).toEqual(expected);
  });

  it("is a business id with a checksum", () => {
    expect(skIco.group).toBe("business");
    expect(skIco.validate("25596641")).toEqual({ ok: true, reasons: ["ičo", "mod 11 check digit ok"], confidence: "medium" });
    expect(skIco.validate("90000001").reasons).toEqual(["first digit 9 not issued"]);
  });

  it("agrees with stdnum on 8-digit numbers not starting with 9", () => {
    fc.assert(
      fc.property(fc.constantFrom(..."012345678".split("")), digits(7), (a, b) => {
        expect(skIco.validate(a + b).ok).toBe(stdnumIco(a + b).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("masks all but the last three digits", () => {
    expect(skIco.mask("31 322 832")).toBe("** *** 832");
  });
});
