import { iban, IBAN_LENGTHS } from "./iban";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const scanner = createScanner(testPolicy());
const find = (text: string) => scanner.scan(text).map((f) => [f.detector, f.start, f.end, f.confidence]);

describe("iban", () => {
  test.each([
    ["GB82 WEST 1234 5698 7654 32", [["iban", 0, 27, "medium"]]],
    ["IBAN: GB82WEST12345698765432.", [["iban", 6, 28, "high"]]],
    ["tilinumero FI21 1234 5600 0007 85", [["iban", 11, 33, "high"]]],
    ["kontonummer NO93 8601 1117 947", [["iban", 12, 30, "high"]]],
    ["číslo účtu: SK31 1200 0000 1987 4263 7541", [["iban", 12, 41, "high"]]],
    ["DE89 3704 0044 0532 0130 00 ABCD", [["iban", 0, 27, "medium"]]],
    ["GB82\u00a0WEST\u00a01234\u00a05698\u00a07654\u00a032", [["iban", 0, 27, "medium"]]],
    // a card-looking run inside an IBAN is the IBAN
    ["NL91 ABNA 0417 1643 00", [["iban", 0, 22, "medium"]]],
    // no match
    ["GB82 WEST 1234 5698 7654 33", []],
    ["XGB82 WEST 1234 5698 7654 32", []],
    ["GB82 WEST 1234 5698 7654 329", []],
    ["ZZ82 WEST 1234 5698 7654 32", []],
    ["gb82 west 1234 5698 7654 32", []],
  ])("%j", (text, expected) => {
    expect(find(text as string)).toEqual(expected);
  });

  test("country table: two upper-case letters, plausible lengths", () => {
    for (const cc of Object.keys(IBAN_LENGTHS)) {
      expect(cc).toMatch(/^[A-Z]{2}$/);
      expect(IBAN_LENGTHS[cc]).toBeGreaterThanOrEqual(15);
      expect(IBAN_LENGTHS[cc]).toBeLessThanOrEqual(34);
    }
  });

  test("reasons and mask", () => {
    expect(iban.validate("GB82 WEST 1234 5698 7654 32").reasons).toEqual(["length 22 for GB", "mod 97 ok"]);
    expect(iban.validate("GB82 WEST 1234 5698 7654").reasons).toEqual(["length not 22 for GB"]);
    expect(iban.mask("GB82 WEST 1234 5698 7654 32")).toBe("GB82 **** **** **** **** 32");
  });
});
