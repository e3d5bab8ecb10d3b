/**
 * The customer set: which e-mail addresses and customer numbers belong to real customers, as a keyed hash set that
 * never holds an address or a number in clear (docs/customers.md has the threat model).
 *
 * Each canonical value (./canonical.ts) is hashed with HMAC-SHA-256 under the tenant's 32-byte key, prefixed by its kind
 * ("e:" address, "n:" number, so an address and a number never collide); the first KEY_WORDS words of the MAC are the
 * key of a binary fuse filter (./fuse.ts) with 21-bit fingerprints: 2^-21 ≈ 4.8e-7 false positives per lookup (the goal
 * is 1e-6; 20 bits would give 9.5e-7, which measures as 1.0e-6 in one run of 10^7 probes: too close).
 *
 * The file (`.tfcs`, little-endian):
 *   0   "TFCS"                         magic
 *   4   u8 format version (1), u8 arity (3 | 4), u8 fingerprint bits, u8 0
 *   8   u32 seed, u32 segment length, u32 segment count, u32 array length
 *   24  u32 H, then H bytes of ASCII JSON: the header (SetHeader: key id, build date, counts per column, number shapes)
 *   28+H u32 D, then D bytes: the fingerprints
 *   end 16 bytes: the first half of SHA-256 over everything before (damage check; its hex is the set's digest)
 * Pure and ES2016: the add-in opens the file it downloaded; only the CLI builds one.
 */
import { canonicalEmail, canonicalNumber, numberShape } from "./canonical";
import { buildFuse, fuseContains, KEY_WORDS, type FuseFilter } from "./fuse";
import { hmacKey, hmacWords, sha256, utf8Into, type HmacKey } from "../sha256";

export const SET_FORMAT_VERSION = 1;
export const FINGERPRINT_BITS = 21;
const MAGIC = [0x54, 0x46, 0x43, 0x53]; // "TFCS"
const CHECK_BYTES = 16;
/** More distinct shapes than this: the set records lengths only ("*8"), and the scanner hashes every token of them. */
export const MAX_SHAPES = 24;
/** Separators the scanner may find inside a customer number, when the export used them. */
export const JOINERS = "-/. ";

export type ColumnKind = "email" | "number";

export interface SetHeader {
  /** Key id: the first 8 bytes of SHA-256("think-first-customer-key-id" ‖ key), hex. Not the key. */
  keyId: string;
  /** ISO 8601, UTC. */
  built: string;
  rows: number;
  /** Per column of the export: its header name, kind and how many distinct values went in. */
  columns: { name: string; kind: ColumnKind; count: number }[];
  counts: { email: number; number: number };
  /** Shapes of the customer numbers ("L1D6"), or lengths ("*8") when they vary too much; sorted. */
  shapes: string[];
  /** Separators found inside the export's numbers ("-", "/", ".", " "): the scanner joins number groups only with these. */
  joiners: string;
}

/** A built set, opened with its key: what the scanner looks values up in. */
export interface CustomerSet {
  header: SetHeader;
  /** Hex of the file's check bytes: two files with the same digest hold the same set. */
  digest: string;
  /** Size of the file. */
  bytes: number;
  /** Probability that a value not in the set is reported as in it. */
  falsePositiveRate: number;
  /** Is this canonical address (canonicalEmail) in the set? */
  hasEmail(canonical: string): boolean;
  /** Is this canonical number (canonicalNumber) in the set? */
  hasNumber(canonical: string): boolean;
  /** Could a canonical number of this shape be in the set (cheap: no hashing)? */
  numberShapePossible(canonical: string): boolean;
  /** Could a canonical number of this many letters and digits be in the set (cheaper still: no string)? */
  numberLengthPossible(length: number): boolean;
}

export class CustomerSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CustomerSetError";
  }
}

function hex(bytes: Uint8Array, n = bytes.length): string {
  let s = "";
  for (let i = 0; i < n; i++) s += ((bytes[i] as number) < 16 ? "0" : "") + (bytes[i] as number).toString(16);
  return s;
}

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) throw new CustomerSetError("the set header must be ASCII");
    out[i] = c;
  }
  return out;
}

/** The key id of a tenant key (safe to print and to store beside the set). */
export function keyIdOf(key: Uint8Array): string {
  const label = ascii("think-first-customer-key-id");
  const buf = new Uint8Array(label.length + key.length);
  buf.set(label, 0);
  buf.set(key, label.length);
  return hex(sha256(buf), 8);
}

/** A hasher bound to one key: canonical value of one kind → the filter's key words. */
function hasher(key: Uint8Array): (kind: ColumnKind, canonical: string, out: Int32Array) => void {
  const k: HmacKey = hmacKey(key);
  const mac = new Int32Array(8);
  let buf: Uint8Array = new Uint8Array(128);
  return (kind, canonical, out) => {
    const r = utf8Into((kind === "email" ? "e:" : "n:") + canonical, buf);
    buf = r.buf;
    hmacWords(k, buf, r.length, mac);
    for (let i = 0; i < KEY_WORDS; i++) out[i] = mac[i] as number;
  };
}

