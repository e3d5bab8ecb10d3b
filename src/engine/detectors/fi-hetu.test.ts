import fc from "fast-check";
import { validate as stdnumHetu } from "stdnum/lib/cjs/fi/hetu";
import { fiHetu } from "./fi-hetu";
import { directFind, spans } from "./national-ids.testkit";

const ALPHABET = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const SIGNS: Array<[string, number]> = [["+", 1800], ["-", 1900], ["Y", 1900], ["X", 1900], ["W", 1900], ["V", 1900], ["U", 1900], ["A", 2000], ["B", 2000], ["C", 2000], ["D", 2000], ["E", 2000], ["F", 2000]];
const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Reference check character: Horner's rule mod 31 digit by digit (no big-number parse). */
function refCheck(nineDigits: string): string {
  let r = 0;
  for (const ch of nineDigits) r = (r * 10 + Number(ch)) % 31;
  return ALPHABET.charAt(r);
}

/** A valid HETU for a real calendar date (generated, never a real person's on purpose). */
const validHetu = fc
  .record({
    sign: fc.constantFrom(...SIGNS),
    date: fc.date({ min: new Date("1800-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
    individual: fc.integer({ min: 2, max: 999 }),
  })
  .map(({ sign, date, individual }) => {
    const yy = date.getUTCFullYear() % 100;
    const ddmmyy = pad(date.getUTCDate(), 2) + pad(date.getUTCMonth() + 1, 2) + pad(yy, 2);
    return ddmmyy + sign[0] + pad(individual, 3) + refCheck(ddmmyy + pad(individual, 3));
  });

describe("fi-hetu", () => {
  it.each<[string, Array<[number, number]>]>([
    ["131052-308T", [[0, 11]]], // the DVV's published example
    ["HETU: 131052-308T.", [[6, 17]]],
    ["(010594Y9032)", [[1, 12]]], // 2023 century letter Y (1900s), generated
    ["born 2001: 150301A127E, 2016: 240216B562B", [[11, 22], [30, 41]]],
    ["290260-904Y", [[0, 11]]], // temporary number 900–999, 29 Feb 1960 (leap year)
    ["131052\u2013308T", [[0, 11]]], // en dash from autocorrect
    ["131052-308U", []], // wrong check character
    ["131052G308T", []], // G is no century sign
    ["300290-1235", []], // 30 Feb: right check character, impossible date
    ["290261-1231", []], // 29 Feb 1961: not a leap year
    ["310494-4566", []], // 31 Apr
    ["300490-001U", []], // individual number 001 is never issued
    ["131052-308T5", []], // glued to a digit
    ["X131052-308T", []], // glued to a letter
    ["131052-308t", [[0, 11]]], // lower case
    ["hetu 150301a127e", [[5, 16]]], // lower-case century letter and check character
    ["|131052-308T|14.03.2025|1 250,00|", [[1, 12]]], // a table cell beside a date and an amount
    ["HETU:131052-308T;2025-03-14", [[5, 16]]], // glued as in exports
    ["150301a127E", []], // letters in mixed case
    ["131052-308u", []], // lower case, wrong check character
  ])("%p → %p", (text, expected) => {
    expect(spans(fiHetu, text)).toEqual(expected);
  });

  it("gives medium confidence and reasons without digits", () => {
    expect(fiHetu.validate("131052-308T")).toEqual({ ok: true, reasons: ["birth date exists (1900s)", "check character ok"], confidence: "medium" });
    expect(fiHetu.validate("290260-904Y")).toEqual({
      ok: true,
      reasons: ["birth date exists (1900s)", "temporary individual number (900–999)", "check character ok"],
      confidence: "medium",
    });
    expect(fiHetu.validate("131052-308U").reasons).toEqual(["check character wrong"]);
    expect(fiHetu.validate("300290-1235").reasons).toEqual(["birth date does not exist"]);
    expect(fiHetu.validate("300490-001U").reasons).toEqual(["individual number 000–001 never issued"]);
    expect(fiHetu.validate("garbage").ok).toBe(false);
  });

  it("masks all but the last two characters", () => {
    expect(fiHetu.mask("131052-308T")).toBe("******-**8T");
  });

  it("every generated valid HETU validates and is found whole in prose", () => {
    fc.assert(
      fc.property(validHetu, fc.constantFrom("", "Hetu ", "nro: ", "("), fc.constantFrom("", ".", " ok", ")"), (hetu, before, after) => {
        expect(fiHetu.validate(hetu).ok).toBe(true);
        expect(spans(fiHetu, before + hetu + after)).toEqual([[before.length, before.length + 11]]);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with stdnum fi/hetu on random candidates wherever our policies match (past date, individual ≥ 002)", () => {
    const today = new Date();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 999999 }).map((n) => pad(n, 6)),
          fc.record({ d: fc.integer({ min: 1, max: 31 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 0, max: 99 }) }).map((r) => pad(r.d, 2) + pad(r.m, 2) + pad(r.y, 2)),
        ),
        fc.constantFrom(...SIGNS),
        fc.integer({ min: 2, max: 999 }),
        fc.option(fc.constantFrom(...ALPHABET.split(""))),
        (ddmmyy, sign, individual, randomCheck) => {
          const check = randomCheck === null ? refCheck(ddmmyy + pad(individual, 3)) : randomCheck;
          const candidate = ddmmyy + sign[0] + pad(individual, 3) + check;
          const year = sign[1] + Number(ddmmyy.slice(4));
          const when = new Date(Date.UTC(year, Number(ddmmyy.slice(2, 4)) - 1, Number(ddmmyy.slice(0, 2))));
          if (when.getTime() > today.getTime()) return; // stdnum rejects future dates by the clock; we do not
          expect(fiHetu.validate(candidate).ok).toBe(stdnumHetu(candidate).isValid);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("the check character agrees with the Horner mod-31 reference", () => {
    fc.assert(
      fc.property(validHetu, (hetu) => {
        expect(hetu.charAt(10)).toBe(refCheck(hetu.slice(0, 6) + hetu.slice(7, 10)));
        const wrong = ALPHABET.charAt((ALPHABET.indexOf(hetu.charAt(10)) + 1) % 31);
        expect(fiHetu.validate(hetu.slice(0, 10) + wrong).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("examples: every match is found whole, no noMatch is found", () => {
    for (const ex of fiHetu.examples.match) expect(directFind(fiHetu, ex).length).toBe(1);
    for (const ex of fiHetu.examples.noMatch) expect(directFind(fiHetu, ex)).toEqual([]);
  });
});
