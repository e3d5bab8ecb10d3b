import fc from "fast-check";
import { validate as stdnumRc } from "stdnum/lib/cjs/cz/rc";
import { skRc } from "./sk-rc";
import { directFind, spans } from "./national-ids.testkit";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const scanner = createScanner(testPolicy());
const found = (text: string) => scanner.scan(text).map((f) => [f.detector, f.start, f.end, f.confidence]);

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Reference remainder mod 11 via BigInt (independent of the engine's digit loop). */
const rem11 = (digits: string) => Number(BigInt(digits) % BigInt(11));

/** A valid 10-digit RČ (generated): date 1954–2053, sex, optional +20/+70 from 2004, serial; null when the serial's remainder is 10. */
const validRc10 = fc
  .record({
    date: fc.date({ min: new Date("1954-01-01T00:00:00Z"), max: new Date("2053-12-31T00:00:00Z"), noInvalidDate: true }),
    woman: fc.boolean(),
    extra: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ date, woman, extra, serial }) => {
    const year = date.getUTCFullYear();
    const offset = (woman ? 50 : 0) + (extra && year >= 2004 ? 20 : 0);
    const nine = pad(year % 100, 2) + pad(date.getUTCMonth() + 1 + offset, 2) + pad(date.getUTCDate(), 2) + pad(serial, 3);
    const r = rem11(nine);
    return r === 10 ? null : nine + String(r);
  });

