/**
 * Compound-file fixtures built from real bytes for the tests: files written by SheetJS `cfb` (a devDependency), with the
 * streams of Outlook .msg ([MS-OXMSG] property streams and __substg1.0_ streams), Word 97 (FIB + piece table), BIFF8
 * (Workbook records) and PowerPoint 97 (record trees) laid out per the specs. Tests and the bench only.
 */
import * as CFB from "cfb";
import { concat } from "./test-fixtures-media";

export const utf16 = (s: string): Uint8Array => {
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    b[i * 2] = s.charCodeAt(i) & 255;
    b[i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return b;
};
export const bytesOf = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "latin1"));
export const utf8 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "utf8"));

function le(n: number, bytes: 1 | 2 | 4): Uint8Array {
  const b = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) b[i] = (n >>> (8 * i)) & 255;
  return b;
}

/** A compound file with the given streams ("/storage/stream" paths; storages are created on the way). */
export function compound(streams: { [path: string]: Uint8Array }): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const p of Object.keys(streams)) CFB.utils.cfb_add(c, p, Buffer.from(streams[p] as Uint8Array));
  return new Uint8Array(CFB.write(c, { type: "buffer" }) as Buffer);
}

// ---------------------------------------------------------------- Outlook .msg

export interface MsgAttachmentSpec {
  name: string;
  data?: Uint8Array;
  mime?: string;
  /** attach method 5: an embedded message. */
  message?: MsgSpec;
  /** attach method 6: an OLE storage (paths inside it → bytes). */
  ole?: { [path: string]: Uint8Array };
  /** any other PidTagAttachMethod (2 = by reference, 7 = by web reference: a cloud attachment). */
  method?: number;
  /** PidTagAttachLongPathname (0x370D): the path or, for method 7, the URL. */
  longPathname?: string;
  hidden?: boolean;
  contentId?: string;
}

export interface MsgSpec {
  subject?: string;
  messageClass?: string;
  from?: { name?: string; email?: string; smtp?: string };
  body?: string;
  /** PidTagHtml as bytes (binary property). */
  html?: string;
  /** PidTagRtfCompressed, already compressed. */
  rtf?: Uint8Array;
  recipients?: { type: 1 | 2 | 3; name?: string; email?: string; smtp?: string; addressType?: string }[];
  attachments?: MsgAttachmentSpec[];
  /** Write strings as PT_STRING8 in this code page (e.g. 1252) instead of PT_UNICODE. */
  string8Codepage?: number;
}

const hex8 = (n: number) => ("0000000" + n.toString(16).toUpperCase()).slice(-8);
const tagName = (id: number, type: number) => "__substg1.0_" + hex8(((id << 16) | type) >>> 0);

/** A property stream: header (reserved / counts), then 16-byte entries. */
function propertyStream(header: number, fixed: [number, number, number][], variable: [number, number, number][]): Uint8Array {
  const entries: Uint8Array[] = [new Uint8Array(header)];
  for (const [id, type, value] of fixed) entries.push(concat([le(((id << 16) | type) >>> 0, 4), le(6, 4), le(value, 4), le(0, 4)]));
  for (const [id, type, size] of variable) entries.push(concat([le(((id << 16) | type) >>> 0, 4), le(6, 4), le(size, 4), le(0, 4)]));
  return concat(entries);
}

