/**
 * Calendar checks for identifiers that embed a birth date (HETU, fødselsnummer, rodné číslo).
 *
 * Hand-written (a few lines of arithmetic) because the library alternative (stdnum's isValidDate) also rejects dates
 * after the device clock's "now": that makes the same text scan differently on different days and machines. Our
 * validators are deterministic: a date is valid when it exists in the proleptic Gregorian calendar, whatever today is.
 */

/** Days in month `m` (1–12) of year `y`; 0 for a month outside 1–12. */
export function daysInMonth(y: number, m: number): number {
  if (m < 1 || m > 12) return 0;
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Does the date y-m-d exist (month 1–12, day 1–last day of that month)? */
export function dateExists(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= daysInMonth(y, m);
}

/** "1952-10-13": the ISO form used in validation reasons. */
export function isoDate(y: number, m: number, d: number): string {
  return String(y) + "-" + (m < 10 ? "0" : "") + String(m) + "-" + (d < 10 ? "0" : "") + String(d);
}
