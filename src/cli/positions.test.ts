import { lineIndex } from "./positions";

/** The definition: line = 1 + newlines before the offset; column = distance from the last of them. */
function naive(text: string, offset: number) {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) {
    if (text.charAt(i) !== "\n") continue;
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

describe("lineIndex", () => {
  it.each([
    ["", 0, 1, 1],
    ["abc", 0, 1, 1],
    ["abc", 2, 1, 3],
    ["abc\n", 3, 1, 4],
    ["abc\n", 4, 2, 1],
    ["a\nb\nc", 4, 3, 1],
    ["\n\n\nx", 3, 4, 1],
    ["ab\r\ncd", 4, 2, 1],
    ["ab\ncd\n\nefg", 4, 2, 2],
    ["ab\ncd\n\nefg", 8, 4, 2],
  ])("%j at %i → %i:%i", (text, offset, line, column) => {
    expect(lineIndex(text)(offset)).toEqual({ line, column });
  });

  it("agrees with the definition at every offset of a mixed text, asked in any order", () => {
    const text = "first\n\nthird line\r\nfourth\n" + "x".repeat(50) + "\nlast";
    const at = lineIndex(text);
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => i).reverse();
    for (const o of offsets) expect(at(o)).toEqual(naive(text, o));
  });
});
