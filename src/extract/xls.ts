/**
 * Excel 97–2003 .xls ([MS-XLS], BIFF8): the Workbook stream's records. The shared string table (SST, continued in
 * CONTINUE records, where a string's characters may switch between 8- and 16-bit at each record boundary), then every
 * worksheet's cells: LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA results (cached numbers, booleans and
 * the STRING record after a string result), plus text boxes and comments (TXO). One line per row, cells separated by
 * tabs in their columns, as for xlsx. Numbers are doubles in the file: integers print in full (a 16-digit card number
 * in a NUMBER cell is 4111111111111111, never 4.11111111111111E+15), other values in JavaScript's shortest round-trip
 * form with any exponent expanded. FILEPASS (a password) → `encrypted`; BIFF5 (Excel 5/95) → `unsupported`.
 */
import { CfbEntry, CfbFile, STREAM, u16, u32 } from "./cfb";
import { Context, PartFailure } from "./context";
import { MAX_XLS_CELLS } from "./limits";
import { decodeUtf16, decodeWindows1252 } from "./text-decode";
import { expandExponent } from "./xlsx";

const BOF = 0x0809;
const EOF_RECORD = 0x000a;
const FILEPASS = 0x002f;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
const TXO = 0x01b6;
const BIFF8 = 0x0600;
const SHEET_WORKSHEET = 0x0010;
/** Longest run of empty cells padded with tabs (BIFF8 has 256 columns). */
const MAX_GAP = 64;

/** Reads across a record and its CONTINUE records; `onBoundary` is told when a new record starts (strings re-read their flag). */
class Segments {
  private i = 0;
  private o = 0;
  constructor(private readonly segs: Uint8Array[]) {}
  private seg(): Uint8Array | undefined {
    while (this.i < this.segs.length && this.o >= (this.segs[this.i] as Uint8Array).length) {
      this.i++;
      this.o = 0;
    }
    return this.segs[this.i];
  }
  get done(): boolean {
    return this.seg() === undefined;
  }
  /** Bytes left in the current record (0 when at its end). */
  private left(): number {
    const s = this.segs[this.i];
    return s ? s.length - this.o : 0;
  }
  byte(): number {
    const s = this.seg();
    if (!s) throw new PartFailure("corrupt", "Excel workbook: shared strings truncated");
    return s[this.o++] as number;
  }
  u16(): number {
    return this.byte() | (this.byte() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    while (n > 0) {
      const s = this.seg();
      if (!s) return;
      const k = Math.min(n, s.length - this.o);
      this.o += k;
      n -= k;
    }
  }
  /** `count` characters; at each record boundary inside them a new flags byte says 8- or 16-bit. */
  chars(ctx: Context, count: number, high: boolean): string {
    const out: string[] = [];
    while (count > 0) {
      ctx.tick(64);
      if (this.left() === 0) {
        if (this.seg() === undefined) throw new PartFailure("corrupt", "Excel workbook: string truncated");
        high = (this.byte() & 1) === 1;
      }
      const s = this.segs[this.i] as Uint8Array;
      const avail = high ? (s.length - this.o) >> 1 : s.length - this.o;
      const n = Math.min(count, avail);
      if (n <= 0) {
        this.o = s.length;
        continue;
      }
      out.push(high ? decodeUtf16(s, true, this.o, this.o + n * 2) : decodeWindows1252(s, this.o, this.o + n));
      this.o += high ? n * 2 : n;
      count -= n;
    }
    return out.join("");
  }
}

/** One XLUnicodeRichExtendedString ([MS-XLS] 2.5.293). */
function richString(ctx: Context, r: Segments): string {
  const cch = r.u16();
  const flags = r.byte();
  const runs = flags & 0x08 ? r.u16() : 0;
  const ext = flags & 0x04 ? r.u32() : 0;
  const text = r.chars(ctx, cch, (flags & 1) === 1);
  r.skip(runs * 4 + ext);
  return text;
}

/** XLUnicodeString inside one record: cch (16-bit), flags, characters. */
function unicodeString(b: Uint8Array, o: number, end: number): string {
  if (o + 3 > end) return "";
  const cch = u16(b, o);
  const high = (b[o + 2] as number) & 1;
  const from = o + 3;
  const to = Math.min(end, from + (high ? cch * 2 : cch));
  return high ? decodeUtf16(b, true, from, to) : decodeWindows1252(b, from, to);
}

function f64(b: Uint8Array, o: number): number {
  const v = new DataView(b.buffer, b.byteOffset + o, 8);
  return v.getFloat64(0, true);
}

/** RK value ([MS-XLS] 2.5.218): a 30-bit integer or the high 30 bits of a double, optionally ×1/100. */
function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const d = new DataView(new ArrayBuffer(8));
    d.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    v = d.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

/** A cell number as text: integers in full, others shortest round-trip, exponents expanded (never "4.11E+15"). */
export function numberText(v: number): string {
  if (!isFinite(v)) return "";
  const s = String(v);
  return s.indexOf("e") >= 0 ? expandExponent(s) : s;
}

interface Cell {
  row: number;
  col: number;
  text: string;
}

const oneLine = (v: string) => (v.indexOf("\t") >= 0 || v.indexOf("\n") >= 0 || v.indexOf("\r") >= 0 ? v.replace(/[\t\r\n]+/g, " ") : v);

/**
 * Cells in row order, then column order. Records are written row by row, so the cells are usually in order already;
 * otherwise they are bucketed by row (BIFF8 has at most 65,536 rows) and each row sorted by column (at most 256), in
 * steps that check the clock, never one long sort.
 */
function ordered(ctx: Context, cells: Cell[]): Cell[] {
  let sorted = true;
  for (let i = 1; i < cells.length && sorted; i++) {
    const a = cells[i - 1] as Cell;
    const b = cells[i] as Cell;
    if (b.row < a.row || (b.row === a.row && b.col <= a.col)) sorted = false;
  }
  if (sorted) return cells;
  const rows: { [row: number]: Cell[] } = {};
  const keys: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    ctx.tick(4096);
    const c = cells[i] as Cell;
    const r = rows[c.row];
    if (r) r.push(c);
    else {
      rows[c.row] = [c];
      keys.push(c.row);
    }
  }
  keys.sort((a, b) => a - b);
  const out: Cell[] = [];
  for (let k = 0; k < keys.length; k++) {
    ctx.tick(64);
    const r = (rows[keys[k] as number] as Cell[]).sort((a, b) => a.col - b.col);
    for (let i = 0; i < r.length; i++) out.push(r[i] as Cell);
  }
  return out;
}

