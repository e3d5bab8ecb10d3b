import fc from "fast-check";
import { verhoeffCheckDigit, verhoeffOk, verhoeffText } from "./verhoeff";

/**
 * Independent reference: Verhoeff from the group D5 itself (rotations 0–4, reflections 5–9), not from lookup tables.
 * The position permutation is the powers of (1 5 7 6 2 8 3 0 9 4); validity = the running product is the identity.
 */
function d5(j: number, k: number): number {
  if (j < 5 && k < 5) return (j + k) % 5;
  if (j < 5) return 5 + ((j + k - 5) % 5);
  if (k < 5) return 5 + ((((j - 5 - k) % 5) + 5) % 5);
  return (((j - k) % 5) + 5) % 5;
}
const BASE = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
function perm(power: number, x: number): number {
  let y = x;
  for (let i = 0; i < power; i++) y = BASE[y] as number;
  return y;
}
function refValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = d5(c, perm(i % 8, Number(digits[digits.length - 1 - i])));
  return c === 0;
}
function refCheckDigit(payload: string): string {
  for (let x = 0; x < 10; x++) if (refValid(payload + String(x))) return String(x);
  throw new Error("no Verhoeff digit");
}

describe("verhoeff", () => {
  it.each([
    ["2363", true], // the textbook example: 236 → check digit 3
    ["2364", false],
    ["0", true],
    ["1", false],
    ["", false],
    ["12a4", false],
  ])("verhoeffOk(%p) = %p", (input, expected) => {
    expect(verhoeffOk(input)).toBe(expected);
  });

  it("verhoeffText ignores separators", () => {
    expect(verhoeffText("2345 6789 0124")).toBe(true);
    expect(verhoeffText("2345-6789-0125")).toBe(false);
    expect(verhoeffText("--")).toBe(false);
  });

  it("check digit of 236 is 3, of 12345 is 1", () => {
    expect(verhoeffCheckDigit("236")).toBe("3");
    expect(verhoeffCheckDigit("12345")).toBe("1");
    expect(verhoeffCheckDigit("x1")).toBe("");
  });

  it("agrees with the D5 reference on random digit strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: 1, maxLength: 20 }), (s) => {
        expect(verhoeffOk(s)).toBe(refValid(s));
        expect(verhoeffCheckDigit(s)).toBe(refCheckDigit(s));
      }),
      { numRuns: 500 },
    );
  });

  it("detects every single-digit substitution and adjacent transposition", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: 2, maxLength: 14 }), fc.nat(), fc.integer({ min: 1, max: 9 }), (p, at, delta) => {
        const ok = p + verhoeffCheckDigit(p);
        const i = at % ok.length;
        const changed = ok.slice(0, i) + String((Number(ok[i]) + delta) % 10) + ok.slice(i + 1);
        expect(verhoeffOk(changed)).toBe(false);
        if (i + 1 < ok.length && ok[i] !== ok[i + 1]) {
          const swapped = ok.slice(0, i) + ok[i + 1] + ok[i] + ok.slice(i + 2);
          expect(verhoeffOk(swapped)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
