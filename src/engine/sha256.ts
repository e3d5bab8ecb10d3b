/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104) for the customer set and the recipient history: ES2016, no TextEncoder, no crypto.subtle (the
 * classic-Outlook runtime has neither, and crypto.subtle is asynchronous anyway).
 *
 * Hand-written rather than @noble/hashes 2.4 because a lookup hashes one short string, and what costs there is set-up,
 * not throughput. Measured once on this project's machine (node 20, 200,000 HMACs of 25-40 byte addresses, warm, one
 * run each in the same process):
 *   - this file, key pads compressed once (`hmacKey`): 1.2 µs per HMAC; 2.8 KB minified, 1.5 KB gzip;
 *   - @noble/hashes `hmac(sha256, key, msg)`: 11.5 µs (it re-derives the key pads on every call); a pre-keyed instance
 *     cloned per message: 2.5 µs; 7.4 KB minified, 3.2 KB gzip after tree-shaking to sha256 + hmac (its ES2020 output
 *     lowers to ES2016 and uses no BigInt or TextEncoder on that path, so it would have fitted);
 *   - node:crypto createHmac (not available in the add-in): 2.1 µs.
 * Both implementations agree with node:crypto; sha256.test.ts checks this one on the FIPS 180-4 and RFC 4231 vectors.
 *
 * The keyed hash keeps the key's inner and outer compression states (`hmacKey`), so one lookup of a message shorter than
 * 56 bytes is two compressions and no allocation beyond the reused buffers.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The initial hash value H(0). */
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** The message schedule, reused by every compression (the module is single-threaded). */
const W = new Int32Array(64);

/** One compression: `state` (8 words) is updated with the 64-byte block `block[at, at + 64)`. */
function compress(state: Int32Array, block: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const p = at + i * 4;
    W[i] = ((block[p] as number) << 24) | ((block[p + 1] as number) << 16) | ((block[p + 2] as number) << 8) | (block[p + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15] as number;
    const w2 = W[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + (K[i] as number) + (W[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

/** Working state and final block of `finish`, reused (no allocation per hash). */
const S = new Int32Array(8);
const TAIL = new Uint8Array(128);

/** Hashes `data` starting from `state` as if `prefixBytes` bytes had already been compressed; writes 8 words to `out`. */
function finish(state: Int32Array, prefixBytes: number, data: Uint8Array, length: number, out: Int32Array): void {
  S.set(state);
  let at = 0;
  for (; at + 64 <= length; at += 64) compress(S, data, at);
  const rest = length - at;
  const end = rest < 56 ? 64 : 128;
  for (let i = 0; i < rest; i++) TAIL[i] = data[at + i] as number;
  TAIL[rest] = 0x80;
  for (let i = rest + 1; i < end - 5; i++) TAIL[i] = 0;
  // Length in bits, big-endian, in the last 8 bytes (messages here are far below 2^40 bits).
  const bits = (prefixBytes + length) * 8;
  TAIL[end - 5] = (bits / 0x100000000) & 0xff;
  TAIL[end - 4] = (bits >>> 24) & 0xff;
  TAIL[end - 3] = (bits >>> 16) & 0xff;
  TAIL[end - 2] = (bits >>> 8) & 0xff;
  TAIL[end - 1] = bits & 0xff;
  compress(S, TAIL, 0);
  if (end === 128) compress(S, TAIL, 64);
  for (let i = 0; i < 8; i++) out[i] = S[i] as number;
}

export function wordsToBytes(words: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const w = words[i] as number;
    out[i * 4] = w >>> 24;
    out[i * 4 + 1] = (w >>> 16) & 0xff;
    out[i * 4 + 2] = (w >>> 8) & 0xff;
    out[i * 4 + 3] = w & 0xff;
  }
  return out;
}

/** SHA-256 of `data` (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  const out = new Int32Array(8);
  finish(IV, 0, data, data.length, out);
  return wordsToBytes(out);
}

/** A key prepared for HMAC-SHA-256: the compression states after the inner and outer pads. */
export interface HmacKey {
  inner: Int32Array;
  outer: Int32Array;
}

export function hmacKey(key: Uint8Array): HmacKey {
  const k = key.length > 64 ? sha256(key) : key;
  const pad = new Uint8Array(64);
  const inner = new Int32Array(IV);
  const outer = new Int32Array(IV);
  for (let i = 0; i < 64; i++) pad[i] = (i < k.length ? (k[i] as number) : 0) ^ 0x36;
  compress(inner, pad, 0);
  for (let i = 0; i < 64; i++) pad[i] = (i < k.length ? (k[i] as number) : 0) ^ 0x5c;
  compress(outer, pad, 0);
  return { inner, outer };
}

const innerWords = new Int32Array(8);
const innerBytes = new Uint8Array(32);

/**
 * HMAC-SHA-256 of data[0, length) as 8 big-endian words written to `out` (the first words are what the set uses).
 * `length` lets callers reuse one buffer for messages of any size.
 */
export function hmacWords(key: HmacKey, data: Uint8Array, length: number, out: Int32Array): void {
  finish(key.inner, 64, data, length, innerWords);
  for (let i = 0; i < 8; i++) {
    const w = innerWords[i] as number;
    innerBytes[i * 4] = w >>> 24;
    innerBytes[i * 4 + 1] = (w >>> 16) & 0xff;
    innerBytes[i * 4 + 2] = (w >>> 8) & 0xff;
    innerBytes[i * 4 + 3] = w & 0xff;
  }
  finish(key.outer, 64, innerBytes, 32, out);
}

/** HMAC-SHA-256 of `data` (32 bytes). */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Int32Array(8);
  hmacWords(hmacKey(key), data, data.length, out);
  return wordsToBytes(out);
}

/**
 * UTF-8 bytes of `s` into `buf` (grown when too small); returns the buffer and the byte length. Lone surrogates become
 * U+FFFD, as TextEncoder does.
 */
export function utf8Into(s: string, buf: Uint8Array): { buf: Uint8Array; length: number } {
  if (buf.length < s.length * 3) buf = new Uint8Array(s.length * 3 + 16);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        buf[n++] = 0xf0 | (c >>> 18);
        buf[n++] = 0x80 | ((c >>> 12) & 0x3f);
        buf[n++] = 0x80 | ((c >>> 6) & 0x3f);
        buf[n++] = 0x80 | (c & 0x3f);
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      buf[n++] = 0xc0 | (c >>> 6);
      buf[n++] = 0x80 | (c & 0x3f);
    } else {
      buf[n++] = 0xe0 | (c >>> 12);
      buf[n++] = 0x80 | ((c >>> 6) & 0x3f);
      buf[n++] = 0x80 | (c & 0x3f);
    }
  }
  return { buf, length: n };
}
