/** manifest.xml's <Override Locale> elements match the localized strings, for every culture, within schema lengths. */
import * as fs from "fs";
import * as path from "path";
import { MANIFEST_CULTURES, MANIFEST_STRINGS } from "./manifest";
import { CATALOG } from "./messages";

const xml = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The inner XML of <DisplayName …>…</DisplayName> or <bt:String id="…">…</bt:String>. */
function elementBody(element: string): { defaultValue: string; body: string } {
  const re = element.indexOf(".") > 0
    ? new RegExp('<bt:String id="' + element.replace(/\./g, "\\.") + '" DefaultValue="([^"]*)">([\\s\\S]*?)</bt:String>')
    : new RegExp("<" + element + ' DefaultValue="([^"]*)">([\\s\\S]*?)</' + element + ">");
  const m = re.exec(xml);
  if (!m) throw new Error(element + " has no Override children in manifest.xml");
  return { defaultValue: unescape(m[1] as string), body: m[2] as string };
}

describe.each(Object.keys(MANIFEST_STRINGS).map((e) => [e]))("manifest %s", (element) => {
  const key = MANIFEST_STRINGS[element] as keyof typeof CATALOG.en.manifest;
  const { defaultValue, body } = elementBody(element);
  const overrides = new Map<string, string>();
  body.replace(/<(?:bt:)?Override Locale="([^"]+)" Value="([^"]*)"\/>/g, (_w, loc: string, val: string) => {
    overrides.set(loc, unescape(val));
    return "";
  });

  test("the default value is the English string", () => {
    expect(defaultValue).toBe(CATALOG.en.manifest[key]);
  });

  test("every culture has its override with the locale's string, and no other culture is listed", () => {
    expect([...overrides.keys()].sort()).toEqual(Object.keys(MANIFEST_CULTURES).sort());
    for (const culture of Object.keys(MANIFEST_CULTURES)) {
      expect(overrides.get(culture)).toBe(CATALOG[MANIFEST_CULTURES[culture]!].manifest[key]);
    }
  });

  test("values fit the schema (ShortString ≤ 125, LongString ≤ 250)", () => {
    const max = element === "ThinkFirst.PaneButtonTooltip" || element === "Description" ? 250 : 125;
    for (const v of overrides.values()) expect(v.length).toBeLessThanOrEqual(max);
  });
});
