/**
 * Damerau–Levenshtein distance in its restricted form (optimal string alignment: insertions, deletions,
 * substitutions and transpositions of two adjacent characters, no substring edited twice), bounded: the lookalike
 * check only asks "is it at most 1 or 2?", so the computation stops as soon as a whole row exceeds the bound and the
 * answer is then `max + 1`. Counts UTF-16 code units (domain skeletons are ASCII but for rare letters).
 *
 * Hand-written: the common npm package (damerau-levenshtein 1.0.8) allocates an (n+1)² matrix of arrays per call, has
 * no bound (its `limit` only sizes the matrix) and, once the diagonal passes 4, returns the longer length instead of
 * the distance; three reused rows here are enough.
 */

let rowA: number[] = [];
let rowB: number[] = [];
let rowC: number[] = [];

/** The OSA distance of `a` and `b`, or `max + 1` when it is larger than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (!la || !lb) return Math.max(la, lb);
  // prev2 = row i-2, prev = row i-1, cur = row i (columns 0..lb).
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = (prev[j - 1] as number) + cost;
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      if (del < d) d = del;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const t = (prev2[j - 2] as number) + 1;
        if (t < d) d = t;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  rowA = prev2;
  rowB = prev;
  rowC = cur;
  const result = prev[lb] as number;
  return result > max ? max + 1 : result;
}
