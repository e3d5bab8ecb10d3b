/**
 * PDF text, hand-written and small (about 15 KB minified) instead of pdf.js/unpdf (over 1 MB, modern syntax, workers):
 * the classic-Windows send handler is one ES2016 file and must stay small. What it reads: the objects (also inside
 * object streams), FlateDecode / ASCIIHex / ASCII85 streams (inflate.ts, with the zip caps), each page's content streams
 * in file order, text operators Tj TJ ' ", line moves (Td TD T* Tm), literal and hex strings, fonts' ToUnicode CMaps
 * (bfchar, bfrange) and otherwise WinAnsi. What it does not: images (scanned PDFs have no text layer: OCR is out of
 * scope), LZW/JBIG2/DCT, Type3 glyph names, exact layout. /Encrypt in the trailer → `encrypted`.
 */
import { Context, PartFailure } from "./context";
import { inflateZlib } from "./inflate";
import { MAX_PDF_OBJECTS } from "./limits";
import { decodeUtf16, decodeWindows1252, latin1 } from "./text-decode";

type Value = number | string | boolean | null | Name | Ref | Str | Value[] | Dict;
interface Name { n: string }
interface Ref { r: number }
interface Str { s: string } // bytes as Latin-1 chars
interface Dict { [key: string]: Value }
const isName = (v: unknown): v is Name => !!v && typeof v === "object" && typeof (v as Name).n === "string";
const isRef = (v: unknown): v is Ref => !!v && typeof v === "object" && typeof (v as Ref).r === "number";
const isStr = (v: unknown): v is Str => !!v && typeof v === "object" && typeof (v as Str).s === "string";
const isDict = (v: unknown): v is Dict => !!v && typeof v === "object" && !Array.isArray(v) && !isName(v) && !isRef(v) && !isStr(v);

/** Character classes of the PDF lexer, by byte: 1 white-space, 2 delimiter (anything else is a regular character). */
const CLASS = new Uint8Array(256);
(() => {
  const ws = [0, 9, 10, 12, 13, 32];
  for (let i = 0; i < ws.length; i++) CLASS[ws[i] as number] = 1;
  const delim = "()<>[]{}/%";
  for (let i = 0; i < delim.length; i++) CLASS[delim.charCodeAt(i)] = 2;
})();
/** Hex digit values by byte (255 = not a hex digit). */
const HEX = new Uint8Array(256).fill(255);
(() => {
  for (let i = 0; i < 10; i++) HEX[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    HEX[65 + i] = 10 + i;
    HEX[97 + i] = 10 + i;
  }
})();
const classOf = (c: number): number => (c < 256 ? (CLASS[c] as number) : 0);

/** Char codes (0–255) → string, in chunks (fromCharCode.apply has an argument-count limit). */
function fromCodes(codes: number[]): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  return out;
}

/**
 * A tiny PDF lexer/parser over a Latin-1 string. Operators come back as {op}. Scans with charCodeAt and byte-class
 * tables (no per-character regex or one-character strings): content streams are megabytes.
 */
