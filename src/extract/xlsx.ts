/**
 * xlsx: shared strings, inline strings and numeric cells, one line per row, cells separated by tabs and placed in their
 * column (gaps become empty cells) so a column of e-mail addresses stays a column. Numbers are kept as written in the
 * sheet XML, except that exponent notation is expanded textually ("4.111111111111111E+15" → "4111111111111111"):
 * never through a JavaScript number, which would round past 2^53.
 * Sheet XML is large (a 5 MB workbook is 30–60 MB of XML), so it is scanned with indexOf/charCodeAt loops and fast
 * paths for the forms every writer uses (each with a general fallback), not with a general walker or regexes.
 */
import { Context } from "./context";
import { decodeEntities } from "./xml";

/**
 * Shared string table: the text of each <si>, runs concatenated, phonetic runs (<rPh>) left out. Fast path for the
 * common plain item `<si><t …>text</t></si>` with indexOf; anything else (rich text runs, prefixes) takes the regexes.
 */
const T_SI_CLOSE = codesOf("</t></si>");

export function parseSharedStrings(ctx: Context, xml: string): string[] {
  const out: string[] = [];
  const t = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
  let pos = 0;
  const n = xml.length;
  let plainGone = false; // no "<si" left: do not search for it again (that would be quadratic on prefixed tables)
  while (pos < n) {
    const si = plainGone ? -1 : xml.indexOf("<si", pos);
    if (si < 0) plainGone = true;
    let start = si;
    let prefix = "";
    if (si < 0) {
      // Prefixed SpreadsheetML ("<x:si>") is rare: find it once with a regex.
      const m = /<(\w+:)si\b/g;
      m.lastIndex = pos;
      const r = m.exec(xml);
      if (!r) break;
      start = r.index;
      prefix = r[1] as string;
    }
    const nameEnd = start + 3 + prefix.length;
    const after = xml.charCodeAt(nameEnd);
    if (after !== 62 && after !== 32 && after !== 47) {
      pos = nameEnd;
      continue;
    }
    ctx.tick(4096);
    const gt = xml.indexOf(">", start);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      pos = gt + 1;
      continue;
    }
    // Fast path: <t> or <t xml:space="preserve">, plain text, </t></si>, nothing else (the text is scanned once).
    if (!prefix && xml.charCodeAt(gt + 1) === 60 && xml.charCodeAt(gt + 2) === 116) {
      const c = xml.charCodeAt(gt + 3);
      const tgt = c === 62 || c === 32 ? xml.indexOf(">", gt + 1) : -1;
      const lt = tgt < 0 ? -1 : xml.indexOf("<", gt + 2);
      if (lt > tgt && xml.charCodeAt(tgt - 1) !== 47 && matchAt(xml, lt, T_SI_CLOSE)) {
        const text = xml.slice(tgt + 1, lt);
        out.push(text.indexOf("&") >= 0 ? decodeEntities(text) : text);
        pos = lt + T_SI_CLOSE.length;
        continue;
      }
    }
    const closeTag = prefix ? "</" + prefix + "si>" : "</si>";
    const close = xml.indexOf(closeTag, gt);
    if (close < 0) break;
    pos = close + closeTag.length;
    // Fast path: <t> or <t xml:space="preserve">, plain text, </t>, nothing else.
    if (!prefix && xml.startsWith("<t", gt + 1)) {
      const tgt = xml.indexOf(">", gt + 1);
      const lt = xml.indexOf("<", tgt);
      if (lt >= 0 && xml.startsWith("</t>", lt) && lt + 4 === close && xml.charCodeAt(tgt - 1) !== 47) {
        const c = xml.charCodeAt(gt + 3);
        if (c === 62 || c === 32) {
          const text = xml.slice(tgt + 1, lt);
          out.push(text.indexOf("&") >= 0 ? decodeEntities(text) : text);
          continue;
        }
      }
    }
    let body = xml.slice(gt + 1, close);
    if (body.indexOf("rPh") >= 0) body = body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
    let s = "";
    t.lastIndex = 0;
    let k: RegExpExecArray | null;
    while ((k = t.exec(body))) if (k[1]) s += k[1];
    out.push(decodeEntities(s));
  }
  return out;
}

/**
 * "4.111111111111111E+15" → "4111111111111111"; "1.5E-3" → "0.0015"; other text unchanged. Accepts exactly
 * `-?digits*(.digits*)?[eE][+-]?d{1,3}`, read with charCodeAt (a sheet can hold hundreds of thousands of such cells).
 */
