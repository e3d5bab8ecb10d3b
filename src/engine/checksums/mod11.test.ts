import fc from "fast-check";
import { mod11, mod11CheckDigit, weightedMod11 } from "./mod11";

const digitString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: min, maxLength: max });

describe("mod11", () => {
  const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];

  it.each([
    ["000000000", 0],
    ["100000000", 3],
    ["123456789", (1 * 3 + 2 * 7 + 3 * 6 + 4 * 1 + 5 * 8 + 6 * 9 + 7 * 4 + 8 * 5 + 9 * 2) % 11],
  ])("weightedMod11(%p, W1) = %p", (digits, expected) => {
    expect(weightedMod11(digits, W1)).toBe(expected);
  });

  it("check digit: remainder 0 → 0, remainder 1 → -1 (no valid digit), otherwise 11 − r", () => {
    expect(mod11CheckDigit("000000000", W1)).toBe(0);
    // 4 × weight 3 = 12 ≡ 1 → no check digit exists
    expect(mod11CheckDigit("400000000", W1)).toBe(-1);
    // 1 × 3 = 3 → 8
    expect(mod11CheckDigit("100000000", W1)).toBe(8);
  });

  it("weightedMod11 and mod11CheckDigit agree with a reduce-based reference", () => {
    fc.assert(
      fc.property(digitString(9, 9), (s) => {
        const ref = s.split("").reduce((acc, ch, i) => acc + Number(ch) * (W1[i] as number), 0) % 11;
        expect(weightedMod11(s, W1)).toBe(ref);
        const check = (11 - ref) % 11;
        expect(mod11CheckDigit(s, W1)).toBe(check === 10 ? -1 : check);
      }),
      { numRuns: 500 },
    );
  });

  it("mod11 of any digit string equals BigInt arithmetic", () => {
    fc.assert(
      fc.property(digitString(1, 40), (s) => {
        expect(mod11(s)).toBe(Number(BigInt(s) % BigInt(11)));
      }),
      { numRuns: 500 },
    );
  });
});
