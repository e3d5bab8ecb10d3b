/**
 * A binary fuse filter (Graf and Lemire, "Binary Fuse Filters: Fast and Smaller Than Xor Filters", ACM JEA 2022): a
 * static set of n keys in about 1.1 × n × `fingerprintBits` bits that answers "maybe in the set" for every key and
 * "not in the set" for all other keys except a fraction 2^-fingerprintBits of them.
 *
 * Chosen for the customer set by measurement on 100,000 keys (`npm run bench -- customers` prints the figures): at
 * 20 bits per slot a 4-wise fuse filter takes 1.13 slots per key (275 KB), a 3-wise one 1.19 (290 KB), an xor filter
 * 1.23 (300 KB), and sorted truncated fingerprints with binary search need ⌈log2(n / 1e-6)⌉ = 37 bits per key
 * (452 KB) for the same 1e-6 goal. Only the 4-wise filter leaves room for the 21st bit the set uses (289 KB).
 * No npm package offers a binary fuse filter that runs in ES2016 without BigInt, hence this file (the parameters and
 * the construction follow the paper's reference code, binaryfusefilter.h).
 *
 * Keys are not hashed here: each key is KEY_WORDS 32-bit words of a keyed hash (HMAC-SHA-256, ./customer-set.ts), so
 * they are already uniform. The filter mixes them with its seed (murmur3's finaliser) so that a failed construction can
 * be retried with another seed, and uses word 0 for the first segment, words 1..arity-1 for the offsets in the
 * following segments and the last word for the fingerprint: plain 32-bit arithmetic, no 64-bit multiply.
 */

/** Words of keyed hash per key the filter reads (first position, up to three offsets, fingerprint). */
export const KEY_WORDS = 5;
/** Largest set the filter is built for (segment arithmetic stays exact in doubles). */
export const MAX_KEYS = 4000000;

export interface FuseFilter {
  arity: 3 | 4;
  /** 8..24. */
  fingerprintBits: number;
  seed: number;
  segmentLength: number;
  segmentCount: number;
  arrayLength: number;
  /** arrayLength fingerprints of `fingerprintBits` bits, little-endian bit order, plus 4 bytes of padding. */
  data: Uint8Array;
}

/** Module-level copies: a global lookup per call is slow where the module runs inside a vm context (jest, node:vm). */
const imul = Math.imul;
const floor = Math.floor;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

function seedWord(seed: number, i: number): number {
  return fmix((seed + imul(i + 1, 0x9e3779b9)) | 0);
}

/** The filter's layout for n keys (binaryfusefilter.h: segment length and size factor per arity). */
export function layout(n: number, arity: 3 | 4, grow = 1): { segmentLength: number; segmentCount: number; arrayLength: number } {
  const size = Math.max(n, 2);
  let segmentLength =
    arity === 3 ? Math.pow(2, Math.floor(Math.log(size) / Math.log(3.33) + 2.25)) : Math.pow(2, Math.floor(Math.log(size) / Math.log(2.91) - 0.5));
  segmentLength = Math.max(1, Math.min(segmentLength, 262144));
  const factor = arity === 3 ? Math.max(1.125, 0.875 + (0.25 * Math.log(1000000)) / Math.log(size)) : Math.max(1.075, 0.77 + (0.305 * Math.log(600000)) / Math.log(size));
  const capacity = n <= 1 ? arity : Math.round(size * factor * grow);
  const initSegmentCount = Math.max(1, Math.ceil(capacity / segmentLength) - (arity - 1));
  let arrayLength = (initSegmentCount + arity - 1) * segmentLength;
  let segmentCount = Math.ceil(arrayLength / segmentLength);
  segmentCount = segmentCount <= arity - 1 ? 1 : segmentCount - (arity - 1);
  arrayLength = (segmentCount + arity - 1) * segmentLength;
  return { segmentLength, segmentCount, arrayLength };
}

/** The slots of key `words[at, at + KEY_WORDS)` (arity of them, one per consecutive segment) into `out`. */
function positions(f: FuseFilter, words: Int32Array, at: number, out: Int32Array): void {
  const mask = f.segmentLength - 1;
  const u0 = (fmix((words[at] as number) ^ seedWord(f.seed, 0)) >>> 0) / 4294967296;
  const h0 = floor(u0 * f.segmentCount * f.segmentLength);
  out[0] = h0;
  for (let i = 1; i < f.arity; i++) out[i] = (h0 + i * f.segmentLength) ^ (fmix((words[at + i] as number) ^ seedWord(f.seed, i)) & mask);
}

function fingerprint(f: FuseFilter, words: Int32Array, at: number): number {
  const mask = f.fingerprintBits >= 32 ? -1 : (1 << f.fingerprintBits) - 1;
  return fmix((words[at + KEY_WORDS - 1] as number) ^ seedWord(f.seed, KEY_WORDS - 1)) & mask;
}

function get(f: FuseFilter, slot: number): number {
  const p = slot * f.fingerprintBits;
  const b = p >>> 3;
  const d = f.data;
  const v = ((d[b] as number) | ((d[b + 1] as number) << 8) | ((d[b + 2] as number) << 16) | ((d[b + 3] as number) << 24)) >>> (p & 7);
  return v & ((1 << f.fingerprintBits) - 1);
}

