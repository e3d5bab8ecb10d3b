/**
 * Raw-deflate (RFC 1951) inflation with hard bounds, hand-written. Why not fflate here (fflate is still used for every
 * test fixture and the bench baseline): its one-shot `inflateSync` trusts the output size it is given and, for a lying
 * zip directory, keeps decoding until the stream ends (CPU proportional to the real output, whatever was declared); its
 * streaming `Inflate` allocates and copies a growing buffer on every pushed chunk, which made the bench's 26 MB sheet
 * inflate ~30 % slower than the one-shot path (and left ~2 MB of garbage per 64 KB of input). This decoder writes
 * straight into one output buffer — of the declared size for a zip entry, or grown up to the caps when the size is
 * unknown (PDF streams) — and stops at the first byte past the declared size; every INFLATE_STEP_BYTES of output and
 * every 16 blocks it checks the compression ratio, the caps and the clock. Malformed data (bad block type, invalid or
 * over-subscribed Huffman codes, distances before the start, truncation) → PartFailure("corrupt"). It never writes
 * past the output buffer; bit reads near the end of the input see 0 past the last byte, and any position past the end
 * is reported as truncation.
 */
import { Context, PartFailure, Stop } from "./context";
import { INFLATE_STEP_BYTES, MAX_COMPRESSION_RATIO, MAX_ENTRY_INFLATED_BYTES, MAX_TOTAL_INFLATED_BYTES, RATIO_CHECK_MIN_BYTES } from "./limits";

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which code-length code lengths are stored in a dynamic block header. */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const corrupt = () => new PartFailure("corrupt", "deflate data is damaged");
const truncated = () => new PartFailure("corrupt", "deflate stream is truncated");

/**
 * Huffman decoding table for code lengths `lengths[0..n)`: indexed by the next `bits` input bits (LSB first), each entry
 * is symbol << 4 | code length; 0 marks a bit pattern that is no code. Over-subscribed lengths → corrupt.
 */
interface HuffmanTable {
  entries: Uint16Array;
  bits: number;
}
function buildTable(lengths: Uint8Array, n: number): HuffmanTable {
  let max = 0;
  const count = new Uint16Array(16);
  for (let i = 0; i < n; i++) {
    const l = lengths[i] as number;
    count[l] = (count[l] as number) + 1;
    if (l > max) max = l;
  }
  const t = new Uint16Array(1 << Math.max(max, 1));
  if (max === 0) return { entries: t, bits: 1 };
  const next = new Uint16Array(16);
  let code = 0;
  count[0] = 0;
  for (let l = 1; l <= max; l++) {
    code = (code + (count[l - 1] as number)) << 1;
    next[l] = code;
    if (code + (count[l] as number) > 1 << l) throw corrupt(); // over-subscribed
  }
  for (let sym = 0; sym < n; sym++) {
    const l = lengths[sym] as number;
    if (!l) continue;
    const c = next[l] as number;
    next[l] = c + 1;
    // Reverse the l-bit code: deflate sends Huffman codes most significant bit first into an LSB-first stream.
    let r = 0;
    for (let k = 0; k < l; k++) r |= ((c >> k) & 1) << (l - 1 - k);
    const entry = (sym << 4) | l;
    for (let j = r; j < t.length; j += 1 << l) t[j] = entry;
  }
  return { entries: t, bits: max };
}