export function expandExponent(v: string): string {
  const n = v.length;
  let i = 0;
  const sign = v.charCodeAt(0) === 45 ? "-" : "";
  if (sign) i++;
  const intStart = i;
  while (i < n && isDigit(v.charCodeAt(i))) i++;
  let intPart = v.slice(intStart, i);
  let frac = "";
  if (v.charCodeAt(i) === 46) {
    const f = ++i;
    while (i < n && isDigit(v.charCodeAt(i))) i++;
    frac = v.slice(f, i);
  }
  const e = v.charCodeAt(i);
  if (e !== 69 && e !== 101) return v;
  i++;
  let negExp = false;
  if (v.charCodeAt(i) === 43 || v.charCodeAt(i) === 45) negExp = v.charCodeAt(i++) === 45;
  const expStart = i;
  let exp = 0;
  while (i < n && isDigit(v.charCodeAt(i))) exp = exp * 10 + (v.charCodeAt(i++) - 48);
  if (i !== n || i === expStart || i - expStart > 3) return v;
  if (!intPart && !frac) return v;
  if (!negExp) {
    if (frac.length <= exp) {
      intPart += frac + repeat("0", exp - frac.length);
      frac = "";
    } else {
      intPart += frac.slice(0, exp);
      frac = frac.slice(exp);
    }
  } else {
    const shift = exp;
    if (intPart.length <= shift) {
      frac = repeat("0", shift - intPart.length) + intPart + frac;
      intPart = "0";
    } else {
      frac = intPart.slice(intPart.length - shift) + frac;
      intPart = intPart.slice(0, intPart.length - shift);
    }
  }
  let z = 0;
  while (z < intPart.length - 1 && intPart.charCodeAt(z) === 48) z++;
  if (z) intPart = intPart.slice(z);
  let fe = frac.length;
  while (fe > 0 && frac.charCodeAt(fe - 1) === 48) fe--;
  if (fe < frac.length) frac = frac.slice(0, fe);
  return sign + (intPart || "0") + (frac ? "." + frac : "");
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function repeat(s: string, n: number): string {
  let r = "";
  for (let i = 0; i < n; i++) r += s;
  return r;
}

/** Longest run of empty cells we pad with tabs (a cell at XFD1 must not produce 16,000 tabs). */
const MAX_GAP = 64;

/** A cell value on one line: tabs and line breaks inside it become a space (the tab separates cells). */
function oneLine(value: string): string {
  return value.indexOf("\t") >= 0 || value.indexOf("\n") >= 0 ? value.replace(/[\t\r\n]+/g, " ") : value;
}

const CHUNK_LINES = 512;

function flush(chunks: string[], lines: string[]): boolean {
  if (lines.length) chunks.push(lines.join("\n"));
  lines.length = 0;
  return true;
}

/** Shared strings made cell-safe once per workbook (not once per use): a string is often used by many cells. */
function oneLineAll(shared: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < shared.length; i++) {
    const v = shared[i] as string;
    const w = oneLine(v);
    if (w !== v) {
      if (!out) out = shared.slice();
      out[i] = w;
    }
  }
  return out || shared;
}

/** The char codes of a tag, so matchAt compares numbers (the tag strings are built by concatenation). */
function codesOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

/** True when the tag `codes` occurs in `xml` at `pos` (cheaper than startsWith for these few-character tags). */
function matchAt(xml: string, pos: number, codes: number[]): boolean {
  for (let i = 0; i < codes.length; i++) if (xml.charCodeAt(pos + i) !== codes[i]) return false;
  return true;
}

/** Value of a shared-string index written in xml[start, end) (decimal digits only), or "" when absent or malformed. */
function sharedAt(xml: string, start: number, end: number, shared: string[]): string {
  if (end <= start) return "";
  let idx = 0;
  for (let q = start; q < end; q++) {
    const d = xml.charCodeAt(q) - 48;
    if (d < 0 || d > 9) return "";
    idx = idx * 10 + d;
  }
  const str = shared[idx];
  return str === undefined ? "" : str;
}

/** A non-shared cell value as written: numbers (and ISO dates) exact with exponents expanded, other types entity-decoded. */
function plainValue(raw: string, type: string): string {
  if (type === "n" || type === "d") return raw.indexOf("E") >= 0 || raw.indexOf("e") >= 0 ? expandExponent(raw) : raw;
  return decodeEntities(raw);
}

/** Char codes the sheet scanner compares against. */
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const SLASH = 47;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const EQUALS = 61;
const GT = 62;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;
const LOWER_C = 99;
const LOWER_R = 114;
const LOWER_S = 115;
const LOWER_T = 116;
const AMPERSAND = 38;
const UPPER_E = 69;
const LOWER_E = 101;