class Lexer {
  pos: number;
  constructor(public s: string, pos = 0, public end = s.length) {
    this.pos = pos;
  }
  skip(): void {
    const s = this.s;
    const end = this.end;
    let p = this.pos;
    while (p < end) {
      const c = s.charCodeAt(p);
      if (c < 256 && CLASS[c] === 1) p++;
      else if (c === 37 /* % */) {
        while (p < end) {
          const k = s.charCodeAt(p);
          if (k === 10 || k === 13) break;
          p++;
        }
      } else break;
    }
    this.pos = p;
  }
  /** Next value or operator; undefined at the end. Depth-limited against hostile nesting. */
  next(depth = 0): Value | { op: string } | undefined {
    this.skip();
    const s = this.s;
    if (this.pos >= this.end) return undefined;
    if (depth > 64) throw new PartFailure("corrupt", "PDF object nested too deeply");
    const c = s.charCodeAt(this.pos);
    if (c === 47 /* / */) {
      let e = this.pos + 1;
      while (e < this.end && classOf(s.charCodeAt(e)) === 0) e++;
      const raw = s.slice(this.pos + 1, e);
      this.pos = e;
      return { n: raw.indexOf("#") >= 0 ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))) : raw };
    }
    if (c === 40 /* ( */) return this.literal();
    if (c === 60 /* < */) {
      if (s.charCodeAt(this.pos + 1) === 60) {
        this.pos += 2;
        const d: Dict = {};
        for (;;) {
          this.skip();
          if (this.pos >= this.end) return d;
          if (s.charCodeAt(this.pos) === 62 && s.charCodeAt(this.pos + 1) === 62) {
            this.pos += 2;
            return d;
          }
          const k = this.next(depth + 1);
          if (k === undefined) return d;
          if (!isName(k)) continue;
          const v = this.value(depth + 1);
          if (v !== undefined) d[k.n] = v;
        }
      }
      // Hex string: digits up to ">", anything else ignored, an odd last digit padded with 0.
      const codes: number[] = [];
      let hi = -1;
      let q = this.pos + 1;
      for (; q < this.end; q++) {
        const k = s.charCodeAt(q);
        if (k === 62) break;
        const h = k < 256 ? (HEX[k] as number) : 255;
        if (h === 255) continue;
        if (hi < 0) hi = h;
        else {
          codes.push(hi * 16 + h);
          hi = -1;
        }
      }
      if (hi >= 0) codes.push(hi * 16);
      this.pos = q < this.end ? q + 1 : this.end;
      return { s: fromCodes(codes) };
    }
    if (c === 91 /* [ */) {
      this.pos++;
      const a: Value[] = [];
      for (;;) {
        this.skip();
        if (this.pos >= this.end) return a;
        if (s.charCodeAt(this.pos) === 93 /* ] */) {
          this.pos++;
          return a;
        }
        const v = this.value(depth + 1);
        if (v === undefined) return a;
        a.push(v);
      }
    }
    if (c === 62 || c === 93 || c === 41 || c === 123 || c === 125 /* > ] ) { } */) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    let e = this.pos;
    while (e < this.end && classOf(s.charCodeAt(e)) === 0) e++;
    if (e === this.pos) e++;
    const word = s.slice(this.pos, e);
    this.pos = e;
    // Numbers start with a digit, a sign or a dot; only those are tested with the number pattern.
    if (((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return parseFloat(word);
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return { op: word };
  }
  /** A value, with "n g R" folded into a Ref; operators are skipped (returns undefined only at the end). */
  value(depth: number): Value | undefined {
    for (;;) {
      const v = this.next(depth);
      if (v === undefined) return undefined;
      if (isOp(v)) {
        if (v.op === ">" || v.op === "]") return null;
        continue;
      }
      if (typeof v === "number" && Math.floor(v) === v) {
        const save = this.pos;
        const g = this.next(depth);
        if (typeof g === "number") {
          const r = this.next(depth);
          if (r && isOp(r) && r.op === "R") return { r: v };
        }
        this.pos = save;
      }
      return v as Value;
    }
  }
  literal(): Str {
    const s = this.s;
    let i = this.pos + 1;
    let depth = 1;
    const codes: number[] = [];
    while (i < this.end) {
      const c = s.charCodeAt(i);
      if (c === 92 /* \\ */) {
        const n = s.charCodeAt(i + 1);
        const mapped = n === 110 ? 10 : n === 114 ? 13 : n === 116 ? 9 : n === 98 ? 8 : n === 102 ? 12 : n === 40 || n === 41 || n === 92 ? n : -1;
        if (mapped >= 0) {
          codes.push(mapped);
          i += 2;
        } else if (n >= 48 && n <= 55) {
          // Up to three octal digits.
          let v = 0;
          let k = i + 1;
          for (; k < i + 4 && k < s.length; k++) {
            const d = s.charCodeAt(k);
            if (d < 48 || d > 55) break;
            v = v * 8 + (d - 48);
          }
          codes.push(v & 255);
          i = k;
        } else if (n === 13) i += s.charCodeAt(i + 2) === 10 ? 3 : 2;
        else if (n === 10) i += 2;
        else {
          if (i + 1 < s.length) codes.push(n);
          i += 2;
        }
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) break;
      codes.push(c);
      i++;
    }
    this.pos = i + 1;
    return { s: fromCodes(codes) };
  }
}
function isOp(v: unknown): v is { op: string } {
  return !!v && typeof v === "object" && typeof (v as { op: string }).op === "string";
}

interface Font {
  cmap: { [code: number]: string } | null;
  codeBytes: number;
  composite: boolean;
}

export function isPdf(b: Uint8Array): boolean {
  const head = latin1(b, 0, Math.min(b.length, 1024));
  return head.indexOf("%PDF-") >= 0;
}

export function extractPdf(ctx: Context, bytes: Uint8Array): { pages: string[]; unreadable: number } {
  const text = latin1(bytes);
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(text)) throw new PartFailure("encrypted", "PDF is encrypted (password or permissions)");
  const objects = new PdfObjects(ctx, bytes, text, indexObjects(ctx, text));
  objects.indexObjectStreams();
  return objects.pages();
}