function messageStreams(spec: MsgSpec, base: string, top: boolean, out: { [path: string]: Uint8Array }): void {
  const fixed: [number, number, number][] = [];
  const variable: [number, number, number][] = [];
  const cp = spec.string8Codepage;
  const str = (dir: string, id: number, value: string | undefined, vars = variable) => {
    if (value === undefined) return;
    const data = cp ? Uint8Array.from(Buffer.from(value, "latin1")) : utf16(value);
    const type = cp ? 0x001e : 0x001f;
    out[dir + "/" + tagName(id, type)] = data;
    vars.push([id, type, data.length + (cp ? 1 : 2)]);
  };
  const bin = (dir: string, id: number, data: Uint8Array | undefined, vars = variable) => {
    if (!data) return;
    out[dir + "/" + tagName(id, 0x0102)] = data;
    vars.push([id, 0x0102, data.length]);
  };
  if (cp) fixed.push([0x3ffd, 0x0003, cp]);
  str(base, 0x001a, spec.messageClass || "IPM.Note");
  str(base, 0x0037, spec.subject);
  if (spec.from) {
    str(base, 0x0c1a, spec.from.name);
    str(base, 0x0c1f, spec.from.email);
    str(base, 0x5d01, spec.from.smtp);
  }
  str(base, 0x1000, spec.body);
  if (spec.html !== undefined) bin(base, 0x1013, utf8(spec.html));
  bin(base, 0x1009, spec.rtf);
  const recips = spec.recipients || [];
  recips.forEach((r, i) => {
    const dir = base + "/__recip_version1.0_#" + hex8(i);
    const rv: [number, number, number][] = [];
    str(dir, 0x3001, r.name, rv);
    str(dir, 0x3003, r.email, rv);
    str(dir, 0x3002, r.addressType || "SMTP", rv);
    str(dir, 0x39fe, r.smtp, rv);
    out[dir + "/__properties_version1.0"] = propertyStream(8, [[0x0c15, 0x0003, r.type], [0x3000, 0x0003, i]], rv);
  });
  const atts = spec.attachments || [];
  atts.forEach((a, i) => {
    const dir = base + "/__attach_version1.0_#" + hex8(i);
    const av: [number, number, number][] = [];
    const method = a.message ? 5 : a.ole ? 6 : a.method !== undefined ? a.method : 1;
    const af: [number, number, number][] = [[0x3705, 0x0003, method], [0x0e21, 0x0003, i]];
    if (a.hidden) af.push([0x7ffe, 0x000b, 1]);
    str(dir, 0x3707, a.name, av);
    str(dir, 0x3001, a.name, av);
    str(dir, 0x370e, a.mime, av);
    str(dir, 0x3712, a.contentId, av);
    str(dir, 0x370d, a.longPathname, av);
    if (a.message) {
      messageStreams(a.message, dir + "/" + tagName(0x3701, 0x000d), false, out);
      av.push([0x3701, 0x000d, 0xffffffff]);
    } else if (a.ole) {
      for (const p of Object.keys(a.ole)) out[dir + "/" + tagName(0x3701, 0x000d) + p] = a.ole[p] as Uint8Array;
      av.push([0x3701, 0x000d, 0xffffffff]);
    } else bin(dir, 0x3701, a.data, av);
    out[dir + "/__properties_version1.0"] = propertyStream(8, af, av);
  });
  const header = new Uint8Array(top ? 32 : 24);
  header.set(le(recips.length, 4), 8);
  header.set(le(atts.length, 4), 12);
  header.set(le(recips.length, 4), 16);
  header.set(le(atts.length, 4), 20);
  out[base + "/__properties_version1.0"] = concat([header, propertyStream(0, fixed, variable)]);
}

/** An Outlook .msg file for `spec`. */
export function msgFile(spec: MsgSpec): Uint8Array {
  const streams: { [path: string]: Uint8Array } = {};
  messageStreams(spec, "", true, streams);
  streams["/__nameid_version1.0/__substg1.0_00020102"] = new Uint8Array(16);
  streams["/__nameid_version1.0/__substg1.0_00030102"] = new Uint8Array(8);
  streams["/__nameid_version1.0/__substg1.0_00040102"] = new Uint8Array(4);
  return compound(streams);
}

/** [MS-OXRTFCP] "LZFu" with literal tokens only (a valid stream any reader must decode), ended by the end marker. */
export function compressRtfLiterals(raw: Uint8Array): Uint8Array {
  const body: number[] = [];
  let control = 0;
  let tokens: number[] = [];
  let n = 0;
  const flushGroup = () => {
    body.push(control, ...tokens);
    control = 0;
    tokens = [];
    n = 0;
  };
  for (const byte of raw) {
    tokens.push(byte);
    if (++n === 8) flushGroup();
  }
  const end = (207 + raw.length) % 4096;
  control |= 1 << n;
  tokens.push((end >> 4) & 255, (end << 4) & 255);
  flushGroup();
  return concat([le(body.length + 12, 4), le(raw.length, 4), bytesOf("LZFu"), le(0, 4), Uint8Array.from(body)]);
}