function put(f: FuseFilter, slot: number, v: number): void {
  const p = slot * f.fingerprintBits;
  const b = p >>> 3;
  const shifted = v << (p & 7);
  for (let k = 0; k < 4; k++) f.data[b + k] = (f.data[b + k] as number) | ((shifted >>> (8 * k)) & 0xff);
}

/** Bytes of the fingerprint array of a filter with this many slots. */
export function dataBytes(arrayLength: number, fingerprintBits: number): number {
  return Math.ceil((arrayLength * fingerprintBits) / 8) + 4;
}

const slots = new Int32Array(4);

/** True when the key may be in the set (always for its keys; for others with probability 2^-fingerprintBits). */
export function fuseContains(f: FuseFilter, words: Int32Array, at = 0): boolean {
  if (f.arrayLength === 0) return false;
  positions(f, words, at, slots);
  let x = fingerprint(f, words, at);
  for (let i = 0; i < f.arity; i++) x ^= get(f, slots[i] as number);
  return x === 0;
}

export interface BuildOptions {
  arity?: 3 | 4;
  fingerprintBits?: number;
  /** First seed tried (tests); later tries derive theirs from it. */
  seed?: number;
}

/**
 * Builds the filter of `n` keys (`keys` holds n × KEY_WORDS words; identical keys are allowed and count once).
 * Construction by peeling; a failed peel is retried with another seed, and every eighth failure adds 5 % of slots.
 */
export function buildFuse(keys: Int32Array, n: number, options: BuildOptions = {}): FuseFilter {
  const arity = options.arity || 4;
  const bits = options.fingerprintBits || 20;
  if (bits < 8 || bits > 24) throw new Error("fingerprint bits must be 8..24");
  if (n > MAX_KEYS) throw new Error(`at most ${MAX_KEYS} keys`);
  const unique = distinct(keys, n);
  const m = unique.length;
  let seed = options.seed !== undefined ? options.seed | 0 : 0x2545f491;
  for (let attempt = 0; attempt < 64; attempt++) {
    const shape = layout(m, arity, Math.pow(1.05, Math.floor(attempt / 8)));
    const f: FuseFilter = { arity, fingerprintBits: bits, seed, ...shape, data: new Uint8Array(dataBytes(m === 0 ? 0 : shape.arrayLength, bits)) };
    if (m === 0) return { ...f, arrayLength: 0, segmentCount: 0 };
    if (peel(f, keys, unique)) return f;
    seed = fmix((seed + 0x6d2b79f5) | 0);
  }
  throw new Error("the filter could not be built (64 seeds failed)");
}

/** Indices of the distinct keys (by all KEY_WORDS words). */
function distinct(keys: Int32Array, n: number): Int32Array {
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => {
    for (let w = 0; w < KEY_WORDS; w++) {
      const d = (keys[a * KEY_WORDS + w] as number) - (keys[b * KEY_WORDS + w] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  const out: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const k = order[i] as number;
    const prev = i > 0 ? (order[i - 1] as number) : -1;
    let same = prev >= 0;
    for (let w = 0; same && w < KEY_WORDS; w++) same = keys[k * KEY_WORDS + w] === keys[prev * KEY_WORDS + w];
    if (!same) out.push(k);
  }
  return new Int32Array(out);
}

function peel(f: FuseFilter, keys: Int32Array, unique: Int32Array): boolean {
  const m = unique.length;
  const a = f.arity;
  const pos = new Int32Array(m * a);
  const count = new Uint16Array(f.arrayLength);
  const xorKey = new Int32Array(f.arrayLength);
  const tmp = new Int32Array(4);
  for (let j = 0; j < m; j++) {
    positions(f, keys, (unique[j] as number) * KEY_WORDS, tmp);
    for (let i = 0; i < a; i++) {
      const s = tmp[i] as number;
      pos[j * a + i] = s;
      if (count[s] === 65535) return false;
      count[s] = (count[s] as number) + 1;
      xorKey[s] = (xorKey[s] as number) ^ j;
    }
  }
  const queue = new Int32Array(f.arrayLength);
  let qLen = 0;
  for (let s = 0; s < f.arrayLength; s++) if (count[s] === 1) queue[qLen++] = s;
  const stackKey = new Int32Array(m);
  const stackSlot = new Int32Array(m);
  let sLen = 0;
  while (qLen > 0) {
    const s = queue[--qLen] as number;
    if (count[s] !== 1) continue;
    const j = xorKey[s] as number;
    stackKey[sLen] = j;
    stackSlot[sLen] = s;
    sLen++;
    for (let i = 0; i < a; i++) {
      const p = pos[j * a + i] as number;
      xorKey[p] = (xorKey[p] as number) ^ j;
      count[p] = (count[p] as number) - 1;
      if (count[p] === 1) queue[qLen++] = p;
    }
  }
  if (sLen !== m) return false;
  for (let t = sLen - 1; t >= 0; t--) {
    const j = stackKey[t] as number;
    const s = stackSlot[t] as number;
    let v = fingerprint(f, keys, (unique[j] as number) * KEY_WORDS);
    for (let i = 0; i < a; i++) {
      const p = pos[j * a + i] as number;
      if (p !== s) v ^= get(f, p);
    }
    put(f, s, v);
  }
  return true;
}