/** Where each object's body starts (just past "N G obj"; a later definition wins) and the objects in file order. */
interface ObjectIndex {
  offsets: { [num: number]: number };
  order: number[];
}

function indexObjects(ctx: Context, file: string): ObjectIndex {
  const offsets: { [num: number]: number } = {};
  const order: number[] = [];
  const objRe = /(\d+)\s+(\d+)\s+obj\b/g;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = objRe.exec(file))) {
    const num = parseInt(m[1] as string, 10);
    if (offsets[num] === undefined) order.push(num);
    offsets[num] = objRe.lastIndex;
    if (++count > MAX_PDF_OBJECTS) throw new PartFailure("limit", "more than " + MAX_PDF_OBJECTS + " PDF objects");
    ctx.tick(1024);
  }
  if (!count) throw new PartFailure("corrupt", "no PDF objects found");
  return { offsets, order };
}

/** The objects of one PDF, parsed when first asked for (also those inside object streams), with their streams and fonts. */
class PdfObjects {
  private readonly ctx: Context;
  private readonly bytes: Uint8Array;
  /** The file as Latin-1 text (one char per byte, so offsets are byte offsets). */
  private readonly file: string;
  private readonly offsets: { [num: number]: number };
  private readonly order: number[];
  private readonly cache: { [num: number]: Value } = {};
  /** Source text of objects found inside object streams, by object number. */
  private readonly inStream: { [num: number]: string } = {};
  private readonly fonts: { [num: number]: Font } = {};
  /** Content streams that could not be decoded. */
  private unreadable = 0;

  constructor(ctx: Context, bytes: Uint8Array, file: string, index: ObjectIndex) {
    this.ctx = ctx;
    this.bytes = bytes;
    this.file = file;
    this.offsets = index.offsets;
    this.order = index.order;
  }

  parse(num: number): Value {
    if (this.cache[num] !== undefined) return this.cache[num] as Value;
    this.cache[num] = null; // cycle guard
    let v: Value = null;
    if (this.offsets[num] !== undefined) v = new Lexer(this.file, this.offsets[num]).value(0) as Value;
    else if (this.inStream[num] !== undefined) v = new Lexer(this.inStream[num] as string).value(0) as Value;
    if (v === undefined) v = null;
    this.cache[num] = v;
    return v;
  }

  /** Follows references (at most 16 hops: a longer chain is left as the reference it ends on). */
  resolve(v: Value | undefined, hops = 0): Value | undefined {
    return isRef(v) && hops < 16 ? this.resolve(this.parse(v.r), hops + 1) : v;
  }

  /** Decoded data of the stream object `num`, or null when absent/unsupported. */
  stream(num: number): Uint8Array | null {
    const at = this.offsets[num];
    if (at === undefined) return null;
    const dict = this.parse(num);
    if (!isDict(dict)) return null;
    const kw = this.file.indexOf("stream", at);
    if (kw < 0) return null;
    let start = kw + 6;
    if (this.file.charAt(start) === "\r") start++;
    if (this.file.charAt(start) === "\n") start++;
    return this.decodeFilters(dict, this.bytes.subarray(start, this.streamEnd(dict, start)));
  }

