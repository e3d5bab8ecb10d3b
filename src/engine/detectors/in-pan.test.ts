import fc from "fast-check";
import { validate as stdnumPan } from "stdnum/lib/cjs/in/pan";
import { inPan } from "./in-pan";
import { directFind, spans, DIGITS } from "./national-ids.testkit";

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
const letters = (n: number) => fc.string({ unit: fc.constantFrom(...UPPER), minLength: n, maxLength: n });
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });
/** Reference rule written independently: holder letters and a non-zero serial. */
const refValid = (pan: string) => /^[A-Z]{3}[PCHFATBLJGK][A-Z][0-9]{4}[A-Z]$/.test(pan) && pan.slice(5, 9) !== "0000";
/** A valid-shaped PAN (generated). */
const validPan = fc
  .tuple(letters(3), fc.constantFrom(..."PCHFATBLJGK".split("")), letters(1), fc.integer({ min: 1, max: 9999 }), letters(1))
  .map(([a, t, b, n, c]) => a + t + b + String(n).padStart(4, "0") + c);

describe("in-pan", () => {
  it.each<[string, Array<[number, number]>]>([
    ["BXKPR4821M", [[0, 10]]], // generated, holder type P
    ["PAN: QWTCZ7305L.", [[5, 15]]], // company
    ["(AJRTN1190D)", [[1, 11]]], // trust
    ["BXKDR4821M", []], // D is no holder type
    ["BXKQR4821M", []], // Q is no holder type
    ["BXKPR0000M", []], // serial 0000
    ["bxkpr4821m", []], // lower case
    ["BXKPR4821MA", []], // glued to a letter
    ["XBXKPR4821M", []], // glued to a letter
    ["BXKPR48211M", []], // five digits
  ])("%p → %p", (text, expected) => {
    expect(spans(inPan, text)).toEqual(expected);
  });

  it("is pattern-only: low confidence, the holder type as reason", () => {
    expect(inPan.checksum).toBe(false);
    expect(inPan.validate("BXKPR4821M")).toEqual({ ok: true, reasons: ["pan format", "holder type P (person)"], confidence: "low" });
    expect(inPan.validate("QWTCZ7305L").reasons[1]).toBe("holder type C (company)");
    expect(inPan.validate("BXKDR4821M").reasons).toEqual(["fourth letter is no holder type"]);
    expect(inPan.validate("BXKPR0000M").reasons).toEqual(["serial 0000 never issued"]);
  });

  it("masks all but the last two characters", () => {
    expect(inPan.mask("BXKPR4821M")).toBe("********1M");
  });

  it("every generated PAN validates and is found whole in prose", () => {
    fc.assert(
      fc.property(validPan, (pan) => {
        expect(inPan.validate(pan).ok).toBe(true);
        expect(spans(inPan, "मेरा पैन " + pan + ", धन्यवाद")).toEqual([[9, 19]]);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the reference rule and with stdnum in/pan on random upper-case candidates", () => {
    fc.assert(
      fc.property(fc.tuple(letters(5), digits(4), letters(1)).map((p) => p.join("")), (pan) => {
        expect(inPan.validate(pan).ok).toBe(refValid(pan));
        expect(inPan.validate(pan).ok).toBe(stdnumPan(pan).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("examples: every match is found whole, no noMatch is found", () => {
    for (const ex of inPan.examples.match) expect(directFind(inPan, ex).length).toBe(1);
    for (const ex of inPan.examples.noMatch) expect(directFind(inPan, ex)).toEqual([]);
  });
});
