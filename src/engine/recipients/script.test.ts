import { codePoints, isInherited, isMixedScript, labelScripts, scriptsOf } from "./script";

describe("scriptsOf", () => {
  test.each([
    [0x61, ["Latn"]], // a
    [0x430, ["Cyrl"]], // а
    [0x3b1, ["Grek"]], // α
    [0x5d0, ["Hebr"]], // א
    [0x627, ["Arab"]], // ا (Urdu and Arabic)
    [0x915, ["Deva"]], // क
    [0x30, null], // 0: Common
    [0x2d, null], // -: Common
    [0x4e2d, ["Hani"]], // 中
    [0x1f600, null], // an emoji: Common
  ])("U+%s", (cp, expected) => {
    expect(scriptsOf(cp)).toEqual(expected);
  });
  test("Script_Extensions: a combining acute goes with the scripts that use it (Unicode 16+), the Arabic comma and the Devanagari danda with several", () => {
    expect(scriptsOf(0x301)).toEqual(expect.arrayContaining(["Latn", "Grek", "Cyrl"]));
    expect(scriptsOf(0x301)).not.toContain("Arab");
  });
  test("Script_Extensions: the Arabic comma and the Devanagari danda belong to several scripts", () => {
    expect(scriptsOf(0x60c)).toEqual(expect.arrayContaining(["Arab", "Thaa"]));
    expect(scriptsOf(0x964)).toEqual(expect.arrayContaining(["Deva", "Beng", "Gujr"]));
  });
});

test("a script without a character confusable with ASCII is not in the table: its letters count as Common", () => {
  // The table holds Latin and the scripts of the confusables only (scripts/gen-recipient-data.ts, CONFUSABLE_SCRIPTS_ONLY).
  expect(scriptsOf(0x710)).toBeNull(); // ܐ Syriac
  expect(scriptsOf(0x60c)).not.toContain("Syrc");
  expect(isMixedScript("p\u0430ypal")).toBe(true);
});

describe("isInherited", () => {
  test.each([[0x301, true], [0x36f, true], [0x61, false], [0x94d, false]])("U+%s → %s", (cp, expected) => {
    expect(isInherited(cp)).toBe(expected);
  });
});

describe("isMixedScript (UTS #39 §5.1)", () => {
  test.each([
    ["contoso", false],
    ["pаypal", true], // Cyrillic а among Latin letters
    ["аррӏе", false], // all Cyrillic: a whole-script confusable, not mixed
    ["пример", false],
    ["bücher", false],
    ["münchen-2024", false], // digits and hyphens are Common
    ["ドメイン名例", false], // Katakana + Han: Japanese
    ["한국어中文", false], // Hangul + Han: Korean
    ["ελληνικά", false],
    ["gοοgle", true], // Greek omicrons
    ["ગુજરાતી", false],
    ["abcدﻩ", true],
  ])("%s → %s", (label, expected) => {
    expect(isMixedScript(label)).toBe(expected);
  });
});

describe("labelScripts", () => {
  test("names the scripts in order of appearance", () => {
    expect(labelScripts("pаypal")).toEqual(["Latn", "Cyrl"]);
    expect(labelScripts("123-")).toEqual([]);
  });
  test("codePoints joins surrogate pairs", () => {
    expect(codePoints("a😀b")).toEqual([0x61, 0x1f600, 0x62]);
  });
});
