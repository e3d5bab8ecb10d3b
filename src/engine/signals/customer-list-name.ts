/**
 * The `customer-list-name` signal: does an attachment's file name look like a customer list, in any language we serve?
 * ("Customer list 2025.xlsx", "kundeliste.csv", "asiakaslistat_Q3.xlsx", "zoznam_zákazníkov.xlsx", "ग्राहक सूची.xlsx").
 *
 * The name is cut to its base name, the extension dropped, camelCase, "_", "-", "." and digits turned into spaces, then
 * matched with the keyword matcher (folded, inflection-tolerant via fuse.js); a phrase written as one word
 * ("CustomerList", "zoznamzakaznikov") is also found by comparing without spaces. A hint, not proof: `medium`.
 */
import type { Finding } from "../types";
import type { Signal } from "../detectors/detector";
import { KeywordMatcher, type KeywordHit } from "../keywords";
import { fold } from "../normalize";

export const CUSTOMER_LIST_NAMES: Record<string, readonly string[]> = {
  en: ["customer list", "customers", "customer data", "customer export", "customer emails", "customer contacts", "client list", "clients", "contact list", "mailing list", "subscriber list", "subscribers", "crm export", "leads"],
  sk: ["zoznam zakaznikov", "zakaznici", "zakaznikov", "zoznam klientov", "klienti", "databaza zakaznikov", "kontakty zakaznikov"],
  cs: ["seznam zakazniku", "zakaznici", "zakazniku", "seznam klientu", "klienti", "databaze zakazniku", "kontakty zakazniku"],
  nb: ["kundeliste", "kunder", "kunderegister", "kundedata", "kundeoversikt", "kundekontakter", "kundeadresser"],
  fi: ["asiakaslista", "asiakkaat", "asiakasrekisteri", "asiakastiedot", "asiakasluettelo", "asiakasrekisteri"],
  hi: ["ग्राहक सूची", "ग्राहकों की सूची", "ग्राहक"],
  ur: ["گاہکوں کی فہرست", "گاہک", "صارفین کی فہرست", "کسٹمر لسٹ"],
};

let matcher: KeywordMatcher | null = null;
let compact: Array<[string, string]> = [];

function init(): KeywordMatcher {
  if (matcher) return matcher;
  const all: string[] = [];
  for (const lang of Object.keys(CUSTOMER_LIST_NAMES)) {
    for (const k of CUSTOMER_LIST_NAMES[lang] || []) if (all.indexOf(k) < 0) all.push(k);
  }
  matcher = new KeywordMatcher([all]);
  compact = all.filter((k) => k.indexOf(" ") > 0).map((k): [string, string] => [fold(k).replace(/ /g, ""), fold(k)]);
  return matcher;
}

/** The file name as words: base name, no extension, separators and camelCase split. */
export function fileNameWords(fileName: string): string {
  let base = fileName.replace(/^.*[\\/]/, "");
  base = base.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  base = base.replace(/([a-z])([A-Z])/g, "$1 $2");
  return base.replace(/[_\-.+()[\]{},;]+|[0-9]+/g, " ").replace(/\s+/g, " ").trim();
}

/** A finding when the file name looks like a customer list, else null. */
export function matchCustomerListName(fileName: string): Finding | null {
  if (typeof fileName !== "string" || !fileName) return null;
  const m = init();
  const words = fileNameWords(fileName);
  const hits: KeywordHit[] = [];
  m.scan(words, 0, words.length, hits);
  // Phrases first, also when written as one word ("CustomerList"); then single words, fuzzily.
  let keyword = "";
  const squeezed = fold(words).replace(/ /g, "");
  for (const k of compact) {
    if (squeezed.indexOf(k[0]) >= 0) {
      keyword = k[1];
      break;
    }
  }
  if (!keyword && hits.length) keyword = (hits.sort((a, b) => b.end - b.start - (a.end - a.start))[0] as KeywordHit).keyword;
  if (!keyword) return null;
  return {
    detector: "customer-list-name",
    start: 0,
    end: fileName.length,
    confidence: "medium",
    reasons: ["file name matches '" + keyword + "'"],
    masked: fileName,
  };
}

/** The `customer-list-name` signal: an attachment whose file name says it is a customer list. */
export const customerListName: Signal<"customer-list-name"> = {
  id: "customer-list-name",
  group: "customer-list",
  description: "An attachment named like a customer list (kundeliste, asiakaslista, zoznam zákazníkov, ग्राहक सूची…), in every served language",
  names: {
    en: { name: "Customer list file", count: { one: "{count} file named like a customer list", other: "{count} files named like a customer list" } },
    sk: { name: "Súbor so zoznamom zákazníkov", count: { one: "{count} súbor pomenovaný ako zoznam zákazníkov", few: "{count} súbory pomenované ako zoznam zákazníkov", other: "{count} súborov pomenovaných ako zoznam zákazníkov" } },
    nb: { name: "Fil med kundeliste", count: { one: "{count} fil med navn som en kundeliste", other: "{count} filer med navn som en kundeliste" } },
    fi: { name: "Asiakaslistatiedosto", count: { one: "{count} tiedosto, jonka nimi viittaa asiakaslistaan", other: "{count} tiedostoa, joiden nimi viittaa asiakaslistaan" } },
    hi: { name: "ग्राहक सूची फ़ाइल", count: { one: "{count} फ़ाइल जिसका नाम ग्राहक सूची जैसा है", other: "{count} फ़ाइलें जिनके नाम ग्राहक सूची जैसे हैं" } },
    ur: { name: "گاہکوں کی فہرست کی فائل", count: { one: "{count} فائل جس کا نام گاہکوں کی فہرست جیسا ہے", other: "{count} فائلیں جن کے نام گاہکوں کی فہرست جیسے ہیں" } },
  },
};
