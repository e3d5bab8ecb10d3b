/**
 * A short fingerprint of a compiled policy: what a cached result, an audit header or a log line records to say which
 * policy made it. FNV-1a (32 bit) over the policy's JSON, written as 8 letters from a 16-consonant alphabet (4 bits
 * each): no digits, so the X-ThinkFirst-Check header, which refuses digit runs that could pass for an identifier, can
 * always carry it, and no vowels, so no accidental words. Not a security measure (nothing secret is hashed), only a
 * change detector; two different policies share a fingerprint with probability 2^-32. Computed once per policy object.
 */
import type { Policy } from "./types";

const seen = new WeakMap<object, string>();

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const LETTERS = "bcdfghjklmnpqrst";

/** A 32-bit number as 8 letters, most significant first ("bcdfghjk" for 0x01234567). */
export function hashLetters(h: number): string {
  let out = "";
  for (let shift = 28; shift >= 0; shift -= 4) out += LETTERS.charAt((h >>> shift) & 15);
  return out;
}

/** The fingerprint of `policy` ("kdqmbtfh"). */
export function policyVersion(policy: Policy): string {
  const known = seen.get(policy);
  if (known) return known;
  const letters = hashLetters(fnv1a32(JSON.stringify(policy)));
  seen.set(policy, letters);
  return letters;
}
