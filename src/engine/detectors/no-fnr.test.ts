import fc from "fast-check";
import { validate as stdnumFnr } from "stdnum/lib/cjs/no/fodselsnummer";
import { fnrCentury, noFnr } from "./no-fnr";
import { directFind, spans } from "./national-ids.testkit";

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Reference mod-11 check digits, written independently: -1 where no digit exists. */
function refChecks(nine: string): string | null {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const digit = (s: string, w: number[]) => {
    const r = (11 - (w.reduce((acc, wi, i) => acc + wi * Number(s[i]), 0) % 11)) % 11;
    return r === 10 ? null : String(r);
  };
  const k1 = digit(nine, w1);
  if (k1 === null) return null;
  const k2 = digit(nine + k1, w2);
  return k2 === null ? null : k1 + k2;
}

/** Years a given individual number may encode, per Skatteetaten's table. */
const issuable = fc
  .record({ date: fc.date({ min: new Date("1855-01-01T00:00:00Z"), max: new Date("2039-12-31T00:00:00Z"), noInvalidDate: true }), pick: fc.nat() })
  .map(({ date, pick }) => {
    const year = date.getUTCFullYear();
    const ranges: Array<[number, number]> =
      year < 1900 ? [[500, 749]] : year < 2000 ? (year >= 1940 ? [[0, 499], [900, 999]] : [[0, 499]]) : [[500, 999]];
    const [lo, hi] = ranges[pick % ranges.length] as [number, number];
    return { day: date.getUTCDate(), month: date.getUTCMonth() + 1, yy: year % 100, individual: lo + (pick % (hi - lo + 1)) };
  });

/** A valid number (fødselsnummer, D- or H-number) for an issuable date and individual number, or null if no check digits exist. */
const validFnr = fc.tuple(issuable, fc.constantFrom("f", "d", "h")).map(([p, kind]) => {
  const nine = pad(p.day + (kind === "d" ? 40 : 0), 2) + pad(p.month + (kind === "h" ? 40 : 0), 2) + pad(p.yy, 2) + pad(p.individual, 3);
  const checks = refChecks(nine);
  return checks === null ? null : nine + checks;
});