function u32(view: DataView, at: number): number {
  return view.getUint32(at, true);
}

/** Opens a set file with its key. Throws CustomerSetError (not a set, unknown version, damaged, another key). */
export function openCustomerSet(file: Uint8Array, key: Uint8Array): CustomerSet {
  if (!(file instanceof Uint8Array) || file.length < 28 + CHECK_BYTES || MAGIC.some((b, i) => file[i] !== b)) {
    throw new CustomerSetError("not a Think First customer set (build one with `dlp customers build`)");
  }
  if (file[4] !== SET_FORMAT_VERSION) throw new CustomerSetError(`customer set format ${file[4]} is not supported by this version (expected ${SET_FORMAT_VERSION})`);
  const body = file.subarray(0, file.length - CHECK_BYTES);
  const check = sha256(body);
  for (let i = 0; i < CHECK_BYTES; i++) if (check[i] !== file[body.length + i]) throw new CustomerSetError("the customer set is damaged (its check bytes do not match)");
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const arity = file[5] as number;
  const bits = file[6] as number;
  if ((arity !== 3 && arity !== 4) || bits < 8 || bits > 24) throw new CustomerSetError("the customer set has an unknown filter layout");
  const headerLength = u32(view, 24);
  if (28 + headerLength + 4 > body.length) throw new CustomerSetError("the customer set is damaged (header length)");
  let json = "";
  for (let i = 0; i < headerLength; i++) json += String.fromCharCode(file[28 + i] as number);
  let header: SetHeader;
  try {
    header = JSON.parse(json) as SetHeader;
  } catch (e) {
    throw new CustomerSetError("the customer set is damaged (header)");
  }
  if (!header || typeof header.keyId !== "string" || !header.counts || !Array.isArray(header.shapes) || typeof header.joiners !== "string") {
    throw new CustomerSetError("the customer set is damaged (header fields)");
  }
  const dataAt = 28 + headerLength + 4;
  const dataLength = u32(view, 28 + headerLength);
  if (dataAt + dataLength !== body.length) throw new CustomerSetError("the customer set is damaged (data length)");
  const id = keyIdOf(key);
  if (id !== header.keyId) throw new CustomerSetError(`the customer set was built with key ${header.keyId}, but the key given is ${id}`);
  const filter: FuseFilter = {
    arity,
    fingerprintBits: bits,
    seed: view.getInt32(8, true),
    segmentLength: u32(view, 12),
    segmentCount: u32(view, 16),
    arrayLength: u32(view, 20),
    data: file.subarray(dataAt, dataAt + dataLength),
  };
  if (filter.arrayLength > 0 && (filter.segmentLength & (filter.segmentLength - 1)) !== 0) throw new CustomerSetError("the customer set has an unknown filter layout");
  if (dataLength < Math.ceil((filter.arrayLength * bits) / 8) + 4) throw new CustomerSetError("the customer set is damaged (data too short)");
  return fromFilter(header, filter, key, hex(file.subarray(body.length)), file.length);
}

function fromFilter(header: SetHeader, filter: FuseFilter, key: Uint8Array, digest: string, bytes: number): CustomerSet {
  const hash = hasher(key);
  const words = new Int32Array(KEY_WORDS);
  const shapes: Record<string, true> = {};
  for (const s of header.shapes) shapes[s] = true;
  const byLength = header.shapes.some((s) => s.charAt(0) === "*");
  const lengths: boolean[] = [];
  for (const s of header.shapes) {
    let len = 0;
    const runs = s.charAt(0) === "*" ? [s.slice(1)] : s.split(/[LD]/).filter(Boolean);
    for (const r of runs) len += parseInt(r, 10) || 0;
    lengths[len] = true;
  }
  const lookup = (kind: ColumnKind, canonical: string) => {
    hash(kind, canonical, words);
    return fuseContains(filter, words);
  };
  return {
    header,
    digest,
    bytes,
    falsePositiveRate: filter.arrayLength ? Math.pow(2, -filter.fingerprintBits) : 0,
    hasEmail: (c) => header.counts.email > 0 && lookup("email", c),
    hasNumber: (c) => header.counts.number > 0 && lookup("number", c),
    numberShapePossible: (c) => header.counts.number > 0 && (byLength ? shapes["*" + c.length] === true : shapes[numberShape(c)] === true),
    numberLengthPossible: (len) => lengths[len] === true,
  };
}

export interface BuildColumn {
  name: string;
  kind: ColumnKind;
  values: readonly string[];
}

