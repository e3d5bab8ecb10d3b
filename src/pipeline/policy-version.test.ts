import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import { canonicalJson, fnv1a32, hashLetters, policyVersion } from "./policy-version";

const defaultPolicy = () => loadPolicy(fs.readFileSync(path.join(__dirname, "../../assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");

/** FNV-1a over bytes, written from the definition (for the UTF-8 cross-check). */
function fnvBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Number((BigInt(h ^ b) * 0x01000193n) & 0xffffffffn);
  return h >>> 0;
}

describe("fnv1a32", () => {
  it("matches the published FNV-1a 32-bit test vectors (draft-eastlake-fnv)", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("hashes the UTF-8 bytes of any string, astral characters and lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        expect(fnv1a32(s)).toBe(fnvBytes(new Uint8Array(Buffer.from(s, "utf8"))));
      }),
      { numRuns: 500 },
    );
    expect(fnv1a32("\ud800x")).toBe(fnvBytes(new Uint8Array(Buffer.from("\ufffdx", "utf8"))));
  });
});

describe("hashLetters", () => {
  it("writes 8 letters, no digits, no vowels", () => {
    expect(hashLetters(0)).toBe("bbbbbbbb");
    expect(hashLetters(0xffffffff)).toBe("tttttttt");
    expect(hashLetters(0x0123abcd)).toMatch(/^[bcdfghjklmnpqrst]{8}$/);
    expect(hashLetters(0x01234567)).toBe("bcdfghjk");
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: "x" })).toBe('{"b":"x"}');
  });
});

describe("policyVersion", () => {
  it("is the same for the same policy however its keys are ordered, and changes with any value", () => {
    const p = defaultPolicy();
    const v = policyVersion(p);
    expect(v).toMatch(/^[bcdfghjklmnpqrst]{8}$/);
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])])) : v;
    const reordered = reversed(p) as typeof p;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(p));
    expect(policyVersion(reordered)).toBe(v);
    const changed = JSON.parse(JSON.stringify(p));
    changed.thresholds.emailList += 1;
    expect(policyVersion(changed)).not.toBe(v);
    const renamed = JSON.parse(JSON.stringify(p));
    renamed.rules[0].id += "-x";
    expect(policyVersion(renamed)).not.toBe(v);
  });

  it("is computed once per policy object", () => {
    const p = defaultPolicy();
    const first = policyVersion(p);
    p.thresholds.emailList += 5; // a compiled policy is never mutated; this shows the cache answers
    expect(policyVersion(p)).toBe(first);
  });
});