/**
 * A compressed-RTF header claiming `rawSize` bytes, then `refs` back-references of 17 bytes each (a bomb: 2 input bytes
 * make 17 output bytes). Each reference points half a dictionary away from the write position, never at it (that
 * would be the end marker).
 */
export function rtfBomb(rawSize: number, refs: number): Uint8Array {
  const body = new Uint8Array(Math.ceil(refs / 8) * 17);
  let o = 0;
  let write = 207;
  for (let i = 0; i < refs; i += 8) {
    body[o++] = 0xff;
    for (let k = 0; k < 8; k++) {
      const token = (((write + 2048) & 4095) << 4) | 15;
      body[o++] = token >> 8;
      body[o++] = token & 255;
      write = (write + 17) & 4095;
    }
  }
  return concat([le(body.length + 12, 4), le(rawSize, 4), bytesOf("LZFu"), le(0, 4), body]);
}

// ---------------------------------------------------------------- Word 97

/** A Word 97 document: FIB + text in the WordDocument stream, a piece table (one piece per entry) in 1Table. */
export function docFile(pieces: { text: string; compressed: boolean }[], opts: { encrypted?: boolean } = {}): Uint8Array {
  const fib = new Uint8Array(0x800);
  fib.set(le(0xa5ec, 2), 0);
  fib.set(le(0x00c1, 2), 2);
  fib.set(le(0x0200 | (opts.encrypted ? 0x0100 : 0), 2), 0x0a);
  const texts: Uint8Array[] = [];
  const fcs: number[] = [];
  const cps = [0];
  let at = fib.length;
  for (const p of pieces) {
    const b = p.compressed ? Uint8Array.from(Buffer.from(p.text, "latin1")) : utf16(p.text);
    fcs.push(p.compressed ? ((at * 2) | 0x40000000) >>> 0 : at);
    texts.push(b);
    at += b.length;
    cps.push((cps[cps.length - 1] as number) + p.text.length);
  }
  fib.set(le(cps[cps.length - 1] as number, 4), 0x4c);
  const plc = concat([...cps.map((c) => le(c, 4)), ...fcs.map((fc) => concat([le(0, 2), le(fc, 4), le(0, 2)]))]);
  const table = concat([new Uint8Array(16), Uint8Array.of(0x01), le(2, 2), Uint8Array.of(0, 0), Uint8Array.of(0x02), le(plc.length, 4), plc]);
  fib.set(le(16, 4), 0x1a2);
  fib.set(le(table.length - 16, 4), 0x1a6);
  return compound({ "/WordDocument": concat([fib, ...texts]), "/1Table": table });
}

// ---------------------------------------------------------------- Excel 97 (BIFF8)

const rec = (type: number, data: Uint8Array) => concat([le(type, 2), le(data.length, 2), data]);
const f64 = (v: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return b;
};
const xlString = (s: string) => {
  const high = /[^\x00-\xff]/.test(s);
  return concat([le(s.length, 2), Uint8Array.of(high ? 1 : 0), high ? utf16(s) : Uint8Array.from(Buffer.from(s, "latin1"))]);
};

export type XlsCell = string | number | { label: string } | { rk: number } | { formula: number | string } | null;

/**
 * A BIFF8 workbook: strings go to the SST (split into CONTINUE records every `continueEvery` bytes of string data, so
 * strings cross record boundaries), numbers to NUMBER records, `{rk}` to RK, `{label}` to LABEL, `{formula}` to a
 * FORMULA record with its cached result (a STRING record after a string result).
 */
