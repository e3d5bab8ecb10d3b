import fc from "fast-check";
import { validate as stdnumAadhaar } from "stdnum/lib/cjs/in/aadhaar";
import { inAadhaar } from "./in-aadhaar";
import { directFind, spans, DIGITS } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

/** Independent reference Verhoeff (tables typed from Verhoeff 1969, distinct from the engine's stdnum-based one). */
const D = [
  "0123456789", "1234067895", "2340178956", "3401289567", "4012395678",
  "5987604321", "6598710432", "7659821043", "8765932104", "9876543210",
].map((r) => r.split("").map(Number));
const P = ["0123456789", "1576283094", "5803796142", "8916043527", "9453126870", "4286573901", "2793806415", "7046913258"].map((r) => r.split("").map(Number));
function refVerhoeff(s: string): boolean {
  let c = 0;
  const digits = s.split("").reverse().map(Number);
  digits.forEach((x, i) => {
    c = (D[c] as number[])[(P[i % 8] as number[])[x] as number] as number;
  });
  return c === 0;
}
function refCheckDigit(eleven: string): string {
  for (let x = 0; x < 10; x++) if (refVerhoeff(eleven + String(x))) return String(x);
  return "";
}

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });
/** A valid Aadhaar (generated): first digit 2–9, Verhoeff digit appended, palindromes skipped (null). */
const validAadhaar = fc.tuple(fc.integer({ min: 2, max: 9 }), digits(10)).map(([first, rest]) => {
  const n = String(first) + rest + refCheckDigit(String(first) + rest);
  return n.split("").reverse().join("") === n ? null : n;
});

describe("in-aadhaar", () => {
  it.each<[string, Array<[number, number]>]>([
    ["2345 6789 0124", [[0, 14]]], // generated with Verhoeff
    ["Aadhaar: 2345-6789-0124.", [[9, 23]]],
    ["(234567890124)", [[1, 13]]],
    ["9876 5432 1096 and 5012 3456 7896", [[0, 14], [19, 33]]],
    ["2345 6789 0125", []], // Verhoeff fails
    ["1345 6789 0129", []], // Verhoeff ok, first digit 1
    ["0345 6789 0125", []], // first digit 0
    ["2000 0990 0002", []], // palindrome (Verhoeff ok)
    ["2345 6789-0124", [[0, 14]]], // mixed separators
    ["2345.6789.0124", [[0, 14]]], // dots
    ["|2345-6789-0124|14.03.2025|1 250,00|", [[1, 15]]], // a table cell beside a date and an amount
    ["Aadhaar:234567890124;2025-03-14", [[8, 20]]], // glued as in exports
    ["2345.6789.0125", []], // dots, Verhoeff fails
    ["2345/6789/0124", []], // a slash is not an Aadhaar separator
    ["2345  6789 0124", []], // two separators in a row
    ["2345 6789 01245", []], // glued to a digit
  ])("%p → %p", (text, expected) => {
    expect(spans(inAadhaar, text)).toEqual(expected);
  });

  it("reasons name the failing rule", () => {
    expect(inAadhaar.validate("2345 6789 0124")).toEqual({ ok: true, reasons: ["first digit 2–9", "not a palindrome", "verhoeff ok"], confidence: "medium" });
    expect(inAadhaar.validate("2345 6789 0125").reasons).toEqual(["verhoeff failed"]);
    expect(inAadhaar.validate("1345 6789 0129").reasons).toEqual(["first digit 0 or 1 never issued"]);
    expect(inAadhaar.validate("2000 0990 0002").reasons).toEqual(["palindrome never issued"]);
    expect(inAadhaar.validate("23456789012").reasons).toEqual(["not 12 digits"]);
  });

  it("masks all but the last four digits", () => {
    expect(inAadhaar.mask("2345 6789 0124")).toBe("**** **** 0124");
  });

  it("every generated valid number validates and is found whole in prose, in any grouping", () => {
    fc.assert(
      fc.property(validAadhaar, fc.constantFrom("", " ", "-"), (n, sep) => {
        if (n === null) return;
        const written = n.slice(0, 4) + sep + n.slice(4, 8) + sep + n.slice(8);
        expect(inAadhaar.validate(written).ok).toBe(true);
        expect(spans(inAadhaar, "मेरा आधार " + written + " है")).toEqual([[10, 10 + written.length]]);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with the reference rules and with stdnum in/aadhaar on random 12-digit strings", () => {
    fc.assert(
      fc.property(fc.oneof(digits(12), validAadhaar.map((n) => n || "200009900002")), (n) => {
        const expected = n.charAt(0) >= "2" && n.split("").reverse().join("") !== n && refVerhoeff(n);
        expect(inAadhaar.validate(n).ok).toBe(expected);
        expect(inAadhaar.validate(n).ok).toBe(stdnumAadhaar(n).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("examples: every match is found whole, no noMatch is found", () => {
    for (const ex of inAadhaar.examples.match) expect(directFind(inAadhaar, ex).length).toBe(1);
    for (const ex of inAadhaar.examples.noMatch) expect(directFind(inAadhaar, ex)).toEqual([]);
  });
});

describe("confidence: grouped medium, solid low until a keyword confirms it", () => {
  it("the validator gives 4-4-4 medium and 12 solid digits low", () => {
    expect(inAadhaar.validate("2345 6789 0124").confidence).toBe("medium");
    expect(inAadhaar.validate("2345-6789-0124").confidence).toBe("medium");
    expect(inAadhaar.validate("234567890124").confidence).toBe("low");
  });

  it("in a scan: a keyword makes the solid form high; a word for another number or a URL drops it", () => {
    const scanner = createScanner(testPolicy());
    const aadhaar = (t: string) => scanner.scan(t).filter((f) => f.detector === "in-aadhaar").map((f) => f.confidence);
    expect(aadhaar("Aadhaar 234567890124")).toEqual(["high"]);
    expect(aadhaar("234567890124")).toEqual(["low"]);
    expect(aadhaar("Order number 234567890124")).toEqual([]);
    expect(aadhaar("https://shop.example/orders/234567890124")).toEqual([]);
    expect(aadhaar("2345 6789 0124")).toEqual(["medium"]);
  });
});