let fixed: { lit: HuffmanTable; dist: HuffmanTable } | null = null;
function fixedTables(): { lit: HuffmanTable; dist: HuffmanTable } {
  if (fixed) return fixed;
  const l = new Uint8Array(288);
  for (let i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
  const d = new Uint8Array(30).fill(5);
  fixed = { lit: buildTable(l, 288), dist: buildTable(d, 30) };
  return fixed;
}

/** n (0..16) bits at bit position q, LSB first; bytes past the end read as 0 (callers check q against the length). */
function bitsAt(data: Uint8Array, q: number, n: number): number {
  const b = q >> 3;
  return ((((data[b] as number) | ((data[b + 1] as number) << 8) | ((data[b + 2] as number) << 16)) >>> (q & 7)) & ((1 << n) - 1)) >>> 0;
}

/** The ratio and the clock, every INFLATE_STEP_BYTES of output (and before every growth of the buffer). */
function step(ctx: Context, produced: number, consumed: number, available: number): void {
  consumed = Math.min(consumed, available); // bits read past the end are not input
  if (produced > RATIO_CHECK_MIN_BYTES && produced / Math.max(1, consumed) > MAX_COMPRESSION_RATIO) {
    throw new PartFailure("limit", "compression ratio over " + MAX_COMPRESSION_RATIO + ":1 (zip bomb?)");
  }
  ctx.checkTime();
}

/** A buffer holding `need` bytes with the first `used` of `out` copied in, or the limit that `need` crosses. */
function grow(ctx: Context, out: Uint8Array, used: number, need: number, declared: boolean, sizeCap: number): Uint8Array {
  if (declared) throw new PartFailure("limit", "entry inflates past its declared size (lying zip directory)");
  if (need > sizeCap) {
    if (need > MAX_TOTAL_INFLATED_BYTES - ctx.inflated) {
      ctx.inflated = MAX_TOTAL_INFLATED_BYTES;
      throw new Stop("limit", "total inflated size over " + MAX_TOTAL_INFLATED_BYTES + " bytes");
    }
    throw new PartFailure("limit", "entry inflates to more than " + MAX_ENTRY_INFLATED_BYTES + " bytes");
  }
  const bigger = new Uint8Array(Math.min(sizeCap, Math.max(need, out.length * 2)));
  bigger.set(out.subarray(0, used));
  return bigger;
}

/**
 * Inflates raw deflate data. With a declared size (zip), output goes into a buffer of exactly that size and one byte
 * more than declared stops the entry ("lying zip directory"). Without one (PDF), the buffer grows up to the caps.
 * Throws PartFailure (limit/corrupt) or Stop (timeout, total limit). Counts what it keeps in ctx.inflated.
 */
export function inflateRaw(ctx: Context, data: Uint8Array, expectedSize = -1): Uint8Array {
  const state = new Inflation(ctx, data, expectedSize);
  if (data.length === 0) return state.out.subarray(0, 0);
  const codeLengths = new Uint8Array(320); // reused by every dynamic block
  let final = 0;
  while (!final) {
    if (state.bitPos + 3 > state.totalBits) throw truncated();
    final = bitsAt(data, state.bitPos, 1);
    const type = bitsAt(data, state.bitPos + 1, 2);
    state.bitPos += 3;
    if ((++state.blocks & 15) === 0) ctx.checkTime(); // many tiny blocks produce little output but cost table builds
    if (type === BLOCK_STORED) {
      storedBlock(state);
      continue;
    }
    if (type === BLOCK_FIXED) {
      const tables = fixedTables();
      huffmanBlock(state, tables.lit, tables.dist);
    } else if (type === BLOCK_DYNAMIC) {
      const tables = dynamicTables(state, codeLengths);
      huffmanBlock(state, tables.lit, tables.dist);
    } else throw corrupt();
    if (state.bitPos > state.totalBits) throw truncated();
    state.checkpointIfDue();
  }
  state.checkpoint(); // at least once per entry or stream, however small
  ctx.inflated += state.written;
  return state.written === state.out.length ? state.out : state.out.subarray(0, state.written);
}

/** Deflate block types (RFC 1951 §3.2.3, BTYPE). */
const BLOCK_STORED = 0;
const BLOCK_FIXED = 1;
const BLOCK_DYNAMIC = 2;
const END_OF_BLOCK = 256;

/** One inflation in progress: the input, where it is read (in bits), the output and how much of it is written. */
class Inflation {
  readonly ctx: Context;
  readonly data: Uint8Array;
  readonly totalBits: number;
  /** The size cap for this entry: the per-entry limit or what is left of the total, whichever is smaller. */
  readonly sizeCap: number;
  /** The output has a declared size (zip) that is within the caps: the buffer never grows. */
  readonly declared: boolean;
  out: Uint8Array;
  bitPos = 0;
  written = 0;
  blocks = 0;
  /** Output size at which the next checkpoint is due (read inline by the hot loop). */
  nextCheck = INFLATE_STEP_BYTES;

  constructor(ctx: Context, data: Uint8Array, expectedSize: number) {
    this.ctx = ctx;
    this.data = data;
    this.totalBits = data.length * 8;
    this.sizeCap = Math.max(0, Math.min(MAX_ENTRY_INFLATED_BYTES, MAX_TOTAL_INFLATED_BYTES - ctx.inflated));
    this.declared = expectedSize >= 0 && expectedSize <= this.sizeCap;
    this.out = new Uint8Array(this.declared ? expectedSize : Math.min(this.sizeCap, Math.max(1024, data.length * 4)));
  }

  /** Makes room for `need` bytes of output in total (checking ratio and clock first), or throws the limit. */
  reserve(need: number): void {
    if (need <= this.out.length) return;
    this.checkpoint();
    this.out = grow(this.ctx, this.out, this.written, need, this.declared, this.sizeCap);
  }

  checkpoint(): void {
    step(this.ctx, this.written, this.bitPos >> 3, this.data.length);
  }

  /** The ratio and the clock once INFLATE_STEP_BYTES more output was written since the last time. */
  checkpointIfDue(): void {
    if (this.written < this.nextCheck) return;
    this.checkpoint();
    this.nextCheck = this.written + INFLATE_STEP_BYTES;
  }
}

/** A stored block (§3.2.4): byte-aligned LEN, NLEN (its one's complement), then LEN bytes copied as they are. */
function storedBlock(state: Inflation): void {
  const data = state.data;
  const start = (state.bitPos + 7) >> 3;
  if (start + 4 > data.length) throw truncated();
  const n = (data[start] as number) | ((data[start + 1] as number) << 8);
  const complement = (data[start + 2] as number) | ((data[start + 3] as number) << 8);
  if ((n ^ 0xffff) !== complement) throw corrupt();
  if (start + 4 + n > data.length) throw truncated();
  state.reserve(state.written + n);
  state.out.set(data.subarray(start + 4, start + 4 + n), state.written);
  state.written += n;
  state.bitPos = (start + 4 + n) * 8;
  state.checkpointIfDue();
}

/**
 * A dynamic block's header (§3.2.7): HLIT, HDIST, HCLEN, the code-length code, then the literal/length and distance
 * code lengths (run-length coded by symbols 16, 17, 18) into `codeLengths`.
 */
function dynamicTables(state: Inflation, codeLengths: Uint8Array): { lit: HuffmanTable; dist: HuffmanTable } {
  const data = state.data;
  let p = state.bitPos;
  const hlit = bitsAt(data, p, 5) + 257;
  const hdist = bitsAt(data, p + 5, 5) + 1;
  const hclen = bitsAt(data, p + 10, 4) + 4;
  p += 14;
  if (hlit > 286 || hdist > 30) throw corrupt();
  const codeLengthLengths = new Uint8Array(19);
  for (let i = 0; i < hclen; i++) codeLengthLengths[CL_ORDER[i] as number] = bitsAt(data, p + i * 3, 3);
  p += hclen * 3;
  const codeLengthTable = buildTable(codeLengthLengths, 19);
  const total = hlit + hdist;
  codeLengths.fill(0);
  for (let i = 0; i < total; ) {
    if (p > state.totalBits) throw truncated();
    const e = codeLengthTable.entries[bitsAt(data, p, codeLengthTable.bits)] as number;
    if (!e) throw corrupt();
    p += e & 15;
    const sym = e >> 4;
    if (sym < 16) {
      codeLengths[i++] = sym;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (sym === 16) {
      // Repeat the previous length 3–6 times.
      if (i === 0) throw corrupt();
      value = codeLengths[i - 1] as number;
      repeat = 3 + bitsAt(data, p, 2);
      p += 2;
    } else if (sym === 17) {
      // Zero, 3–10 times.
      repeat = 3 + bitsAt(data, p, 3);
      p += 3;
    } else {
      // Zero, 11–138 times.
      repeat = 11 + bitsAt(data, p, 7);
      p += 7;
    }
    if (i + repeat > total) throw corrupt();
    while (repeat--) codeLengths[i++] = value;
  }
  if (p > state.totalBits) throw truncated();
  state.bitPos = p;
  return { lit: buildTable(codeLengths.subarray(0, hlit), hlit), dist: buildTable(codeLengths.subarray(hlit, total), hdist) };
}

/**
 * The hot loop: literal/length and distance codes of one Huffman block up to end-of-block (§3.2.5). Position, output
 * and count live in locals here and are written back to `state` before every call that reads them (reserve,
 * checkpoint) and at the end. The bit reads are bitsAt inlined by hand.
 */
function huffmanBlock(state: Inflation, lit: HuffmanTable, dist: HuffmanTable): void {
  const data = state.data;
  const totalBits = state.totalBits;
  const litEntries = lit.entries;
  const litMask = (1 << lit.bits) - 1;
  const distEntries = dist.entries;
  const distMask = (1 << dist.bits) - 1;
  let p = state.bitPos;
  let o = state.written;
  let out = state.out;
  for (;;) {
    const b0 = p >> 3;
    const e = litEntries[(((data[b0] as number) | ((data[b0 + 1] as number) << 8) | ((data[b0 + 2] as number) << 16)) >>> (p & 7)) & litMask] as number;
    if (!e) throw corrupt();
    p += e & 15;
    const sym = e >> 4;
    if (sym < END_OF_BLOCK) {
      // Past the end of the input every bit reads as 0, which can decode as a literal forever: stop at the end.
      if (p > totalBits) throw truncated();
      if (o >= out.length) {
        state.bitPos = p;
        state.written = o;
        state.reserve(o + 1);
        out = state.out;
      }
      out[o++] = sym;
      continue;
    }
    if (sym === END_OF_BLOCK) break;
    const lengthCode = sym - 257;
    if (lengthCode >= 29) throw corrupt();
    const lengthExtra = LEN_EXTRA[lengthCode] as number;
    const length = (LEN_BASE[lengthCode] as number) + (lengthExtra ? bitsAt(data, p, lengthExtra) : 0);
    p += lengthExtra;
    const b1 = p >> 3;
    const d = distEntries[(((data[b1] as number) | ((data[b1 + 1] as number) << 8) | ((data[b1 + 2] as number) << 16)) >>> (p & 7)) & distMask] as number;
    if (!d) throw corrupt();
    p += d & 15;
    const distCode = d >> 4;
    if (distCode >= 30) throw corrupt();
    const distExtra = DIST_EXTRA[distCode] as number;
    const distance = (DIST_BASE[distCode] as number) + (distExtra ? bitsAt(data, p, distExtra) : 0);
    p += distExtra;
    if (p > totalBits) throw truncated();
    if (distance > o) throw corrupt();
    const end = o + length;
    if (end > out.length) {
      state.bitPos = p;
      state.written = o;
      state.reserve(end);
      out = state.out;
    }
    if (length >= 8 && distance >= length) {
      out.copyWithin(o, o - distance, end - distance); // long non-overlapping copy: native memmove
      o = end;
    } else for (let k = o - distance; o < end; ) out[o++] = out[k++] as number;
    if (o >= state.nextCheck) {
      state.bitPos = p;
      state.written = o;
      state.checkpointIfDue();
    }
  }
  state.bitPos = p;
  state.written = o;
}

/** zlib-wrapped (PDF FlateDecode): skips the 2-byte header when present, tolerates a missing/bad Adler-32 trailer. */
export function inflateZlib(ctx: Context, data: Uint8Array): Uint8Array {
  const b0 = data[0] as number;
  const b1 = data[1] as number;
  const hasHeader = data.length >= 2 && (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
  return inflateRaw(ctx, hasHeader ? data.subarray(2) : data);
}