export function xlsFile(sheets: XlsCell[][][], opts: { password?: boolean; continueEvery?: number; sixteenBit?: boolean } = {}): Uint8Array {
  const sst: string[] = [];
  const index = (s: string) => {
    const i = sst.indexOf(s);
    if (i >= 0) return i;
    sst.push(s);
    return sst.length - 1;
  };
  const sheetRecs: Uint8Array[][] = sheets.map((rows) => {
    const out: Uint8Array[] = [rec(0x0809, concat([le(0x0600, 2), le(0x0010, 2), new Uint8Array(12)]))];
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const rc = concat([le(r, 2), le(c, 2), le(15, 2)]);
        if (cell === null) return;
        if (typeof cell === "string") out.push(rec(0x00fd, concat([rc, le(index(cell), 4)])));
        else if (typeof cell === "number") out.push(rec(0x0203, concat([rc, f64(cell)])));
        else if ("label" in cell) out.push(rec(0x0204, concat([rc, xlString(cell.label)])));
        else if ("rk" in cell) out.push(rec(0x027e, concat([rc, le(((cell.rk << 2) | 2) >>> 0, 4)])));
        else if (typeof cell.formula === "number") out.push(rec(0x0006, concat([rc, f64(cell.formula), new Uint8Array(6)])));
        else {
          out.push(rec(0x0006, concat([rc, Uint8Array.of(0, 0, 0, 0, 0, 0, 0xff, 0xff), new Uint8Array(6)])));
          out.push(rec(0x0207, xlString(cell.formula)));
        }
      }),
    );
    out.push(rec(0x000a, new Uint8Array(0)));
    return out;
  });
  // SST: strings laid out, then cut into SST + CONTINUE records; a cut inside a string's characters repeats its flag.
  const every = opts.continueEvery || 8224;
  const records: Uint8Array[] = [];
  let cur: number[] = [...le(sst.length, 4), ...le(sst.length, 4)];
  let first = true;
  const flushRec = () => {
    records.push(rec(first ? 0x00fc : 0x003c, Uint8Array.from(cur)));
    first = false;
    cur = [];
  };
  for (const s of sst) {
    const high = opts.sixteenBit || /[^\x00-\xff]/.test(s);
    if (cur.length + 3 > every) flushRec();
    cur.push(...le(s.length, 2), high ? 1 : 0);
    for (let i = 0; i < s.length; i++) {
      if (cur.length + (high ? 2 : 1) > every) {
        flushRec();
        cur.push(high ? 1 : 0);
      }
      const c = s.charCodeAt(i);
      if (high) cur.push(c & 255, c >> 8);
      else cur.push(c);
    }
  }
  flushRec();
  const globals = [rec(0x0809, concat([le(0x0600, 2), le(0x0005, 2), new Uint8Array(12)]))];
  if (opts.password) globals.push(rec(0x002f, concat([le(1, 2), new Uint8Array(52)])));
  globals.push(...records);
  sheets.forEach((_s, i) => globals.push(rec(0x0085, concat([le(0, 4), le(0, 2), Uint8Array.of(("Sheet" + (i + 1)).length, 0), Buffer.from("Sheet" + (i + 1))]))));
  globals.push(rec(0x000a, new Uint8Array(0)));
  return compound({ "/Workbook": concat([...globals, ...sheetRecs.map((r) => concat(r))]) });
}

// ---------------------------------------------------------------- PowerPoint 97

const pptRec = (verInstance: number, type: number, data: Uint8Array) => concat([le(verInstance, 2), le(type, 2), le(data.length, 4), data]);

/** A PowerPoint 97 file: a DocumentContainer holding a SlideListWithText of text atoms (UTF-16 or 8-bit). */
export function pptFile(texts: { text: string; bytes?: boolean }[], opts: { encrypted?: "summary" | "token" | "crypt" } = {}): Uint8Array {
  const atoms = texts.map((t) => (t.bytes ? pptRec(0, 0x0fa8, Uint8Array.from(Buffer.from(t.text, "latin1"))) : pptRec(0, 0x0fa0, utf16(t.text))));
  const children = [pptRec(0x000f, 0x0ff0, concat(atoms))];
  if (opts.encrypted === "crypt") children.unshift(pptRec(0x000f, 0x2f14, new Uint8Array(16)));
  const doc = pptRec(0x000f, 0x03e8, concat(children));
  const token = opts.encrypted === "token" ? 0xf3d1c4df : 0xe391c05f;
  const current = pptRec(0, 0x0ff6, concat([le(0x14, 4), le(token, 4), le(0, 4), new Uint8Array(8)]));
  const streams: { [p: string]: Uint8Array } = { "/PowerPoint Document": doc, "/Current User": current };
  if (opts.encrypted === "summary") streams["/EncryptedSummary"] = new Uint8Array(64);
  return compound(streams);
}
