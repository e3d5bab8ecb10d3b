/**
 * Base64 → bytes, hand-written because `atob` is not available in classic Outlook's JavaScript-only runtime and the
 * handler decodes every attachment returned by `getAttachmentContentAsync` (base64). Accepts the standard and URL-safe
 * alphabets, ignores whitespace (MIME line breaks) and other junk, and stops at the first `=`. Fast path: four clean
 * characters at a time; any irregular character switches to a bit-accumulator loop for the rest. Never throws.
 * Also the two encoders of the bundle (no `btoa` either): one line (encodeBase64) and MIME lines (encodeBase64Lines).
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

/** Slow path from index i on: whitespace, line breaks, padding, junk. Returns the final output length. */
function finish(at: (i: number) => number, i: number, length: number, out: Uint8Array, o: number): number {
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
  return o;
}

/** Decodes a base64 string (standard or URL-safe, whitespace allowed) to bytes. */
export function decodeBase64(text: string): Uint8Array {
  const length = text.length;
  const out = new Uint8Array(Math.ceil((length * 3) / 4));
  let o = 0;
  let i = 0;
  // Fast path: groups of four valid characters (any invalid one, or a line break, leaves the loop).
  while (i + 4 <= length) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 255) break;
    const a = TABLE[c0] as number;
    const b = TABLE[c1] as number;
    const c = TABLE[c2] as number;
    const d = TABLE[c3] as number;
    if ((a | b | c | d) > 63) {
      // A line break: skip whitespace and continue on the fast path.
      if (c0 === 13 || c0 === 10) {
        i++;
        continue;
      }
      break;
    }
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
    i += 4;
  }
  o = finish((k) => text.charCodeAt(k), i, length, out, o);
  return o === out.length ? out : out.subarray(0, o);
}

/** Decodes base64 given as ASCII bytes (e.g. a MIME body) without building a string first. */
export function decodeBase64Bytes(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  const out = new Uint8Array(Math.ceil((Math.max(0, end - start) * 3) / 4));
  let o = 0;
  let i = start;
  while (i + 4 <= end) {
    const a = TABLE[bytes[i] as number] as number;
    const b = TABLE[bytes[i + 1] as number] as number;
    const c = TABLE[bytes[i + 2] as number] as number;
    const d = TABLE[bytes[i + 3] as number] as number;
    if ((a | b | c | d) > 63) {
      if (bytes[i] === 13 || bytes[i] === 10) {
        i++;
        continue;
      }
      break;
    }
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
    i += 4;
  }
  o = finish((k) => bytes[k] as number, i, end, out, o);
  return o === out.length ? out : out.subarray(0, o);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Bytes → base64 in one line (no btoa in the JavaScript-only runtime), for the customer set's cache
 * (src/outlook/customer-source.ts); chunked so no string grows one character at a time.
 */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    chunk += ALPHABET.charAt(n >>> 18) + ALPHABET.charAt((n >>> 12) & 63) + ALPHABET.charAt((n >>> 6) & 63) + ALPHABET.charAt(n & 63);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    chunk += ALPHABET.charAt(n >>> 18) + ALPHABET.charAt((n >>> 12) & 63) + "==";
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    chunk += ALPHABET.charAt(n >>> 18) + ALPHABET.charAt((n >>> 12) & 63) + ALPHABET.charAt((n >>> 6) & 63) + "=";
  }
  parts.push(chunk);
  return parts.join("");
}

/** Bytes → base64 in lines of 76 characters (MIME), for the .eml rendering of messages embedded in a .msg. */
export function encodeBase64Lines(bytes: Uint8Array, onLine?: () => void): string {
  const lines: string[] = [];
  const line: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0;
    line.push(
      ALPHABET.charAt(a >> 2) +
        ALPHABET.charAt(((a & 3) << 4) | (b >> 4)) +
        (i + 1 < bytes.length ? ALPHABET.charAt(((b & 15) << 2) | (c >> 6)) : "=") +
        (i + 2 < bytes.length ? ALPHABET.charAt(c & 63) : "="),
    );
    if (line.length === 19) {
      if (onLine) onLine();
      lines.push(line.join(""));
      line.length = 0;
    }
  }
  if (line.length) lines.push(line.join(""));
  return lines.join("\r\n");
}