  /** The end of stream data starting at `start`: its /Length when "endstream" follows it, else the next "endstream". */
  private streamEnd(dict: Dict, start: number): number {
    const file = this.file;
    const len = this.resolve(dict["Length"]);
    const end = typeof len === "number" && len >= 0 && start + len <= file.length ? start + len : -1;
    if (end >= 0 && file.substr(end, 20).indexOf("endstream") >= 0) return end;
    const e = file.indexOf("endstream", start);
    return e < 0 ? file.length : e;
  }

  /** Runs the stream's /Filter chain; null for a filter not supported or corrupt Flate data. */
  private decodeFilters(dict: Dict, raw: Uint8Array): Uint8Array | null {
    let data = raw;
    const f = this.resolve(dict["Filter"]);
    const filters = Array.isArray(f) ? f : f ? [f] : [];
    for (let i = 0; i < filters.length; i++) {
      const name = isName(filters[i]) ? (filters[i] as Name).n : "";
      if (name === "FlateDecode" || name === "Fl") {
        try {
          data = inflateZlib(this.ctx, data);
        } catch (e) {
          if (e instanceof PartFailure && e.reason === "corrupt") return null;
          throw e;
        }
      } else if (name === "ASCIIHexDecode" || name === "AHx") data = asciiHex(data);
      else if (name === "ASCII85Decode" || name === "A85") data = ascii85(data);
      else return null;
    }
    return data;
  }

  /** Finds the objects stored inside object streams (/Type /ObjStm), so parse() can read them. */
  indexObjectStreams(): void {
    for (let i = 0; i < this.order.length; i++) {
      const num = this.order[i] as number;
      const head = this.file.substr(this.offsets[num] as number, 200);
      if (!/\/Type\s*\/ObjStm/.test(head) && !/\/ObjStm/.test(head)) continue;
      this.indexObjectStream(num);
      this.ctx.checkTime();
    }
  }

  /** An object stream: /N pairs "object-number offset" in its first /First bytes, then the objects. */
  private indexObjectStream(num: number): void {
    const dict = this.parse(num);
    if (!isDict(dict)) return;
    const n = this.resolve(dict["N"]);
    const first = this.resolve(dict["First"]);
    if (typeof n !== "number" || typeof first !== "number") return;
    const data = this.stream(num);
    if (!data) return;
    const text = latin1(data);
    const header = new Lexer(text, 0, Math.min(first, text.length));
    for (let k = 0; k < n && k < MAX_PDF_OBJECTS; k++) {
      const objectNumber = header.next();
      const offset = header.next();
      if (typeof objectNumber !== "number" || typeof offset !== "number") break;
      if (this.offsets[objectNumber] === undefined && this.inStream[objectNumber] === undefined) this.inStream[objectNumber] = text.slice(first + offset);
    }
  }

  /** The font a content stream names: composite (Type0, 2-byte codes) or not, with its ToUnicode CMap when it has one. */
  font(ref: Value | undefined): Font {
    const key = isRef(ref) ? ref.r : -1;
    if (key >= 0 && this.fonts[key]) return this.fonts[key] as Font;
    const d = this.resolve(ref);
    const font: Font = { cmap: null, codeBytes: 1, composite: false };
    if (isDict(d)) {
      const sub = this.resolve(d["Subtype"]);
      font.composite = isName(sub) && sub.n === "Type0";
      if (font.composite) font.codeBytes = 2;
      const tu = d["ToUnicode"];
      const data = isRef(tu) ? this.stream(tu.r) : null;
      if (data) {
        const parsed = parseCMap(latin1(data));
        font.cmap = parsed.map;
        if (parsed.codeBytes) font.codeBytes = parsed.codeBytes;
      }
    }
    if (key >= 0) this.fonts[key] = font;
    return font;
  }

