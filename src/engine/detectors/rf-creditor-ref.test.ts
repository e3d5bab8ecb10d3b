import { rfCreditorRef } from "./rf-creditor-ref";
import { spans } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

describe("rf-creditor-ref", () => {
  it.each<[string, Array<[number, number]>]>([
    ["RF18 5390 0754 7034", [[0, 19]]], // python-stdnum iso11649
    ["RF18539007547034", [[0, 16]]],
    ["RF18 5390 0754 70Y", [[0, 18]]],
    ["Viite: RF18 5390 0754 7034.", [[7, 26]]],
    ["RF17 5390 0754 7034", []], // check digits wrong
    ["rf18 5390 0754 7034", []], // lower case
  ])("%p → %p", (text, expected) => {
    expect(spans(rfCreditorRef, text)).toEqual(expected);
  });

  it("checks the mod-97 rule and the length", () => {
    expect(rfCreditorRef.validate("RF18539007547034")).toEqual({ ok: true, reasons: ["creditor reference", "mod 97 ok"], confidence: "medium" });
    expect(rfCreditorRef.validate("RF17539007547034").reasons).toEqual(["mod 97 check wrong"]);
    expect(rfCreditorRef.validate("RF180123456789012345678901").reasons).toEqual(["not RF + 2 digits + 1–21 characters"]);
    expect(rfCreditorRef.validate("RF71ABC").reasons).toEqual(["fewer than 4 digits"]);
  });

  it("the digits inside a reference are not read as a personal identifier", () => {
    const found = createScanner(testPolicy()).scan("Maksu viitteellä RF18 5390 0754 7034, kiitos.");
    expect(found.map((f) => f.detector)).toEqual(["rf-creditor-ref"]);
  });
});
