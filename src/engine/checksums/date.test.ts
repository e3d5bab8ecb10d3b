import fc from "fast-check";
import { dateExists, daysInMonth, isoDate } from "./date";

/** Reference: the JavaScript Date in UTC (test only; the validators stay free of Date and of the clock). */
function refExists(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(2000, 0, 1));
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

describe("date", () => {
  it.each([
    [1952, 10, 13, true],
    [2000, 2, 29, true], // divisible by 400
    [1900, 2, 29, false], // divisible by 100 only
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1999, 4, 31, false],
    [1999, 12, 31, true],
    [1999, 13, 1, false],
    [1999, 0, 1, false],
    [1999, 1, 0, false],
  ])("dateExists(%p, %p, %p) = %p", (y, m, d, expected) => {
    expect(dateExists(y, m, d)).toBe(expected);
  });

  it("daysInMonth is 0 outside 1–12", () => {
    expect(daysInMonth(2000, 13)).toBe(0);
    expect(daysInMonth(2000, 0)).toBe(0);
  });

  it("isoDate pads month and day", () => {
    expect(isoDate(1952, 10, 13)).toBe("1952-10-13");
    expect(isoDate(2005, 1, 2)).toBe("2005-01-02");
  });

  it("agrees with Date for years 1800–2099, months 0–13, days 0–32", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2099 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        expect(dateExists(y, m, d)).toBe(m >= 1 && m <= 12 && refExists(y, m, d));
      }),
      { numRuns: 1000 },
    );
  });
});