  /** Each page's text, pages in file order, then pages stored inside object streams (PDF 1.5+, rare). */
  pages(): { pages: string[]; unreadable: number } {
    const pages: string[] = [];
    for (let i = 0; i < this.order.length; i++) {
      const num = this.order[i] as number;
      const head = this.file.substr(this.offsets[num] as number, 400);
      if (!/\/Type\s*\/Page\b/.test(head) && !/\/Contents/.test(head)) continue;
      const page = this.parse(num);
      if (!isPage(page)) continue;
      pages.push(this.pageText(page));
      this.ctx.checkTime();
    }
    for (const key in this.inStream) {
      const page = this.parse(parseInt(key, 10));
      if (isPage(page)) pages.push(this.pageText(page));
    }
    return { pages, unreadable: this.unreadable };
  }

  private pageText(page: Dict): string {
    const fontDict = this.pageFonts(page);
    const contents = this.resolve(page["Contents"]);
    const refs = Array.isArray(contents) ? contents : [page["Contents"]];
    const chunks: string[] = [];
    for (let k = 0; k < refs.length; k++) {
      const r = refs[k];
      if (!isRef(r)) continue;
      const data = this.stream(r.r);
      if (data) chunks.push(latin1(data));
      else this.unreadable++;
    }
    return contentText(this.ctx, chunks.join("\n"), (name) => this.font(isDict(fontDict) ? fontDict[name] : undefined));
  }

  /** The page's /Font resources: its own /Resources, else inherited from the page tree (at most 32 levels up). */
  private pageFonts(page: Dict): Value | undefined {
    let res: Value | undefined = this.resolve(page["Resources"]);
    let node: Value | undefined = page;
    for (let hop = 0; !isDict(res) && isDict(node) && hop < 32; hop++) {
      node = this.resolve((node as Dict)["Parent"]);
      if (isDict(node)) res = this.resolve(node["Resources"]);
    }
    return isDict(res) ? this.resolve(res["Font"]) : undefined;
  }
}

function isPage(v: Value): v is Dict {
  return isDict(v) && isName(v["Type"]) && (v["Type"] as Name).n === "Page";
}

/** Text of a content stream. */
export function contentText(ctx: Context, content: string, font: (name: string) => Font): string {
  const lx = new Lexer(content);
  const out: string[] = [];
  const operands: (Value | { op: string })[] = [];
  const arg = (i: number) => operands[operands.length - i];
  let current: Font = { cmap: null, codeBytes: 1, composite: false };
  let lastY: number | null = null;
  const show = (v: Value | { op: string } | undefined) => {
    if (isStr(v)) out.push(decodeString(v.s, current));
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (isStr(x)) out.push(decodeString(x.s, current));
        else if (typeof x === "number" && x < -250) out.push(" ");
      }
    }
  };
  for (let steps = 0; ; steps++) {
    if ((steps & 4095) === 0) ctx.checkTime();
    const t = lx.next();
    if (t === undefined) break;
    if (!isOp(t)) {
      operands.push(t);
      if (operands.length > 64) operands.shift();
      continue;
    }
    const op = t.op;
    if (op === "Tj") show(arg(1));
    else if (op === "TJ") show(arg(1));
    else if (op === "'" || op === '"') {
      out.push("\n");
      show(arg(1));
    } else if (op === "Tf") {
      const n = arg(2);
      if (isName(n)) current = font(n.n);
    } else if (op === "Td" || op === "TD") {
      const ty = arg(1);
      const tx = arg(2);
      if (typeof ty === "number" && ty !== 0) out.push("\n");
      else if (typeof tx === "number" && tx !== 0) out.push(" ");
    } else if (op === "T*") out.push("\n");
    else if (op === "Tm") {
      const y = arg(1);
      if (typeof y === "number") {
        if (lastY !== null && y !== lastY) out.push("\n");
        else if (lastY !== null) out.push(" ");
        lastY = y;
      }
    } else if (op === "ET") out.push("\n");
    else if (op === "BI") {
      // Inline image: skip its binary data up to "EI".
      const e = content.indexOf("EI", lx.pos);
      lx.pos = e < 0 ? content.length : e + 2;
    }
    operands.length = 0;
  }
  return out
    .join("")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

