/**
 * A short fingerprint of a compiled policy: what a cached result, an audit header or a log line records to say which
 * policy made it. FNV-1a (32 bit) over the policy's JSON, as 8 hex digits: not a security measure (nothing secret is
 * hashed), only a change detector; two different policies share a fingerprint with probability 2^-32. Computed once per
 * policy object.
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

/** The fingerprint of `policy` ("3f2a9c01"). */
export function policyVersion(policy: Policy): string {
  const known = seen.get(policy);
  if (known) return known;
  const hex = ("0000000" + fnv1a32(JSON.stringify(policy)).toString(16)).slice(-8);
  seen.set(policy, hex);
  return hex;
}
