/**
 * 1-based line and column of offsets in one text. The line starts are found in one pass over the text, the first time
 * a position is asked for, and each offset is then a binary search: a file with many findings costs one pass, not one
 * pass per finding.
 */
export type PositionOf = (offset: number) => { line: number; column: number };

export function lineIndex(text: string): PositionOf {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    // The last line start at or before `offset`.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}
