import { validate as stdnumGstin } from "stdnum/lib/cjs/in/gstin";
import { inGstin } from "./in-gstin";
import { spans } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

describe("in-gstin", () => {
  it.each<[string, Array<[number, number]>]>([
    ["27AAPFU0939F1ZV", [[0, 15]]], // python-stdnum in_/gstin
    ["GSTIN: 27AAPFU0939F1ZV.", [[7, 22]]],
    ["27aapfu0939f1zv", [[0, 15]]], // lower case
    ["27AAPFU0939F1ZO", []], // check character wrong
    ["27AAPFU0939F1AA", []], // 14th not Z
    ["27AAPFU0000F1ZV", []], // PAN serial 0000
    ["00ABCDE1234F1Z5", []], // presidio: state 00
    ["27AAPFU0939F1ZV7", []], // glued
  ])("%p → %p", (text, expected) => {
    expect(spans(inGstin, text)).toEqual(expected);
  });

  it("agrees with stdnum on every check character, for state codes 01–37", () => {
    for (const state of ["01", "09", "27", "37"]) {
      for (const c of ALPHABET) {
        const g = state + "AAPFU0939F1Z" + c;
        expect(inGstin.validate(g).ok).toBe(stdnumGstin(g).isValid);
      }
    }
  });

  it("takes the state codes the portal added (38, 97, 99)", () => {
    const withCheck = (body: string) => body + ALPHABET.split("").filter((c) => inGstin.validate(body + c).ok)[0];
    for (const state of ["38", "97", "99"]) expect(inGstin.validate(withCheck(state + "AAPFU0939F1Z")).ok).toBe(true);
    expect(inGstin.validate("39AAPFU0939F1ZV").reasons).toEqual(["no such state code"]);
  });

  it("the PAN inside a GSTIN is the GSTIN, not a person's PAN", () => {
    const found = createScanner(testPolicy()).scan("Please bill GSTIN 27AAPFU0939F1ZV for the order.");
    expect(found.map((f) => f.detector)).toEqual(["in-gstin"]);
  });
});
