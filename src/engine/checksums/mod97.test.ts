import fc from "fast-check";
import { ibanMod97, mod97, mod97Remainder } from "./mod97";

/** Reference with BigInt: letters → 10..35, the whole number mod 97. */
function reference(s: string): number {
  const digits = s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return Number(BigInt(digits) % 97n);
}

describe("mod97", () => {
  test("IBAN examples", () => {
    expect(ibanMod97("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(ibanMod97("GB82 WEST 1234 5698 7654 33")).toBe(false);
    expect(ibanMod97("DE89370400440532013000")).toBe(true);
    expect(ibanMod97("GB8")).toBe(false);
  });

  test("RF creditor reference as written (ISO 11649: RF moved last)", () => {
    expect(mod97("539007547034" + "RF18")).toBe(true);
    expect(mod97("539007547034" + "RF19")).toBe(false);
  });

  test("characters other than letters, digits and separators fail", () => {
    expect(mod97Remainder("12#4")).toBe(-1);
    expect(mod97Remainder("")).toBe(-1);
  });

  test("agrees with a BigInt reference on random digit and letter strings", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,40}$/), (s) => mod97Remainder(s) === reference(s)),
      { numRuns: 2000 },
    );
  });
});
