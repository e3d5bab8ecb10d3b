import fc from "fast-check";
import { skIcdph } from "./sk-icdph";
import { slovakDicOk } from "./sk-dic";
import { spans, DIGITS } from "./national-ids.testkit";

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

describe("sk-icdph", () => {
  it.each<[string, Array<[number, number]>]>([
    ["SK 202 274 96 19", [[0, 16]]], // python-stdnum sk/dph
    ["SK2022749619", [[0, 12]]],
    ["SK 2022749619", [[0, 13]]],
    ["IČ DPH: SK2022749619,", [[8, 20]]],
    ["SK 202 274 96 18", []], // not divisible by 11
    ["SK 1234567890", []], // validator.js isVAT SK invalid
    ["SK20227496190", []], // glued to a digit
    ["sk2022749619", []], // lower-case prefix
  ])("%p → %p", (text, expected) => {
    expect(spans(skIcdph, text)).toEqual(expected);
  });

  // python-stdnum sk/dph's rule, written out independently (stdnum-js checks the first digit instead of the third and
  // refuses the 1… numbers of individual entrepreneurs; python-stdnum is the eval's reference).
  const reference = (d: string) => d.charAt(0) !== "0" && "234789".indexOf(d.charAt(2)) >= 0 && Number(d) % 11 === 0;
  it("agrees with python-stdnum's Slovak rule", () => {
    fc.assert(
      fc.property(digits(10), (d) => {
        expect(slovakDicOk(d) === null).toBe(reference(d));
        expect(skIcdph.validate("SK" + d).ok).toBe(reference(d));
      }),
      { numRuns: 3000 },
    );
  });

  it("masks the middle", () => {
    expect(skIcdph.mask("SK 202 274 96 19")).toBe("SK *** *** ** 19");
  });
});
