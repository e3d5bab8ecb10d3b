import fc from "fast-check";
import { luhn } from "./luhn";

/** Reference: the textbook definition, written differently (reverse, double every second, sum the digit sums). */
function reference(digits: string): boolean {
  const ds = digits.split("").reverse().map(Number);
  const total = ds.reduce((sum, d, i) => {
    if (i % 2 === 0) return sum + d;
    const x = String(d * 2);
    return sum + x.split("").map(Number).reduce((a, b) => a + b, 0);
  }, 0);
  return ds.length > 0 && total % 10 === 0;
}

describe("luhn", () => {
  test.each([
    ["4111111111111111", true],
    ["4111 1111 1111 1111", true],
    ["4111-1111-1111-1112", false],
    ["378282246310005", true],
    ["79927398713", true],
    ["79927398710", false],
    ["", false],
  ])("%s → %s", (v, ok) => {
    expect(luhn(v)).toBe(ok);
  });

  test("agrees with the reference on random digit strings", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,30}$/), (d) => luhn(d) === reference(d)),
      { numRuns: 2000 },
    );
  });
});