describe("no-fnr", () => {
  it.each<[string, Array<[number, number]>]>([
    ["15038512363", [[0, 11]]], // generated: 15.03.1985, individual 123
    ["fnr 150385 12363.", [[4, 16]]], // the written "DDMMYY IIIKK" form
    ["55038512357", [[0, 11]]], // D-number (day + 40)
    ["15438512346", [[0, 11]]], // H-number (month + 40)
    ["24020751246", [[0, 11]]], // 2007, individual 512
    ["01017091219", [[0, 11]]], // 1970, individual 912
    ["29020050169", [[0, 11]]], // 29 Feb 2000 (leap year)
    ["15038512364", []], // second check digit wrong
    ["15038512373", []], // first check digit wrong
    ["31048512359", []], // 31 April: right check digits, impossible date
    ["29028512390", []], // 29 Feb 1985: not a leap year
    ["15038580059", []], // individual 800 with year 85: never issued
    ["15938512377", []], // synthetic Tenor number (month + 80): dropped
    ["55938512360", []], // synthetic Tenor D-number (day + 40, month + 80): dropped
    ["150385123630", []], // glued to a digit
    ["15038 512363", []], // space in the wrong place
    ["fnr 150385-12363", [[4, 16]]], // DDMMYY-IIIKK
    ["150385.12363", [[0, 12]]], // DDMMYY.IIIKK
    ["f.nr. 15.03.85 12363", [[6, 20]]], // date grouped
    ["15-03-85-12363", [[0, 14]]],
    ["15 03 85 123 63", [[0, 15]]],
    ["15 03 85 12 363", [[0, 15]]],
    ["150385123-63", [[0, 12]]], // check digits apart
    ["|150385-12363|2025-03-14|", [[1, 13]]], // a table cell beside a date
    ["Fnr:150385-12363;1 250,00", [[4, 16]]], // glued as in exports
    ["150385-12364", []], // dashed, check digit wrong
    ["150385--12363", []], // two separators
    ["150385/12363", []], // slash is not a fødselsnummer separator
  ])("%p → %p", (text, expected) => {
    expect(spans(noFnr, text)).toEqual(expected);
  });

  it("reasons name the kind and the checks, never the digits", () => {
    expect(noFnr.validate("15038512363")).toEqual({ ok: true, reasons: ["fødselsnummer", "birth date exists (1900s)", "mod 11 check digits ok"], confidence: "medium" });
    expect(noFnr.validate("55038512357").reasons[0]).toBe("d-number");
    expect(noFnr.validate("15438512346").reasons[0]).toBe("h-number");
    expect(noFnr.validate("15938512377").reasons).toEqual(["synthetic test number (month+80, Tenor)"]);
    expect(noFnr.validate("15038512364").reasons).toEqual(["check digit 2 wrong"]);
    expect(noFnr.validate("15038512373").reasons).toEqual(["check digit 1 wrong"]);
    expect(noFnr.validate("31048512359").reasons).toEqual(["birth date does not exist"]);
    expect(noFnr.validate("15038580059").reasons).toEqual(["individual number does not fit the year"]);
    expect(noFnr.validate("55438512410").reasons).toEqual(["day and month both offset"]);
    expect(noFnr.validate("").ok).toBe(false);
  });

  it("century table", () => {
    expect([fnrCentury(123, 85), fnrCentury(600, 60), fnrCentury(600, 20), fnrCentury(950, 70), fnrCentury(800, 70), fnrCentury(600, 45)]).toEqual([1900, 1800, 2000, 1900, 0, 0]);
  });

  it("masks all but the last two digits", () => {
    expect(noFnr.mask("150385 12363")).toBe("****** ***63");
  });

  it("every generated valid number validates and is found whole in prose", () => {
    fc.assert(
      fc.property(validFnr, fc.boolean(), (fnr, spaced) => {
        if (fnr === null) return;
        const written = spaced ? fnr.slice(0, 6) + " " + fnr.slice(6) : fnr;
        expect(noFnr.validate(written).ok).toBe(true);
        const text = "Fødselsnummer: " + written + ", takk.";
        expect(spans(noFnr, text)).toEqual([[15, 15 + written.length]]);
      }),
      { numRuns: 500 },
    );
  });

  it("check digits agree with the reference on random 11-digit strings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999999999 }), fc.integer({ min: 0, max: 99 }), (front, checks) => {
        const nine = pad(front, 9);
        const candidate = nine + pad(checks, 2);
        const reasons = noFnr.validate(candidate).reasons;
        const checksOk = refChecks(nine) === pad(checks, 2);
        expect(reasons[0] !== "check digit 1 wrong" && reasons[0] !== "check digit 2 wrong").toBe(checksOk);
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with stdnum no/fodselsnummer wherever our policies match (past dates, no synthetic numbers)", () => {
    const today = Date.now();
    fc.assert(
      fc.property(fc.oneof(validFnr, fc.integer({ min: 0, max: 99999999 }).map((n) => pad(n, 8) + "123")), (fnr) => {
        if (fnr === null) return;
        const day = Number(fnr.slice(0, 2)) % 40;
        const month = Number(fnr.slice(2, 4)) % 40;
        const ours = noFnr.validate(fnr);
        if (Number(fnr.slice(2, 4)) > 80) return;
        if (Number(fnr.slice(0, 2)) > 40 && Number(fnr.slice(2, 4)) > 40) return; // D and H at once: we drop, stdnum accepts
        const ind = Number(fnr.slice(6, 9));
        if (ind >= 500 && ind < 750 && fnr.slice(4, 6) === "54") return; // 1854: Skatteetaten's table; stdnum starts at 55
        const century = fnrCentury(Number(fnr.slice(6, 9)), Number(fnr.slice(4, 6)));
        if (century && Date.UTC(century + Number(fnr.slice(4, 6)), month - 1, day) > today) return;
        expect(ours.ok).toBe(stdnumFnr(fnr).isValid);
      }),
      { numRuns: 2000 },
    );
  });

  it("examples: every match is found whole, no noMatch is found", () => {
    for (const ex of noFnr.examples.match) expect(directFind(noFnr, ex).length).toBe(1);
    for (const ex of noFnr.examples.noMatch) expect(directFind(noFnr, ex)).toEqual([]);
  });
});
