/**
 * Base64 → bytes, hand-written because `atob` is not available in classic Outlook's JavaScript-only runtime and the
 * handler decodes every attachment returned by `getAttachmentContentAsync` (base64). Accepts the standard and URL-safe
 * alphabets, ignores whitespace (MIME line breaks) and other junk, and stops at the first `=`. Fast path: four clean
 * characters at a time; any irregular character switches to a bit-accumulator loop for the rest. Never throws.
 */

const INVALID = 255;
const TABLE = (function () {
  const t = new Uint8Array(256);
  t.fill(INVALID);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  t[45] = 62; // '-' (URL-safe)
  t[95] = 63; // '_' (URL-safe)
  return t;
})();

function decodeCodes(at: (i: number) => number, length: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((length * 3) / 4));
  let o = 0;
  let i = 0;
  // Fast path: groups of four valid characters.
  while (i + 4 <= length) {
    const a = TABLE[at(i) & 255] as number;
    const b = TABLE[at(i + 1) & 255] as number;
    const c = TABLE[at(i + 2) & 255] as number;
    const d = TABLE[at(i + 3) & 255] as number;
    if ((a | b | c | d) === INVALID || a === INVALID || b === INVALID || c === INVALID || d === INVALID) break;
    if (at(i) > 255 || at(i + 1) > 255 || at(i + 2) > 255 || at(i + 3) > 255) break;
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
    i += 4;
  }
  // Slow path: whitespace, line breaks, padding, junk.
  let acc = 0;
  let bits = 0;
  for (; i < length; i++) {
    const code = at(i);
    if (code === 61) break; // '='
    const v = code > 255 ? INVALID : (TABLE[code] as number);
    if (v === INVALID) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return o === out.length ? out : out.subarray(0, o);
}

/** Decodes a base64 string (standard or URL-safe, whitespace allowed) to bytes. */
export function decodeBase64(text: string): Uint8Array {
  return decodeCodes((i) => text.charCodeAt(i), text.length);
}

/** Decodes base64 given as ASCII bytes (e.g. a MIME body) without building a string first. */
export function decodeBase64Bytes(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  return decodeCodes((i) => bytes[start + i] as number, Math.max(0, end - start));
}