const isTagSpace = (c: number) => c === SPACE || c === TAB || c === LF || c === CR;

/** The tags of one sheet, spelled with the namespace prefix used on <sheetData> ("" or "x:"); row, c, v and is share it. */
interface SheetTags {
  prefix: string;
  cellClose: string; // </c>
  rowClose: string; // </row>
  dataEnd: string; // </sheetData
  valueOpen: string; // <v
  valueOpenCodes: number[];
  valueTail: string; // </v></c>
  valueTailCodes: number[];
}

function sheetTags(xml: string, sheetDataAt: number): SheetTags {
  const lt = xml.lastIndexOf("<", sheetDataAt);
  const prefix = lt >= 0 && sheetDataAt - lt > 1 ? xml.slice(lt + 1, sheetDataAt) : "";
  const cellClose = "</" + prefix + "c>";
  const valueOpen = "<" + prefix + "v";
  const valueTail = "</" + prefix + "v>" + cellClose;
  return {
    prefix,
    cellClose,
    rowClose: "</" + prefix + "row>",
    dataEnd: "</" + prefix + "sheetData",
    valueOpen,
    valueOpenCodes: codesOf(valueOpen),
    valueTail,
    valueTailCodes: codesOf(valueTail),
  };
}

/**
 * One cell as read, in a record reused for every cell (no object per cell): its start tag (column from r, 0-based or
 * -1 when absent; the t attribute's span, -1 when absent; where the tag ends), then its value and where the cell ends.
 */
interface Cell {
  column: number;
  typeStart: number;
  typeEnd: number;
  tagEnd: number; // the start tag's ">"
  selfClosing: boolean;
  value: string;
  end: number; // just past the cell
}

/**
 * The rows as text. Lines are joined in chunks of CHUNK_LINES as they come, so row strings die young (cheaper for the
 * GC than holding every row until the end); no line contains "\n", so dropping trailing empty lines = dropping
 * trailing "\n"s.
 */
class SheetLines {
  private readonly chunks: string[] = [];
  private readonly lines: string[] = [];
  private readonly row: string[] = [];
  private inRow = false;
  private column = 0;

  startRow(empty: boolean): void {
    this.endRow();
    this.inRow = !empty;
    this.row.length = 0;
    if (empty) this.pushLine("");
    this.column = 0;
  }

  endRow(): void {
    if (this.inRow) this.pushLine(this.row.join("\t"));
    this.inRow = false;
  }

  /** A cell at `column` (-1: right after the previous one); a gap before it becomes empty cells (at most MAX_GAP). */
  cell(column: number, value: string): void {
    if (!this.inRow) {
      this.inRow = true;
      this.row.length = 0;
    }
    if (column > this.column) {
      const gap = Math.min(column - this.column, MAX_GAP);
      for (let g = 0; g < gap; g++) this.row.push("");
      this.column = column;
    }
    this.column++;
    this.row.push(value);
  }

  text(): string {
    this.endRow();
    flush(this.chunks, this.lines);
    const text = this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join("\n");
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === LF) end--;
    return end < text.length ? text.slice(0, end) : text;
  }

  private pushLine(line: string): void {
    if (this.lines.push(line) >= CHUNK_LINES) flush(this.chunks, this.lines);
  }
}

/**
 * One worksheet → text, rows on lines, cells tab-separated. A forward indexOf scan: it stops at each <row>, </row> and
 * <c …>, reads the attributes r and t in place, and takes the common `<v>…</v></c>` body with one indexOf (other bodies:
 * formulas, inline strings, odd spacing, go through the general path). Linear in the sheet size whatever the input (a
 * missing </c> ends the scan).
 */
