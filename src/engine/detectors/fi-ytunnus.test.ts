import fc from "fast-check";
import { validate as stdnumYtunnus } from "stdnum/lib/cjs/fi/ytunnus";
import { fiYtunnus } from "./fi-ytunnus";
import { spans, DIGITS } from "./national-ids.testkit";

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

describe("fi-ytunnus", () => {
  it.each<[string, Array<[number, number]>]>([
    ["2077474-0", [[0, 9]]], // python-stdnum fi/ytunnus
    ["FI 20774740", [[0, 11]]], // python-stdnum fi/alv
    ["FI20774740", [[0, 10]]],
    ["Y-tunnus 2077474-0.", [[9, 18]]],
    ["2077474-1", []], // check digit wrong
    ["FI 20774741", []],
    ["20774740", []], // bare digits: not matched
    ["12077474-0", []], // glued to a digit
  ])("%p → %p", (text, expected) => {
    expect(spans(fiYtunnus, text)).toEqual(expected);
  });

  it("agrees with stdnum on random numbers", () => {
    fc.assert(
      fc.property(digits(7), digits(1), (a, c) => {
        expect(fiYtunnus.validate(a + "-" + c).ok).toBe(stdnumYtunnus(a + "-" + c).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("names the remainder-1 rule", () => {
    // 0000010: 1×2 = 2 → remainder 2; 0000100: 1×4 → 4; 1000000: 7; a remainder of 1: 0000030 (3×4=12 → 1).
    expect(fiYtunnus.validate("0000030-0").reasons).toEqual(["remainder 1 never issued"]);
  });
});
