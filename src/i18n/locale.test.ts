import { fallbackChain, isRtl, LOCALES, resolveLocale } from "./locale";

describe("resolveLocale on real Outlook display languages", () => {
  const table: [string | undefined | null, string][] = [
    ["en-US", "en"],
    ["en-GB", "en"],
    ["fi-FI", "fi"],
    ["FI-fi", "fi"],
    ["fi_FI", "fi"],
    // Swedish in Finland is Swedish, not Finnish: the region never picks the language.
    ["sv-FI", "en"],
    ["nb-NO", "nb"],
    ["nn-NO", "nb"],
    ["no", "nb"],
    ["no-NO", "nb"],
    ["sk-SK", "sk"],
    // Czech reads Slovak (mutually intelligible; "rodné číslo" is the same term) — see docs/i18n.md.
    ["cs-CZ", "sk"],
    ["hi-IN", "hi"],
    ["ur-PK", "ur"],
    ["ur-IN", "ur"],
    ["ur-Arab-PK", "ur"],
    ["es-MX", "en"],
    ["pt-BR", "en"],
    ["zh-Hant-TW", "en"],
    ["ar-SA", "en"],
    ["da-DK", "en"],
    ["garbage!!", "en"],
    ["__proto__", "en"],
    ["constructor", "en"],
    ["", "en"],
    ["   ", "en"],
    [undefined, "en"],
    [null, "en"],
  ];
  test.each(table)("%p → %p", (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });

  test("every supported locale resolves to itself", () => {
    for (const l of LOCALES) expect(resolveLocale(l)).toBe(l);
  });

  test("a non-string display language does not throw", () => {
    expect(resolveLocale(42 as unknown as string)).toBe("en");
  });
});

describe("fallbackChain", () => {
  test("most specific first, English last", () => {
    expect(fallbackChain("zh-Hant-TW")).toEqual(["zh-hant-tw", "zh-hant", "zh", "en"]);
    expect(fallbackChain("es-MX")).toEqual(["es-mx", "es", "en"]);
    expect(fallbackChain("fi-FI")).toEqual(["fi-fi", "fi", "en"]);
    expect(fallbackChain("en-US")).toEqual(["en-us", "en"]);
  });
  test("not a language tag → English only", () => {
    expect(fallbackChain("x")).toEqual(["en"]);
    expect(fallbackChain("1234")).toEqual(["en"]);
    expect(fallbackChain("en US")).toEqual(["en"]);
  });
});

test("only Urdu is right-to-left", () => {
  expect(LOCALES.filter(isRtl)).toEqual(["ur"]);
});
