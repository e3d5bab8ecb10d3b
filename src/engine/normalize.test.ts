import fc from "fast-check";
import { fold, normalizeText } from "./normalize";

describe("normalizeText", () => {
  test("ASCII text is returned as is", () => {
    const n = normalizeText("card 4111 1111 1111 1111.");
    expect(n.text).toBe("card 4111 1111 1111 1111.");
    expect(n.toOriginal(5, 24)).toEqual([5, 24]);
  });

  test("NBSP and narrow NBSP become spaces, offsets unchanged", () => {
    const n = normalizeText("a\u00a0b\u202fc\u2007d");
    expect(n.text).toBe("a b c d");
    expect(n.toOriginal(0, 7)).toEqual([0, 7]);
  });

  test("full-width digits become ASCII (NFKC and fallback)", () => {
    for (const nfkc of [true, false]) {
      const n = normalizeText("ｘ４１１１", nfkc);
      expect(n.text).toBe("x4111");
      expect(n.toOriginal(1, 5)).toEqual([1, 5]);
    }
  });

  test("Devanagari and Urdu digits become ASCII", () => {
    expect(normalizeText("आधार १२३४").text).toBe("आधार 1234");
    expect(normalizeText("نمبر ۱۲۳۴۵").text).toBe("نمبر 12345");
    expect(normalizeText("٣٤٥", false).text).toBe("345");
  });

  test("expanding characters map back to whole original code points", () => {
    // "①" → "1" (same length); "ﬁ" → "fi" (longer); an astral math digit (2 units) → "1" (shorter).
    const src = "ﬁ x𝟏23 ①";
    const n = normalizeText(src);
    expect(n.text).toBe("fi x123 1");
    const at = n.text.indexOf("123");
    const [s, e] = n.toOriginal(at, at + 3);
    expect(src.slice(s, e)).toBe("𝟏23");
    const [s2, e2] = n.toOriginal(0, 1);
    expect(src.slice(s2, e2)).toBe("ﬁ");
    expect(n.toOriginal(n.text.length - 1, n.text.length)).toEqual([src.length - 1, src.length]);
  });

  test("non-ASCII text with nothing to change is returned as is", () => {
    const s = "Henkilötunnus ja rodné číslo";
    expect(normalizeText(s).text).toBe(s);
  });
});

describe("property: offsets map back", () => {
  const ALPHABET = ["a", " ", "4", "\u00a0", "\u202f", "ｘ", "４", "१", "۵", "٣", "ﬁ", "𝟏", "①", "ä", "č", "é", "\u0301", "आ", "ک", "㍱", "ß"];
  const digitOf = (ch: string) => String(ch.normalize("NFKC").replace(/[^0-9]/g, ""));
  test("every output unit comes from the original code point that produces it; whole ranges map to whole ranges", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const src = chars.join("");
        const n = normalizeText(src);
        expect(n.toOriginal(0, n.text.length)).toEqual([0, src.length]);
        let rebuilt = "";
        for (let i = 0; i < n.text.length; ) {
          const [s, e] = n.toOriginal(i, i + 1);
          const piece = normalizeText(src.slice(s, e)).text;
          expect(n.text.slice(i, i + piece.length)).toBe(piece);
          rebuilt += src.slice(s, e);
          i += Math.max(1, piece.length);
        }
        expect(rebuilt).toBe(src);
        // digits survive as ASCII digits
        expect(n.text.replace(/[^0-9]/g, "")).toBe(chars.map((c) => (/[0-9]/.test(digitOf(c)) ? digitOf(c) : c === "१" ? "1" : c === "۵" ? "5" : c === "٣" ? "3" : "")).join(""));
      }),
      { numRuns: 500 },
    );
  });

  test("the fallback maps full-width ASCII like NFKC", () => {
    for (let c = 0xff01; c <= 0xff5e; c++) {
      const ch = String.fromCharCode(c);
      expect(normalizeText(ch, false).text).toBe(ch.normalize("NFKC"));
    }
  });
});

describe("fold", () => {
  test.each([
    ["Rodného Čísla", "rodneho cisla"],
    ["FØDSELSNUMMER", "fodselsnummer"],
    ["Henkilötunnus", "henkilotunnus"],
    ["کارڈ", "کارڈ"],
    ["كارڈ", "کارڈ"],
  ])("%s → %s", (a, b) => {
    expect(fold(a)).toBe(b);
  });
});
