import fc from "fast-check";
import { validate as stdnumNtn } from "stdnum/lib/cjs/pk/ntn";
import { pkNtn } from "./pk-ntn";
import { spans, DIGITS } from "./national-ids.testkit";

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

describe("pk-ntn", () => {
  it.each<[string, Array<[number, number]>]>([
    ["1234567-8", [[0, 9]]], // stdnum-js pk/ntn's number with the FBR's dash digit
    ["NTN: 4218097-3.", [[5, 14]]],
    ["1234567", []], // bare 7 digits: not matched
    ["123456-7", []],
    ["12345678-9", []], // glued digit
    ["0000000-0", []], // placeholder
  ])("%p → %p", (text, expected) => {
    expect(spans(pkNtn, text)).toEqual(expected);
  });

  it("agrees with stdnum on the 7 digits before the dash (placeholders aside)", () => {
    fc.assert(
      fc.property(digits(7), digits(1), (d, c) => {
        if (/^(\d)\1{6}$/.test(d)) return;
        expect(pkNtn.validate(d + "-" + c).ok).toBe(stdnumNtn(d).isValid);
      }),
    );
  });

  it("is pattern-only", () => {
    expect(pkNtn.checksum).toBe(false);
    expect(pkNtn.validate("4218097-3")).toEqual({ ok: true, reasons: ["ntn format"], confidence: "low" });
  });
});
