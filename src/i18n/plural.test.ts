import { LOCALES } from "./locale";
import { CATALOG } from "./messages";
import type { Plural } from "./messages/types";
import { intlPluralRules, pluralCategory, pluralForm, tablePluralCategory } from "./plural";

describe("plural rules", () => {
  test("Node has Intl.PluralRules for every locale (so the comparison below is real)", () => {
    for (const l of LOCALES) expect(intlPluralRules(l)).not.toBeNull();
  });

  test.each(LOCALES.map((l) => [l]))("%s: the fallback table agrees with Intl.PluralRules on 0…10000", (l) => {
    const intl = new Intl.PluralRules(l);
    const mismatches: number[] = [];
    for (let n = 0; n <= 10000; n++) if (intl.select(n) !== tablePluralCategory(l, n)) mismatches.push(n);
    expect(mismatches).toEqual([]);
  });

  test("without Intl (as in the JavaScript-only runtime) the table is used", () => {
    expect(pluralCategory("sk", 3, {})).toBe("few");
    expect(pluralCategory("sk", 5, {})).toBe("other");
    expect(pluralCategory("hi", 0, {})).toBe("one");
    expect(pluralCategory("en", 0, {})).toBe("other");
    // An Intl whose PluralRules throws or does not know the locale also falls back.
    const broken = { PluralRules: function () { throw new Error("no data"); } };
    expect(pluralCategory("sk", 2, broken)).toBe("few");
    const unknown = { PluralRules: Object.assign(function () {}, { supportedLocalesOf: () => [] }) };
    expect(pluralCategory("sk", 4, unknown)).toBe("few");
  });

  test("Slovak picks one / few / other", () => {
    const forms: Plural = { one: "1 číslo", few: "{count} čísla", other: "{count} čísel" };
    expect(pluralForm("sk", forms, 1)).toBe("1 číslo");
    expect(pluralForm("sk", forms, 3)).toBe("{count} čísla");
    expect(pluralForm("sk", forms, 11)).toBe("{count} čísel");
  });

  // Every Plural in every locale must have a form for each category its language gives an integer count.
  test.each(LOCALES.map((l) => [l]))("%s: every plural string has each category the language needs", (l) => {
    const needed: string[] = [];
    for (let n = 0; n <= 200; n++) {
      const c = tablePluralCategory(l, n);
      if (needed.indexOf(c) < 0) needed.push(c);
    }
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const o = node as { [k: string]: unknown };
      if (typeof o.other === "string") {
        for (const c of needed) if (typeof o[c] !== "string") missing.push(path + "." + c);
        return;
      }
      for (const k of Object.keys(o)) walk(o[k], path ? path + "." + k : k);
    };
    walk(CATALOG[l], "");
    expect(missing).toEqual([]);
  });
});
