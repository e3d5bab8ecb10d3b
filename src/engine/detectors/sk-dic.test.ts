import fc from "fast-check";
import { validate as stdnumCzDic } from "stdnum/lib/cjs/cz/dic";
import { skDic } from "./sk-dic";
import { spans, DIGITS } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

describe("sk-dic", () => {
  it.each<[string, Array<[number, number]>]>([
    ["CZ25123891", [[0, 10]]], // python-stdnum cz/dic, legal entity
    ["CZ 25123891", [[0, 11]]], // stdnum-js cz/dic
    ["CZ640903926", [[0, 11]]], // python-stdnum cz/dic, special case
    ["2022749619", [[0, 10]]], // the digits of python-stdnum sk/dph's example
    ["DIČ: 2022749619.", [[5, 15]]],
    ["CZ25123890", []], // check digit wrong
    ["CZ640903927", []], // check digit wrong
    ["2022749618", []], // not divisible by 11
    ["0022749619", []], // first digit 0
    ["2012749613", []], // third digit 1 (a rodné číslo month)
    ["CZ7103192745", []], // a person's DIČ is the rodné číslo: personal, not here
    ["20227496190", []], // glued to a digit
  ])("%p → %p", (text, expected) => {
    expect(spans(skDic, text)).toEqual(expected);
  });

  it("reasons name the form and the check", () => {
    expect(skDic.validate("CZ25123891").reasons).toEqual(["czech dič of a legal entity", "mod 11 check digit ok"]);
    expect(skDic.validate("2022749619").reasons).toEqual(["slovak dič", "divisible by 11"]);
    expect(skDic.validate("CZ7103192745").reasons).toEqual(["czech dič of a person is a rodné číslo"]);
  });

  it("agrees with stdnum's cz/dic on CZ + 8 digits", () => {
    fc.assert(
      fc.property(fc.constantFrom(..."012345678".split("")), digits(7), (a, b) => {
        expect(skDic.validate("CZ" + a + b).ok).toBe(stdnumCzDic("CZ" + a + b).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("a Slovak DIČ that passes the rodné číslo rule is reported as a DIČ, not as a birth number", () => {
    // 2021234567: YY 20, MM 21 (+20 code, January 2020), DD 23, divisible by 11: both readings validate.
    const value = "2021234567";
    expect(skDic.validate(value).ok).toBe(true);
    const found = createScanner(testPolicy()).scan("Fakturačné údaje: " + value);
    expect(found.map((f) => f.detector)).toEqual(["sk-dic"]);
  });

  it("masks all but the last three digits", () => {
    expect(skDic.mask("CZ 25123891")).toBe("** *****891");
  });
});
