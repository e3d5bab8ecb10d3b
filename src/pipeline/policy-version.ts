/**
 * The policy version stamped on every checked message: a short hash of the compiled policy, so compliance staff can
 * tell which policy decided a message (build:tenant prints it and writes it to build-info.json; `dlp report` lists the
 * versions it saw).
 *
 * FNV-1a (32 bit) over the UTF-8 bytes of the policy's canonical JSON (object keys sorted, so the same policy gives the
 * same version however its object was built). Hand-written: nothing on main hashes, a library for ten lines of FNV is
 * not worth a dependency, and the runtime has no TextEncoder or crypto. Written as 8 letters from a 16-consonant
 * alphabet: no digits (a header value never carries a digit run that could pass for an identifier) and no vowels (no
 * accidental words). 32 bits tell policy versions apart; they are not a security measure.
 *
 * Pure ES2016: runs in the send handler.
 */
import type { Policy } from "../engine/policy/types";

/** One letter per 4 bits. */
const ALPHABET = "bcdfghjklmnpqrst";
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** JSON with object keys sorted at every level (arrays keep their order; undefined members are left out, as JSON does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const s = JSON.stringify(value);
    return s === undefined ? "null" : s;
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(value[i] === undefined ? "null" : canonicalJson(value[i]));
    return "[" + items.join(",") + "]";
  }
  const obj = value as { [k: string]: unknown };
  const keys = Object.keys(obj).sort();
  const parts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (obj[k] === undefined) continue;
    parts.push(JSON.stringify(k) + ":" + canonicalJson(obj[k]));
  }
  return "{" + parts.join(",") + "}";
}

/** FNV-1a, 32 bit, over the UTF-8 encoding of `text` (lone surrogates encoded as U+FFFD). */
export function fnv1a32(text: string): number {
  let h = FNV_OFFSET;
  const add = (byte: number) => {
    h = Math.imul(h ^ byte, FNV_PRIME) >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) add(c);
    else if (c < 0x800) {
      add(0xc0 | (c >> 6));
      add(0x80 | (c & 63));
    } else if (c < 0x10000) {
      add(0xe0 | (c >> 12));
      add(0x80 | ((c >> 6) & 63));
      add(0x80 | (c & 63));
    } else {
      add(0xf0 | (c >> 18));
      add(0x80 | ((c >> 12) & 63));
      add(0x80 | ((c >> 6) & 63));
      add(0x80 | (c & 63));
    }
  }
  return h >>> 0;
}

/** A 32-bit number as 8 letters (most significant first). */
export function hashLetters(h: number): string {
  let out = "";
  for (let shift = 28; shift >= 0; shift -= 4) out += ALPHABET.charAt((h >>> shift) & 15);
  return out;
}

const versions = new WeakMap<Policy, string>();

/** The version of a compiled policy ("kdqmbtfh"), computed once per policy object. */
export function policyVersion(policy: Policy): string {
  let v = versions.get(policy);
  if (v === undefined) {
    v = hashLetters(fnv1a32(canonicalJson(policy)));
    versions.set(policy, v);
  }
  return v;
}