describe("sk-rc", () => {
  it.each<[string, Array<[number, number]>]>([
    ["850316/1238", [[0, 11]]], // generated: man, 1985
    ["RČ: 8503161238.", [[4, 14]]], // without slash
    ["855316/1243", [[0, 11]]], // woman (+50)
    ["052308/4562", [[0, 11]]], // man 2005 (+20)
    ["057308/4578", [[0, 11]]], // woman 2005 (+70)
    ["700101/1040", [[0, 11]]], // old rule: remainder 10, check digit 0, 1970
    ["nar. 1950, 500101/123", [[11, 21]]], // 9 digits with slash, before 1954
    ["850316/1239", []], // check digit wrong
    ["900101/1020", [[0, 11]]], // remainder-10 rule after 1985 (python-stdnum's real-world list has one from 1988)
    ["850316 / 1238", [[0, 13]]], // spaced slash
    ["850316/ 1238", [[0, 12]]],
    ["RČ 850316 1238", [[3, 14]]], // a space instead of the slash
    ["|850316/1238|2025-03-14|1 250,00|", [[1, 12]]], // table cells beside a date and an amount
    ["RC:8503161238;2025-03-14", [[3, 13]]], // glued as in exports
    ["991231/123", [[0, 10]]], // 9 digits, 1899
    ["850316 1239", []], // spaced, check digit wrong
    ["500101 123", []], // 9 digits with a space: no slash
    ["850316-1238", []], // a dash is not how RČ is written
    ["850316  1238", []], // two spaces
    ["700101/123", []], // 9 digits for 1970
    ["852308/4570", []], // +20 before 2004
    ["850230/1236", []], // 30 Feb: divisible by 11, impossible date
    ["851316/1234", []], // month 13
    ["500101123", []], // 9 bare digits
    ["600101/123", []], // 9 digits for 1960
    ["850316/12380", []], // glued to a digit
  ])("%p → %p", (text, expected) => {
    expect(spans(skRc, text)).toEqual(expected);
  });

  it.each<[string, Array<[string, number, number, string]>]>([
    ["rodné číslo 500101123", [["sk-rc", 12, 21, "high"]]], // 9 digits without slash, with a keyword
    ["r.č. 500101 123", [["sk-rc", 5, 15, "high"]]],
    ["500101123", [["us-ssn", 0, 9, "low"]]], // without a keyword it is not read as an RČ
    ["rodné číslo 700101123", [["us-ssn", 12, 21, "low"]]], // keyword, but 9 digits for 1970: not an RČ (the SSN shape stays)
  ])("through the scanner: %p → %p", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it("reasons and confidence", () => {
    expect(skRc.validate("500101123")).toEqual({
      ok: true,
      reasons: ["birth date exists (1900s)", "9-digit number (before 1954, no check digit)", "no slash: counts only with a keyword"],
      confidence: "low",
      keywordRequired: true,
    });
    expect(skRc.validate("850316/1238")).toEqual({ ok: true, reasons: ["birth date exists (1900s)", "divisible by 11"], confidence: "medium" });
    expect(skRc.validate("700101/1040")).toEqual({ ok: true, reasons: ["birth date exists (1900s)", "remainder 10, check digit 0"], confidence: "medium" });
    expect(skRc.validate("991231/123").reasons[0]).toBe("birth date exists (1800s)");
    expect(skRc.validate("500101/123")).toEqual({ ok: true, reasons: ["birth date exists (1900s)", "9-digit number (before 1954, no check digit)"], confidence: "low" });
    expect(skRc.validate("052308/4562").reasons[0]).toBe("birth date exists (2000s)");
    expect(skRc.validate("850316/1239").reasons).toEqual(["check digit wrong"]);
    expect(skRc.validate("852308/4570").reasons).toEqual(["month +20/+70 only since 2004"]);
    expect(skRc.validate("850230/1236").reasons).toEqual(["birth date does not exist"]);
    expect(skRc.validate("851316/1234").reasons).toEqual(["month code not 01–12, 21–32, 51–62 or 71–82"]);
    expect(skRc.validate("").ok).toBe(false);
  });

  it("masks all but the last two digits", () => {
    expect(skRc.mask("850316/1238")).toBe("******/**38");
  });

  it("every generated valid number validates and is found whole in prose, with or without slash", () => {
    fc.assert(
      fc.property(validRc10, fc.boolean(), (rc, slash) => {
        if (rc === null) return;
        const written = slash ? rc.slice(0, 6) + "/" + rc.slice(6) : rc;
        expect(skRc.validate(written).ok).toBe(true);
        expect(spans(skRc, "Rodné číslo: " + written + ", ďakujem.")).toEqual([[13, 13 + written.length]]);
      }),
      { numRuns: 500 },
    );
  });

  it("the divisibility check agrees with BigInt on random 10-digit strings with a valid date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 54, max: 99 }), fc.integer({ min: 0, max: 9999 }), (day, month, yy, tail) => {
        const rc = pad(yy, 2) + pad(month, 2) + pad(day, 2) + pad(tail, 4);
        const expected = rem11(rc) === 0 || (rem11(rc.slice(0, 9)) === 10 && rc.charAt(9) === "0");
        expect(skRc.validate(rc).ok).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with stdnum cz/rc wherever our policies match (10 digits, past dates, issued month codes, no +20/+70 before 2004)", () => {
    const today = Date.now();
    fc.assert(
      fc.property(fc.oneof(validRc10, fc.integer({ min: 0, max: 2147483647 }).map((n) => pad(n, 10))), (rc) => {
        if (rc === null) return;
        const yy = Number(rc.slice(0, 2));
        const year = yy >= 54 ? 1900 + yy : 2000 + yy;
        const mm = Number(rc.slice(2, 4));
        if ((mm > 40 && mm < 51) || mm > 90) return; // stdnum's (mm % 50) % 20 also takes 41–50 and 91–99: never issued
        if ((mm > 20 && mm < 33) || mm > 70) if (year < 2004) return;
        if (Date.UTC(year, (mm % 50) % 20 - 1, Number(rc.slice(4, 6))) > today) return;
        if (year >= 1985 && rem11(rc.slice(0, 9)) === 10) return; // remainder-10 rule: stdnum stops at 1984, we (and python-stdnum) do not
        expect(skRc.validate(rc).ok).toBe(stdnumRc(rc).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("examples: every match is found whole, no noMatch is found", () => {
    for (const ex of skRc.examples.match) expect(directFind(skRc, ex).length).toBe(1);
    for (const ex of skRc.examples.noMatch) expect(directFind(skRc, ex)).toEqual([]);
  });
});
