import * as crypto from "crypto";
import { buildFuse, fuseContains, KEY_WORDS, layout } from "./fuse";

const randomKeys = (n: number) => new Int32Array(new Uint8Array(crypto.randomBytes(n * KEY_WORDS * 4)).buffer);

describe("binary fuse filter", () => {
  it.each([0, 1, 2, 3, 7, 50, 1000, 20000])("holds every one of %i keys (arity 3 and 4)", (n) => {
    for (const arity of [3, 4] as const) {
      const keys = randomKeys(n);
      const f = buildFuse(keys, n, { arity });
      let missing = 0;
      for (let i = 0; i < n; i++) if (!fuseContains(f, keys, i * KEY_WORDS)) missing++;
      expect([arity, n, missing]).toEqual([arity, n, 0]);
    }
  });

  it("counts identical keys once and still builds", () => {
    const keys = randomKeys(100);
    keys.copyWithin(50 * KEY_WORDS, 0, 50 * KEY_WORDS);
    const f = buildFuse(keys, 100);
    for (let i = 0; i < 100; i++) expect(fuseContains(f, keys, i * KEY_WORDS)).toBe(true);
  });

  it("false positives stay near 2^-fingerprintBits (20 bits: 2,000,000 random probes)", () => {
    const n = 20000;
    const f = buildFuse(randomKeys(n), n, { fingerprintBits: 20 });
    const probes = randomKeys(2000000);
    let hits = 0;
    for (let i = 0; i < 2000000; i++) if (fuseContains(f, probes, i * KEY_WORDS)) hits++;
    // Expected 1.9; a 16-bit filter would give about 30 and a 12-bit one about 490.
    expect(hits).toBeLessThanOrEqual(9);
  });

  it("the same filter with 12-bit fingerprints shows its higher rate (the measurement can fail)", () => {
    const n = 20000;
    const f = buildFuse(randomKeys(n), n, { fingerprintBits: 12 });
    const probes = randomKeys(200000);
    let hits = 0;
    for (let i = 0; i < 200000; i++) if (fuseContains(f, probes, i * KEY_WORDS)) hits++;
    expect(hits).toBeGreaterThan(20);
    expect(hits).toBeLessThan(100);
  });

  it("4-wise takes fewer slots than 3-wise for 100,000 keys (the paper's size factors)", () => {
    const four = layout(100000, 4).arrayLength / 100000;
    const three = layout(100000, 3).arrayLength / 100000;
    expect(four).toBeLessThan(three);
    expect(four).toBeLessThan(1.15);
  });
});
