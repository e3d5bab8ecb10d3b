import { fnv1a32, hashLetters, policyVersion } from "./version";
import { testPolicy } from "../test-policy";

describe("policyVersion", () => {
  it("FNV-1a matches the published test values", () => {
    // Test vectors of the FNV reference (draft-eastlake-fnv): "" and "a" and "foobar".
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("writes the 32 bits as 8 letters, no digits and no vowels", () => {
    expect(hashLetters(0)).toBe("bbbbbbbb");
    expect(hashLetters(0xffffffff)).toBe("tttttttt");
    expect(hashLetters(0x01234567)).toBe("bcdfghjk");
    expect(hashLetters(0x89abcdef)).toBe("lmnpqrst");
  });

  it("is 8 letters, the same for equal policies and different when anything changes", () => {
    const a = policyVersion(testPolicy());
    expect(a).toMatch(/^[bcdfghjklmnpqrst]{8}$/);
    expect(policyVersion(testPolicy())).toBe(a);
    expect(policyVersion(testPolicy({ onUnscanned: "block" }))).not.toBe(a);
    expect(policyVersion(testPolicy({ timeBudgetMs: 4001 }))).not.toBe(a);
  });
});