function sheetLines(ctx: Context, unordered: Cell[]): string {
  const cells = ordered(ctx, unordered);
  let minCol = Infinity;
  for (let i = 0; i < cells.length; i++) {
    ctx.tick(4096);
    minCol = Math.min(minCol, (cells[i] as Cell).col);
  }
  const lines: string[] = [];
  let row = -1;
  let line: string[] = [];
  let col = 0;
  for (let i = 0; i < cells.length; i++) {
    ctx.tick(4096);
    const c = cells[i] as Cell;
    if (c.row !== row) {
      if (row >= 0) lines.push(line.join(""));
      line = [];
      row = c.row;
      col = minCol;
    }
    const gap = Math.min(Math.max(0, c.col - col), MAX_GAP);
    if (line.length) line.push("\t");
    for (let g = 0; g < gap; g++) line.push("\t");
    line.push(oneLine(c.text));
    col = c.col + 1;
  }
  if (row >= 0) lines.push(line.join(""));
  return lines.join("\n");
}

export function workbookText(ctx: Context, cfb: CfbFile, storage: CfbEntry): { part: string; text: string }[] {
  const e = cfb.child(storage, "Workbook");
  if (!e || e.type !== STREAM) {
    if (cfb.child(storage, "Book")) throw new PartFailure("unsupported", "Excel 5.0/95 workbook (BIFF5)");
    throw new PartFailure("corrupt", "Excel workbook without its Workbook stream");
  }
  const b = cfb.read(e);
  const out: { part: string; text: string }[] = [];
  let shared: string[] = [];
  let sheet: Cell[] | null = null;
  let sheetIndex = 0;
  let first = true;
  let pendingString: { row: number; col: number } | null = null;
  let txoText = -1; // characters of the text box whose text is in the next CONTINUE
  const notes: string[] = [];
  const endSheet = () => {
    if (sheet && sheet.length) out.push({ part: "sheet" + sheetIndex, text: sheetLines(ctx, sheet) });
    sheet = null;
  };
  const add = (row: number, col: number, text: string) => {
    if (!sheet || !text) return;
    if (sheet.length >= MAX_XLS_CELLS) throw new PartFailure("limit", "sheet with more than " + MAX_XLS_CELLS + " cells");
    sheet.push({ row, col, text });
  };
  let pos = 0;
  while (pos + 4 <= b.length) {
    ctx.tick(256);
    const type = u16(b, pos);
    const len = u16(b, pos + 2);
    const d = pos + 4;
    const end = d + len;
    if (end > b.length) throw new PartFailure("corrupt", "Excel workbook: record past the end of the stream (truncated?)");
    pos = end;
    if (first) {
      if (type !== BOF) throw new PartFailure("corrupt", "Excel workbook: no BOF record");
      if (len >= 2 && u16(b, d) !== BIFF8) throw new PartFailure("unsupported", "Excel workbook older than Excel 97 (BIFF version " + u16(b, d).toString(16) + ")");
      first = false;
      continue;
    }
    if (txoText >= 0 && type === CONTINUE) {
      if (len > 0) {
        const high = (b[d] as number) & 1;
        const to = Math.min(end, d + 1 + (high ? txoText * 2 : txoText));
        notes.push(high ? decodeUtf16(b, true, d + 1, to) : decodeWindows1252(b, d + 1, to));
      }
      txoText = -1;
      continue;
    }
    txoText = -1;
    switch (type) {
      case FILEPASS:
        throw new PartFailure("encrypted", "password-protected Excel workbook");
      case SST: {
        const segs = [b.subarray(d + 8, end)];
        while (pos + 4 <= b.length && u16(b, pos) === CONTINUE) {
          const l = u16(b, pos + 2);
          if (pos + 4 + l > b.length) break;
          segs.push(b.subarray(pos + 4, pos + 4 + l));
          pos += 4 + l;
        }
        const unique = len >= 8 ? u32(b, d + 4) : 0;
        const r = new Segments(segs);
        shared = [];
        for (let i = 0; i < unique && !r.done; i++) {
          ctx.tick(256);
          shared.push(richString(ctx, r));
        }
        break;
      }
      case BOF:
        endSheet();
        sheetIndex++;
        sheet = len >= 4 && u16(b, d + 2) === SHEET_WORKSHEET ? [] : null;
        break;
      case EOF_RECORD:
        endSheet();
        break;
      case LABELSST:
        if (len >= 10) add(u16(b, d), u16(b, d + 2), shared[u32(b, d + 6)] || "");
        break;
      case LABEL:
      case RSTRING:
        if (len >= 9) add(u16(b, d), u16(b, d + 2), unicodeString(b, d + 6, end));
        break;
      case NUMBER:
        if (len >= 14) add(u16(b, d), u16(b, d + 2), numberText(f64(b, d + 6)));
        break;
      case RK:
        if (len >= 10) add(u16(b, d), u16(b, d + 2), numberText(rkValue(u32(b, d + 6))));
        break;
      case MULRK: {
        if (len < 6) break;
        const row = u16(b, d);
        const col0 = u16(b, d + 2);
        const n = Math.floor((len - 6) / 6);
        for (let k = 0; k < n; k++) {
          ctx.tick(1024);
          add(row, col0 + k, numberText(rkValue(u32(b, d + 4 + k * 6 + 2))));
        }
        break;
      }
      case BOOLERR:
        if (len >= 8 && b[d + 7] === 0) add(u16(b, d), u16(b, d + 2), b[d + 6] ? "TRUE" : "FALSE");
        break;
      case FORMULA: {
        if (len < 14) break;
        const row = u16(b, d);
        const col = u16(b, d + 2);
        if (u16(b, d + 12) === 0xffff) {
          const kind = b[d + 6];
          if (kind === 0) pendingString = { row, col };
          else if (kind === 1) add(row, col, b[d + 8] ? "TRUE" : "FALSE");
        } else add(row, col, numberText(f64(b, d + 6)));
        break;
      }
      case STRING:
        if (pendingString) add(pendingString.row, pendingString.col, unicodeString(b, d, end));
        pendingString = null;
        break;
      case TXO:
        if (len >= 12) txoText = u16(b, d + 10);
        break;
      default:
        break;
    }
  }
  endSheet();
  if (notes.length) out.push({ part: "comments", text: notes.join("\n") });
  if (!out.length && shared.length) out.push({ part: "sharedStrings", text: shared.join("\n") });
  return out;
}
