import { KeywordMatcher, KeywordHit, tokenize } from "./keywords";

function hits(m: KeywordMatcher, text: string): Array<[string, number, number, number[]]> {
  const out: KeywordHit[] = [];
  m.scan(text, 0, text.length, out);
  return out.map((h) => [h.keyword, h.start, h.end, h.groups]);
}

describe("KeywordMatcher", () => {
  const m = new KeywordMatcher([
    ["card", "credit card", "Kortti", "kort"],
    ["henkilötunnus", "rodné číslo", "fødselsnummer", "आधार", "شناختی کارڈ", "contacts", "kurdish"],
    ["card"],
  ]);

  test("exact, folded and case-insensitive; groups merged for shared keywords", () => {
    expect(hits(m, "My CARD:")).toEqual([["card", 3, 7, [0, 2]]]);
    // A token may stand for several keywords of a group ("kortti" and, by suffix, "kort"); the scanner counts them once.
    expect(hits(m, "KORTTI")).toEqual([
      ["kortti", 0, 6, [0]],
      ["kort", 0, 6, [0]],
    ]);
  });

  test("phrases over consecutive words, inflected", () => {
    expect(hits(m, "your credit  card")).toEqual([
      ["credit card", 5, 17, [0]],
      ["card", 13, 17, [0, 2]],
    ]);
    expect(hits(m, "podľa rodného čísla 7801")).toEqual([["rodne cislo", 6, 19, [1]]]);
  });

  test.each([
    ["Henkilötunnuksen", "henkilotunnus"],
    ["fødselsnummeret", "fodselsnummer"],
    ["cards", "card"],
    ["kortet", "kort"],
  ])("inflected %s → %s", (word, kw) => {
    expect(hits(m, "x " + word + " y").map((h) => h[0])).toContain(kw);
  });

  test("Devanagari and Urdu", () => {
    expect(hits(m, "आधार संख्या")).toEqual([["आधार", 0, 4, [1]]]);
    expect(hits(m, "میرا شناختی کارڈ نمبر")).toEqual([["شناختی کارڈ", 5, 16, [1]]]);
  });

  test.each(["cardigan", "kurt", "korting", "record", "discard", "henkilö", "rodina", "contract", "Kurzweil", "fødsel"])("no hit for %s", (word) => {
    expect(hits(m, "a " + word + " b")).toEqual([]);
  });

  test("scan only reports words starting in the range and does not split tokens", () => {
    const out: KeywordHit[] = [];
    const text = "card xcard card";
    const stop = m.scan(text, 6, 8, out);
    expect(out).toEqual([]);
    expect(stop).toBe(10);
  });
});

test("tokenize splits on digits, punctuation and Urdu/Hindi punctuation", () => {
  expect(tokenize("a1b, c—d؛ ە। x")).toEqual(["a", "b", "c", "d", "ە", "x"]);
});

describe("tokens named like Object.prototype members", () => {
  it("are words of the text, never keywords, and never crash the scan", () => {
    const m = new KeywordMatcher([["constructor number", "contract"]]);
    const hits: KeywordHit[] = [];
    m.scan("the constructor toString __proto__ hasOwnProperty valueOf contract", 0, 66, hits);
    expect(hits.map((h) => h.keyword)).toEqual(["contract"]);
    expect(m.resolve("toString")).toEqual([]);
  });
});
