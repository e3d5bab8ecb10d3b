import { inTan } from "./in-tan";
import { spans } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

describe("in-tan", () => {
  it.each<[string, Array<[number, number]>]>([
    ["MUMA12345B", [[0, 10]]], // generated
    ["TAN: DELR40213K.", [[5, 15]]],
    ["MUMA00000B", []], // serial 00000
    ["muma12345b", []], // lower case
    ["MUMA12345BC", []], // glued
    ["XMUMA12345B", []], // glued
    ["MUM12345B", []], // three letters
  ])("%p → %p", (text, expected) => {
    expect(spans(inTan, text)).toEqual(expected);
  });

  it("is pattern-only: low alone, higher with a keyword", () => {
    expect(inTan.checksum).toBe(false);
    const scanner = createScanner(testPolicy());
    expect(scanner.scan("deductor MUMA12345B").map((f) => [f.detector, f.confidence])).toEqual([["in-tan", "low"]]);
    expect(scanner.scan("TAN: MUMA12345B").map((f) => [f.detector, f.confidence])).toEqual([["in-tan", "high"]]);
  });
});