export interface BuildReport {
  rows: number;
  /** Per column: values taken, empty cells, values that are not an address / number (with up to 3 row numbers). */
  columns: { name: string; kind: ColumnKind; taken: number; duplicates: number; empty: number; invalid: number; invalidRows: number[] }[];
  /** Digit-only numbers shorter than 7 characters: such numbers also appear in ordinary mail (amounts, postal codes). */
  shortDigitNumbers: number;
  keys: number;
  bytes: number;
}

/**
 * Builds a set file from the export's columns (values as read from the CSV; row i of every column is one customer).
 * Values that do not normalise (./canonical.ts) are skipped and counted; nothing of them is kept.
 */
export function buildCustomerSet(columns: readonly BuildColumn[], key: Uint8Array, built: string, options: { arity?: 3 | 4 } = {}): { file: Uint8Array; header: SetHeader; report: BuildReport } {
  if (key.length < 16) throw new CustomerSetError("the key must have at least 16 bytes");
  const hash = hasher(key);
  const seen: Record<string, true> = {};
  const canonicalValues: { kind: ColumnKind; value: string }[] = [];
  const report: BuildReport = { rows: 0, columns: [], shortDigitNumbers: 0, keys: 0, bytes: 0 };
  const shapeCount: Record<string, number> = {};
  const lengths: Record<string, true> = {};
  let joiners = "";
  const headerColumns: SetHeader["columns"] = [];
  for (const col of columns) {
    const r = { name: col.name, kind: col.kind, taken: 0, duplicates: 0, empty: 0, invalid: 0, invalidRows: [] as number[] };
    report.rows = Math.max(report.rows, col.values.length);
    col.values.forEach((raw, row) => {
      if (!raw || !String(raw).trim()) {
        r.empty++;
        return;
      }
      const value = col.kind === "email" ? canonicalEmail(raw) : canonicalNumber(raw);
      if (value === null) {
        r.invalid++;
        if (r.invalidRows.length < 3) r.invalidRows.push(row + 1);
        return;
      }
      const tag = col.kind + ":" + value;
      if (seen[tag]) {
        r.duplicates++;
        return;
      }
      seen[tag] = true;
      r.taken++;
      canonicalValues.push({ kind: col.kind, value });
      if (col.kind === "number") {
        const shape = numberShape(value);
        shapeCount[shape] = (shapeCount[shape] || 0) + 1;
        lengths["*" + value.length] = true;
        if (/^[0-9]+$/.test(value) && value.length < 7) report.shortDigitNumbers++;
        const trimmed = String(raw).trim();
        for (let i = 0; i < JOINERS.length; i++) {
          const j = JOINERS.charAt(i);
          if (joiners.indexOf(j) < 0 && new RegExp("[0-9A-Za-z]\\" + j + "[0-9A-Za-z]").test(trimmed)) joiners += j;
        }
      }
    });
    report.columns.push(r);
    headerColumns.push({ name: col.name, kind: col.kind, count: r.taken });
  }
  const shapeList = Object.keys(shapeCount).sort();
  const header: SetHeader = {
    keyId: keyIdOf(key),
    built,
    rows: report.rows,
    columns: headerColumns,
    counts: {
      email: canonicalValues.filter((v) => v.kind === "email").length,
      number: canonicalValues.filter((v) => v.kind === "number").length,
    },
    shapes: shapeList.length <= MAX_SHAPES ? shapeList : Object.keys(lengths).sort(),
    joiners: JOINERS.split("").filter((j) => joiners.indexOf(j) >= 0).join(""),
  };
  const n = canonicalValues.length;
  const keys = new Int32Array(n * KEY_WORDS);
  const words = new Int32Array(KEY_WORDS);
  canonicalValues.forEach((v, i) => {
    hash(v.kind, v.value, words);
    keys.set(words, i * KEY_WORDS);
  });
  const filter = buildFuse(keys, n, { arity: options.arity || 4, fingerprintBits: FINGERPRINT_BITS });
  const file = encode(header, filter);
  report.keys = n;
  report.bytes = file.length;
  return { file, header, report };
}

function encode(header: SetHeader, f: FuseFilter): Uint8Array {
  const json = ascii(JSON.stringify(header));
  const total = 28 + json.length + 4 + f.data.length + CHECK_BYTES;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = SET_FORMAT_VERSION;
  out[5] = f.arity;
  out[6] = f.fingerprintBits;
  view.setInt32(8, f.seed, true);
  view.setUint32(12, f.segmentLength, true);
  view.setUint32(16, f.segmentCount, true);
  view.setUint32(20, f.arrayLength, true);
  view.setUint32(24, json.length, true);
  out.set(json, 28);
  view.setUint32(28 + json.length, f.data.length, true);
  out.set(f.data, 32 + json.length);
  const body = out.subarray(0, total - CHECK_BYTES);
  out.set(sha256(body).subarray(0, CHECK_BYTES), total - CHECK_BYTES);
  return out;
}