export function sheetText(ctx: Context, xml: string, sharedStrings: string[]): string {
  const sheetDataAt = xml.indexOf("sheetData");
  if (sheetDataAt < 0) return "";
  const shared = oneLineAll(sharedStrings);
  const tags = sheetTags(xml, sheetDataAt);
  const prefixLength = tags.prefix.length;
  const out = new SheetLines();
  const cell: Cell = { column: -1, typeStart: -1, typeEnd: -1, tagEnd: -1, selfClosing: false, value: "", end: -1 };
  let pos = sheetDataAt;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    if (xml.charCodeAt(lt + 1) === SLASH) {
      if (xml.startsWith(tags.rowClose, lt)) {
        out.endRow();
        pos = lt + tags.rowClose.length;
        continue;
      }
      if (xml.startsWith(tags.dataEnd, lt)) break;
      pos = lt + 2;
      continue;
    }
    if (prefixLength > 0 && !xml.startsWith(tags.prefix, lt + 1)) {
      pos = lt + 1;
      continue;
    }
    const name = lt + 1 + prefixLength; // first letter of the local name
    if (xml.charCodeAt(name) === LOWER_C && isNameEnd(xml.charCodeAt(name + 1))) {
      ctx.tick(256);
      if (!readCellTagFast(xml, name, cell) && !readCellTag(xml, name, cell)) break;
      if (!readCellValue(xml, cell, tags, shared)) break; // a cell that never ends ends the scan (its row is not emitted)
      out.cell(cell.column, cell.value);
      pos = cell.end;
      continue;
    }
    if (xml.charCodeAt(name) === LOWER_R && xml.startsWith("row", name) && isRowNameEnd(xml.charCodeAt(name + 3))) {
      const gt = xml.indexOf(">", name);
      if (gt < 0) break;
      out.startRow(xml.charCodeAt(gt - 1) === SLASH);
      pos = gt + 1;
      continue;
    }
    pos = lt + 1;
  }
  return out.text();
}

/** After the element name `c`: white space, ">" or "/". */
function isNameEnd(c: number): boolean {
  return isTagSpace(c) || c === GT || c === SLASH;
}

function isRowNameEnd(c: number): boolean {
  return c === SPACE || c === GT || c === SLASH;
}

/**
 * Fast path for the start tag every writer uses, `<c r="AB12">`, `<c r="AB12" t="s">` (or `/>`): one pass that also
 * finds the tag's end. False for anything else (other attributes, other order, odd spacing), which readCellTag reads
 * with the same result for this form. `name` is the index of the "c".
 */
function readCellTagFast(xml: string, name: number, cell: Cell): boolean {
  if (xml.charCodeAt(name + 1) !== SPACE || xml.charCodeAt(name + 2) !== LOWER_R || xml.charCodeAt(name + 3) !== EQUALS || xml.charCodeAt(name + 4) !== QUOTE) return false;
  const lettersStart = name + 5;
  let e = lettersStart;
  let column = 0;
  for (; ; e++) {
    const x = xml.charCodeAt(e);
    if (x >= UPPER_A && x <= UPPER_Z) column = column * 26 + (x - UPPER_A + 1);
    else break;
  }
  if (e === lettersStart) return false;
  while (isDigitCode(xml.charCodeAt(e))) e++;
  if (xml.charCodeAt(e) !== QUOTE) return false;
  let k = e + 1;
  let typeStart = -1;
  let typeEnd = -1;
  if (xml.charCodeAt(k) === SPACE && xml.charCodeAt(k + 1) === LOWER_T && xml.charCodeAt(k + 2) === EQUALS && xml.charCodeAt(k + 3) === QUOTE) {
    typeStart = k + 4;
    typeEnd = typeStart;
    for (;;) {
      const x = xml.charCodeAt(typeEnd);
      if (x === QUOTE || x === GT || x !== x) break; // quote, ">" or the end (NaN)
      typeEnd++;
    }
    if (xml.charCodeAt(typeEnd) !== QUOTE) return false;
    k = typeEnd + 1;
  }
  const x = xml.charCodeAt(k);
  if (x === GT) {
    cell.tagEnd = k;
    cell.selfClosing = false;
  } else if (x === SLASH && xml.charCodeAt(k + 1) === GT) {
    cell.tagEnd = k + 1;
    cell.selfClosing = true;
  } else {
    return false;
  }
  cell.column = column - 1;
  cell.typeStart = typeStart;
  cell.typeEnd = typeEnd;
  return true;
}

/** Any start tag: the attributes r (letters of the column, either case) and t, in any order. False when it never ends. */
function readCellTag(xml: string, name: number, cell: Cell): boolean {
  const gt = xml.indexOf(">", name);
  if (gt < 0) return false;
  cell.column = -1;
  cell.typeStart = -1;
  cell.typeEnd = -1;
  cell.tagEnd = gt;
  cell.selfClosing = xml.charCodeAt(gt - 1) === SLASH;
  const attrEnd = cell.selfClosing ? gt - 1 : gt;
  for (let k = name + 1; k + 3 < attrEnd; k++) {
    if (!isTagSpace(xml.charCodeAt(k))) continue;
    const attr = xml.charCodeAt(k + 1);
    if ((attr !== LOWER_R && attr !== LOWER_T) || xml.charCodeAt(k + 2) !== EQUALS || xml.charCodeAt(k + 3) !== QUOTE) continue;
    const valueStart = k + 4;
    let e = valueStart;
    if (attr === LOWER_R) {
      let column = 0;
      for (; e < attrEnd; e++) {
        const x = xml.charCodeAt(e);
        if (x >= UPPER_A && x <= UPPER_Z) column = column * 26 + (x - UPPER_A + 1);
        else if (x >= LOWER_A && x <= LOWER_Z) column = column * 26 + (x - LOWER_A + 1);
        else break;
      }
      if (e > valueStart) cell.column = column - 1;
    } else {
      while (e < attrEnd && xml.charCodeAt(e) !== QUOTE) e++;
      cell.typeStart = valueStart;
      cell.typeEnd = e;
    }
    k = e;
  }
  return true;
}

