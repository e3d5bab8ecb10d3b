/**
 * Text context of a match: is it inside something that is not prose? Digits inside URLs, e-mail addresses, file paths,
 * hashes and UUIDs, version strings and decimals, signed figures, quantities ("123456789 bytes"), code comments and
 * columns of figures are never a pattern-only identifier (one with no check digit: us-ssn, in-pan, pk-cnic, a 9-digit
 * rodné číslo). The scanner (./scan.ts, context stage) asks this only for pattern-only matches with no keyword of
 * their own close by; checksum identifiers are judged by their check digits wherever they are.
 *
 * Everything is read from the match outwards, within its line and its whitespace-delimited token: a few hundred
 * characters at most, and only for the few pattern-only candidates, so it costs nothing measurable (bench).
 *
 * The token is cut at the cell delimiters of exports (`,` `;` `|` tab), so an identifier in a CSV row next to a URL
 * or a date with slashes is still judged on its own cell.
 */
import { UNITS } from "./other-numbers";

/** How far the token around a match is followed (characters either side): within the overlap of time-sliced scans (src/pipeline/check-message.ts), so a slice sees the same context. */
const TOKEN_LIMIT = 256;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function isCellEdge(c: number): boolean {
  return isSpace(c) || c === 44 || c === 59 || c === 124;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Lines longer than this are not read for columns (a text without line breaks is no table). */
const LINE_LIMIT = 256;

/** Start of the line holding position p (p itself when the line is longer than LINE_LIMIT before p: -1). */
function lineStart(t: string, p: number): number {
  for (let i = p - 1; i >= 0 && p - i <= LINE_LIMIT; i--) if (t.charCodeAt(i) === 10) return i + 1;
  return p <= LINE_LIMIT ? 0 : -1;
}

/** End (the "\n" or the text's end) of the line holding p, or -1 beyond LINE_LIMIT. */
function lineEnd(t: string, p: number): number {
  for (let i = p; i < t.length && i - p <= LINE_LIMIT; i++) if (t.charCodeAt(i) === 10) return i;
  return t.length - p <= LINE_LIMIT ? t.length : -1;
}

/** A hex run of 8+ characters holding both a letter a–f and a digit (hashes, UUID parts, object ids). */
const HEX_RUN = /(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}/i;

/** Digits become 9, letters A: the shape of a figure ("5 815 135" → "9 999 999"). */
function shape(s: string): string {
  return s.replace(/[0-9]/g, "9").replace(/[A-Za-z]/g, "A");
}

/**
 * Does the line [ls, le) hold a figure cell right-aligned with the match (ending at column `ce`) of another shape than
 * `own`? Aligned quantities (byte counts, amounts) have varying lengths; a column of the same identifier shape (a list
 * of SSNs) does not, and a figure that merely starts at the same column (lines that begin with numbers) is no column.
 * Cells are set off by a tab or two spaces (padding), as aligned tables are.
 */
function alignedOtherFigure(t: string, ls: number, le: number, ce: number, own: string): boolean {
  const p = ls + ce - 1;
  if (p >= le || p < ls || !isDigit(t.charCodeAt(p)) || (p + 1 < le && !isSpace(t.charCodeAt(p + 1)))) return false;
  let a = p;
  while (a > ls && isFigureChar(t.charCodeAt(a - 1))) a--;
  return isCellStart(t, a, ls) && shape(t.slice(a, p + 1)) !== own;
}

/** A table cell starts at `a`: the line's start, a tab, or two spaces before it. */
function isCellStart(t: string, a: number, ls: number): boolean {
  if (a === ls) return true;
  const c = t.charCodeAt(a - 1);
  return c === 9 || (c === 32 && a - 1 > ls && t.charCodeAt(a - 2) === 32);
}

/** Joins digit groups into one longer number: dash, slash, dot. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 47 || c === 46;
}

function isFigureChar(c: number): boolean {
  return isDigit(c) || c === 46 || c === 44 || c === 45 || c === 47;
}

/** Rows of other figures right-aligned with t[s, e) on the two lines above and the two below. */
function columnRows(t: string, s: number, e: number, ls: number): number {
  const own = shape(t.slice(s, e));
  const ce = e - ls;
  let rows = 0;
  let end = ls - 1;
  for (let n = 0; n < 2 && end >= 0; n++) {
    const start = lineStart(t, end);
    if (start < 0) break;
    if (alignedOtherFigure(t, start, end, ce, own)) rows++;
    end = start - 1;
  }
  let start = lineEnd(t, e);
  for (let n = 0; n < 2 && start >= 0 && start < t.length; n++) {
    const stop = lineEnd(t, start + 1);
    if (stop < 0) break;
    if (alignedOtherFigure(t, start + 1, stop, ce, own)) rows++;
    start = stop;
  }
  return rows;
}

/** Why the match t[s, e) is not in prose, or null when it is. */
export function nonProseContext(t: string, s: number, e: number): string | null {
  // The cell: the token around the match, cut at whitespace and export delimiters.
  let a = s;
  while (a > 0 && s - a < TOKEN_LIMIT && !isCellEdge(t.charCodeAt(a - 1))) a--;
  let b = e;
  while (b < t.length && b - e < TOKEN_LIMIT && !isCellEdge(t.charCodeAt(b))) b++;
  const before = t.slice(a, s);
  const after = t.slice(e, b);
  if (before.indexOf("://") >= 0 || after.indexOf("://") >= 0 || /^[<(["']*www\./i.test(before)) return "in a url";
  if (before.indexOf("@") >= 0 || after.indexOf("@") >= 0) return "in an e-mail address";
  if (/[/\\]/.test(before) || /[/\\]/.test(after)) return "in a file path";
  if (HEX_RUN.test(before) || HEX_RUN.test(after)) return "next to a hash or uuid";
  const prev = s > 0 ? t.charCodeAt(s - 1) : 0;
  const prev2 = s > 1 ? t.charCodeAt(s - 2) : 32;
  if ((prev === 46 && isDigit(prev2)) || (e + 1 < t.length && t.charCodeAt(e) === 46 && isDigit(t.charCodeAt(e + 1)))) return "in a version or decimal";
  const next = e < t.length ? t.charCodeAt(e) : 0;
  const next2 = e + 1 < t.length ? t.charCodeAt(e + 1) : 0;
  if ((isJoiner(prev) && isDigit(prev2)) || (isJoiner(next) && isDigit(next2))) return "part of a longer number";
  if ((prev === 45 || prev === 43 || prev === 0x2212) && (s === 1 || isSpace(prev2) || prev2 === 40 || prev2 === 91 || prev2 === 61)) return "a signed figure";
  // A unit right after it: a quantity.
  let u = e;
  while (u < t.length && u - e < 2 && t.charCodeAt(u) === 32) u++;
  let w = u;
  while (w < t.length && w - u < 12 && isLetter(t.charCodeAt(w))) w++;
  if (w > u && (w === t.length || !(isLetter(t.charCodeAt(w)) || isDigit(t.charCodeAt(w)))) && Object.prototype.hasOwnProperty.call(UNITS, t.slice(u, w).toLowerCase())) return "a quantity";
  // The line: a code comment before it, or a column of other figures above or below it.
  const ls = lineStart(t, s);
  if (ls < 0) return null;
  let k = s;
  while (k > ls && t.charCodeAt(k - 1) === 32) k--;
  if (k - ls >= 2 && t.charCodeAt(k - 1) === 47 && t.charCodeAt(k - 2) === 47) return "in a code comment";
  if (isCellStart(t, s, ls) && (e === t.length || isSpace(t.charCodeAt(e))) && columnRows(t, s, e, ls) >= 2) return "in a column of figures";
  return null;
}
