import fc from "fast-check";
import { editDistance } from "./edit-distance";

/** Reference: the textbook full-matrix optimal string alignment distance, unbounded. */
function reference(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d[i] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0) d[i]![j] = j;
      else if (j === 0) d[i]![j] = i;
      else {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
        d[i]![j] = v;
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe("editDistance", () => {
  test.each([
    ["contoso", "contoso", 0],
    ["contoso", "contosso", 1], // insertion
    ["contoso", "contso", 1], // deletion
    ["contoso", "contoss", 1], // substitution
    ["contoso", "cnotoso", 1], // transposition
    ["gmail", "gmial", 1],
    ["contoso", "cnotsoo", 2],
    ["ca", "abc", 3], // OSA, not unrestricted Damerau–Levenshtein (which gives 2)
    ["", "abc", 3],
    ["abc", "", 3],
  ])("%s / %s → %s", (a, b, expected) => {
    expect(editDistance(a, b, 10)).toBe(expected);
  });

  test("bounded: anything over max is max + 1", () => {
    expect(editDistance("contoso", "fabrikam", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
  });

  test("agrees with the full-matrix reference on random strings (bounded and not)", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "-"), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const want = reference(a, b);
        expect(editDistance(a, b, max)).toBe(want > max ? max + 1 : want);
        expect(editDistance(a, b, 100)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});
