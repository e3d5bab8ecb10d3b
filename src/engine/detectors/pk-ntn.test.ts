import fc from "fast-check";
import { validate as stdnumNtn } from "stdnum/lib/cjs/pk/ntn";
import { pkNtn } from "./pk-ntn";
import { spans, DIGITS } from "./national-ids.testkit";

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

describe("pk-ntn", () => {
  it.each<[string, Array<[number, number]>]>([
    ["1234567", [[0, 7]]], // stdnum-js pk/ntn
    ["NTN: 4218097-3.", [[5, 14]]],
    ["123456", []],
    ["12345678", []], // glued digit
    ["0000000", []], // placeholder
  ])("%p → %p", (text, expected) => {
    expect(spans(pkNtn, text)).toEqual(expected);
  });

  it("agrees with stdnum on 7-digit numbers (placeholders aside)", () => {
    fc.assert(
      fc.property(digits(7), (d) => {
        if (/^(\d)\1{6}$/.test(d)) return;
        expect(pkNtn.validate(d).ok).toBe(stdnumNtn(d).isValid);
      }),
    );
  });

  it("is pattern-only", () => {
    expect(pkNtn.checksum).toBe(false);
    expect(pkNtn.validate("4218097-3")).toEqual({ ok: true, reasons: ["ntn format"], confidence: "low" });
  });
});
