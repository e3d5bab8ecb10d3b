/**
 * HMAC-SHA-256 of a text under a key, for the first-time recipient history (recipient-history.ts). SHA-256 and HMAC
 * come from fast-sha256 (public domain, ES5, typed arrays only, 2.5 KB gzip in launchevent.js); @noble/hashes 1.x,
 * the other maintained choice, calls BigInt() at run time, which the classic Outlook runtime lacks. Nothing on main
 * had a SHA-256 when this was written. Text is hashed as UTF-8 (encoded here: TextEncoder is not available in the
 * JavaScript-only runtime).
 */
import { HMAC } from "fast-sha256";
import { codePoints } from "./script";

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8(s: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) >= 0x80) ascii = false;
  if (ascii) {
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }
  const out: number[] = [];
  for (let cp of codePoints(s)) {
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return new Uint8Array(out);
}

/** HMAC-SHA-256 with one key for many texts (the key's pads are computed once). */
export class KeyedHash {
  private readonly hmac: HMAC;
  private readonly out = new Uint8Array(32);

  constructor(key: Uint8Array) {
    this.hmac = new HMAC(key);
  }

  /** The 32-byte MAC of the text's UTF-8, in a buffer reused by the next call (copy what you keep). */
  digest(text: string): Uint8Array {
    this.hmac.reset();
    this.hmac.update(utf8(text));
    this.hmac.finish(this.out);
    return this.out;
  }
}