/** The cell's value and end, after its start tag was read. False when the cell never ends. */
function readCellValue(xml: string, cell: Cell, tags: SheetTags, shared: string[]): boolean {
  const isShared = cell.typeEnd - cell.typeStart === 1 && xml.charCodeAt(cell.typeStart) === LOWER_S; // t="s"
  const type = cell.typeStart < 0 ? "n" : isShared ? "s" : xml.slice(cell.typeStart, cell.typeEnd);
  cell.value = "";
  if (cell.selfClosing) {
    cell.end = cell.tagEnd + 1;
    return true;
  }
  if (type !== "inlineStr" && readPlainValueBody(xml, cell, tags, type, isShared, shared)) return true;
  const close = xml.indexOf(tags.cellClose, cell.tagEnd);
  if (close < 0) return false;
  cell.end = close + tags.cellClose.length;
  const bodyStart = cell.tagEnd + 1;
  if (type === "inlineStr") cell.value = inlineStringValue(xml.slice(bodyStart, close));
  else if (close > bodyStart) cell.value = valueInBody(xml, bodyStart, close, tags, type, isShared, shared);
  return true;
}

/** Fast path: the body is exactly <v>value</v></c>. False for any other body. */
function readPlainValueBody(xml: string, cell: Cell, tags: SheetTags, type: string, isShared: boolean, shared: string[]): boolean {
  const bodyStart = cell.tagEnd + 1;
  if (!matchAt(xml, bodyStart, tags.valueOpenCodes) || xml.charCodeAt(bodyStart + tags.valueOpen.length) !== GT) return false;
  const valueStart = bodyStart + tags.valueOpen.length + 1;
  const valueEnd = xml.indexOf("<", valueStart);
  if (valueEnd < 0 || !matchAt(xml, valueEnd, tags.valueTailCodes)) return false;
  cell.end = valueEnd + tags.valueTail.length;
  if (isShared) cell.value = sharedAt(xml, valueStart, valueEnd, shared);
  else if (type === "n" && isPlainNumber(xml, valueStart, valueEnd)) cell.value = xml.slice(valueStart, valueEnd);
  else cell.value = oneLine(plainValue(xml.slice(valueStart, valueEnd), type));
  return true;
}

/** Most values are plain numbers, sliced as they are: no exponent, entity, tab or line break in xml[start, end). */
function isPlainNumber(xml: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const ch = xml.charCodeAt(k);
    if (ch === UPPER_E || ch === LOWER_E || ch === AMPERSAND || ch === TAB || ch === LF) return false;
  }
  return true;
}

/** An inline string's text: its <t> runs joined, phonetic runs (<rPh>) left out. */
function inlineStringValue(body: string): string {
  const withoutPhonetic = body.indexOf("rPh") >= 0 ? body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : body;
  const run = /<(?:\w+:)?t\b[^>]*?>([^<]*)</g;
  let value = "";
  let k: RegExpExecArray | null;
  while ((k = run.exec(withoutPhonetic))) value += k[1];
  return oneLine(decodeEntities(value));
}

/** The value in a general body xml[start, end): <v>…</v>, usually at the start (else after a formula <f>…</f>). */
function valueInBody(xml: string, start: number, end: number, tags: SheetTags, type: string, isShared: boolean, shared: string[]): string {
  let v = xml.startsWith(tags.valueOpen, start) ? start : -1;
  if (v < 0) {
    const inBody = xml.slice(start, end).indexOf(tags.valueOpen);
    v = inBody < 0 ? -1 : start + inBody;
  }
  if (v < 0) return "";
  const vgt = xml.indexOf(">", v);
  if (vgt <= 0 || vgt >= end || xml.charCodeAt(vgt - 1) === SLASH) return "";
  const next = xml.indexOf("<", vgt);
  const rawEnd = next < 0 || next > end ? end : next;
  return isShared ? sharedAt(xml, vgt + 1, rawEnd, shared) : oneLine(plainValue(xml.slice(vgt + 1, rawEnd), type));
}

function isDigitCode(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}
