/**
 * Every locale against English: same keys, same placeholders, nothing left in English (except names and numbers),
 * short labels within Outlook's limits.
 */
import { placeholders } from "./format";
import { LOCALES, type Locale } from "./locale";
import { CATALOG } from "./messages";
import { en } from "./messages/en";

type Leaf = { path: string; value: string };

function leaves(node: unknown, path = ""): Leaf[] {
  if (typeof node === "string") return [{ path, value: node }];
  if (!node || typeof node !== "object") return [];
  const out: Leaf[] = [];
  for (const k of Object.keys(node as object)) out.push(...leaves((node as { [k: string]: unknown })[k], path ? path + "." + k : k));
  return out;
}

/** Where an equal string is right: a name, or a word both languages spell the same. Keep small. */
const SAME_AS_ENGLISH: { [L in Locale]?: string[] } = {
  nb: ["simulator.send"], // "Send" is the Norwegian imperative (and Outlook's button)
};

const OTHERS = LOCALES.filter((l) => l !== "en");
const PLURAL_CATEGORY = /\.(zero|one|two|few|many|other)$/;

/** The English string a locale string translates (plural categories map onto English `other`/`one`). */
function englishFor(path: string, enLeaves: Map<string, string>): string | undefined {
  if (enLeaves.has(path)) return enLeaves.get(path);
  if (PLURAL_CATEGORY.test(path)) return enLeaves.get(path.replace(PLURAL_CATEGORY, ".other"));
  return undefined;
}

describe.each(OTHERS.map((l) => [l]))("locale %s", (l) => {
  const loc = CATALOG[l as Locale];
  const enLeaves = new Map(leaves(en).map((x) => [x.path, x.value] as [string, string]));
  const locLeaves = leaves(loc);

  test("has every English key and no key English lacks (plural categories aside)", () => {
    const have = new Set(locLeaves.map((x) => x.path));
    const missing = [...enLeaves.keys()].filter((p) => !have.has(p) && !(PLURAL_CATEGORY.test(p) && have.has(p.replace(PLURAL_CATEGORY, ".other"))));
    const extra = locLeaves.map((x) => x.path).filter((p) => englishFor(p, enLeaves) === undefined);
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  test("uses the same placeholders as English in every string", () => {
    const wrong = locLeaves
      .filter((x) => {
        const e = englishFor(x.path, enLeaves);
        return e !== undefined && placeholders(e).join() !== placeholders(x.value).join();
      })
      .map((x) => x.path + ": " + x.value);
    expect(wrong).toEqual([]);
  });

  test("leaves nothing untranslated (except names, numbers and punctuation-only templates)", () => {
    const allowed = SAME_AS_ENGLISH[l as Locale] || [];
    const same = locLeaves
      .filter((x) => x.value === englishFor(x.path, enLeaves))
      .filter((x) => /[A-Za-z]/.test(x.value.replace(/\{[A-Za-z0-9]+\}/g, "")))
      .filter((x) => x.path !== "meta.dir" && allowed.indexOf(x.path) < 0)
      .map((x) => x.path + ": " + x.value);
    expect(same).toEqual([]);
  });

  test("has no empty string", () => {
    expect(locLeaves.filter((x) => x.value === "" || (x.value.trim() === "" && !/Separator$/.test(x.path))).map((x) => x.path)).toEqual([]);
  });
});

test.each(LOCALES.map((l) => [l]))("%s: cancelLabel ≤ 20 characters, add-in name ≤ 32 (manifest DisplayName is ShortString)", (l) => {
  const m = CATALOG[l as Locale];
  expect(m.labels.cancelLabel.length).toBeLessThanOrEqual(20);
  expect(m.labels.cancelLabel.length).toBeGreaterThan(0);
  expect(m.labels.addinName.length).toBeLessThanOrEqual(32);
});

test("the allowlist of equal strings stays honest (each entry is really equal to English)", () => {
  const enLeaves = new Map(leaves(en).map((x) => [x.path, x.value] as [string, string]));
  for (const l of OTHERS) {
    const locLeaves = new Map(leaves(CATALOG[l]).map((x) => [x.path, x.value] as [string, string]));
    for (const p of SAME_AS_ENGLISH[l] || []) expect(locLeaves.get(p)).toBe(enLeaves.get(p));
  }
});

test("Urdu is the right-to-left locale and uses Arabic-script text", () => {
  expect(CATALOG.ur.meta.dir).toBe("rtl");
  expect(CATALOG.ur.dialog.heading).toMatch(/[\u0600-\u06ff]/);
  for (const l of OTHERS.filter((x) => x !== "ur")) expect(CATALOG[l].meta.dir).toBe("ltr");
});

test("the Think First heading speaks the policy's own term", () => {
  expect(CATALOG.sk.dialog.heading).toBe("Najskôr sa zamyslite");
  expect(CATALOG.nb.dialog.heading).toBe("Tenk først");
  expect(CATALOG.hi.dialog.heading).toBe("पहले सोचें");
  expect(CATALOG.ur.dialog.heading).toBe("پہلے سوچیں");
});

test("the add-in name the pages show is the manifest DisplayName Outlook puts on the dialog", () => {
  for (const l of LOCALES) expect(CATALOG[l].labels.addinName).toBe(CATALOG[l].manifest.displayName);
});