function decodeString(raw: string, font: Font): string {
  if (font.cmap) {
    const map = font.cmap;
    let out = "";
    const w = font.codeBytes;
    for (let i = 0; i + w <= raw.length; i += w) {
      let code = 0;
      for (let k = 0; k < w; k++) code = code * 256 + (raw.charCodeAt(i + k) & 255);
      const u = map[code];
      out += u !== undefined ? u : w === 1 ? decodeWindows1252(new Uint8Array([code])) : "";
    }
    return out;
  }
  if (font.composite) return ""; // CIDs without a ToUnicode map carry no recoverable text
  if (!/[\x80-\x9f]/.test(raw)) return raw; // Windows-1252 is Latin-1 outside 0x80–0x9F
  const b = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) b[i] = raw.charCodeAt(i) & 255;
  return decodeWindows1252(b);
}

function hexToBytes(h: string): Uint8Array {
  const b = new Uint8Array(h.length >> 1);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(h.substr(i * 2, 2), 16);
  return b;
}
function hexToUnicode(h: string): string {
  return decodeUtf16(hexToBytes(h.length % 2 ? h + "0" : h), false);
}

/** ToUnicode CMap: bfchar and bfrange entries; code width from the first codespacerange. */
export function parseCMap(text: string): { map: { [code: number]: string }; codeBytes: number } {
  const map: { [code: number]: string } = {};
  const cs = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const codeBytes = cs ? Math.max(1, Math.min(4, (cs[1] as string).length >> 1)) : 0;
  const chars = /beginbfchar([\s\S]*?)endbfchar/g;
  let m: RegExpExecArray | null;
  while ((m = chars.exec(text))) {
    const pair = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g;
    let p: RegExpExecArray | null;
    while ((p = pair.exec(m[1] as string))) map[parseInt(p[1] as string, 16)] = hexToUnicode(p[2] as string);
  }
  const ranges = /beginbfrange([\s\S]*?)endbfrange/g;
  while ((m = ranges.exec(text))) {
    const r = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g;
    let p: RegExpExecArray | null;
    while ((p = r.exec(m[1] as string))) {
      const lo = parseInt(p[1] as string, 16);
      const hi = Math.min(parseInt(p[2] as string, 16), lo + 65535);
      if (p[4] !== undefined) {
        const base = hexToBytes((p[4] as string).length % 2 ? p[4] + "0" : (p[4] as string));
        for (let c = lo; c <= hi; c++) {
          const d = new Uint8Array(base);
          // Increment the last byte (with carry) by the offset, as the spec describes.
          let add = c - lo;
          for (let k = d.length - 1; k >= 0 && add > 0; k--) {
            const sum = (d[k] as number) + add;
            d[k] = sum & 255;
            add = sum >> 8;
          }
          map[c] = decodeUtf16(d, false);
        }
      } else {
        const items = (p[5] as string).match(/<([0-9A-Fa-f]*)>/g) || [];
        for (let k = 0; k < items.length && lo + k <= hi; k++) map[lo + k] = hexToUnicode((items[k] as string).slice(1, -1));
      }
    }
  }
  return { map, codeBytes };
}

function asciiHex(b: Uint8Array): Uint8Array {
  const s = latin1(b);
  const e = s.indexOf(">");
  const h = (e < 0 ? s : s.slice(0, e)).replace(/[^0-9A-Fa-f]/g, "");
  return hexToBytes(h.length % 2 ? h + "0" : h);
}

function ascii85(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  let group: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c === 126 /* ~ */) break;
    if (c === 122 /* z */ && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 33 || c > 117) continue;
    group.push(c - 33);
    if (group.length === 5) {
      let v = 0;
      for (let k = 0; k < 5; k++) v = v * 85 + (group[k] as number);
      out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + (group[k] as number);
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    for (let k = 0; k < n - 1; k++) out.push(bytes[k] as number);
  }
  return new Uint8Array(out);
}
