/**
 * Words that name another kind of number, in every served language (en, sk, cs, nb, fi, hi, ur), and units of measure.
 * The scanner's confidence stage (./scan.ts) uses them on pattern-only personal identifiers (`low` without a keyword of
 * their own: us-ssn, in-pan, pk-cnic, a 9-digit rodné číslo): "customer no. 123456789" is a customer number, not an
 * SSN. Listed folded (lower case, no diacritics), matched by ./keywords.ts like every keyword (inflections fuzzily).
 *
 * Sources and notes:
 * - The kinds are the numbers business mail carries next to a label: orders and invoices, customer and account numbers,
 *   parcels and tracking, references and payment symbols (Slovak/Czech variabilný/variabilní symbol, Norwegian KID,
 *   Finnish viite), contracts, policies, tickets and cases, serial and part numbers, phones and postal codes, VAT and
 *   company numbers. Words are the ones on invoices, order confirmations and carrier notices in each language (the
 *   terms of the Slovak/Czech e-invoice and payment-order forms, Norwegian EHF/KID, Finnish e-lasku, Indian GST
 *   invoices, Pakistani FBR invoices).
 * - A generic "tax id" / "tax number" / "TIN" is NOT listed: the SSN, the PAN, the CNIC and the rodné číslo are the tax
 *   ids of persons, so a tax label says nothing against them. Business tax ids (VAT, DIČ, IČ DPH, MVA, ALV, GSTIN, NTN)
 *   are listed: those numbers belong to companies.
 * - A word that is also one of the detector's own keywords counts as its own (the keyword group decides), so a policy
 *   that adds "account number" to a detector's keywords makes it raise, not lower, that detector.
 * - Words alone ("order", "faktura") and with "number" ("order number", "číslo faktúry"): both are how labels read.
 */

export const OTHER_NUMBER_WORDS: Readonly<Record<"en" | "sk" | "cs" | "nb" | "fi" | "hi" | "ur", readonly string[]>> = {
  en: [
    "order", "order number", "order no", "order id", "purchase order", "po number",
    "invoice", "invoice number", "invoice no", "bill number",
    "customer number", "customer no", "customer id", "client number", "client id", "member number", "membership number",
    "account number", "account no", "acct", "bank account",
    "tracking", "tracking number", "tracking no", "shipment", "parcel", "consignment", "waybill", "awb",
    "reference", "reference number", "ref no", "ref nr", "payment reference", "transaction", "transaction id",
    "booking", "booking reference", "reservation", "confirmation number",
    "ticket", "ticket number", "case number", "case id", "claim number", "policy number", "contract number",
    "serial number", "serial no", "part number", "item number", "article number", "sku", "batch", "lot number",
    "phone", "telephone", "tel", "mobile", "fax", "zip", "zip code", "postal code",
    "vat", "vat number", "vat no", "company number", "registration number",
  ],
  sk: [
    "objednavka", "cislo objednavky", "faktura", "cislo faktury", "doklad", "cislo dokladu",
    "cislo zakaznika", "zakaznicke cislo", "klientske cislo", "cislo uctu", "ucet",
    "cislo zasielky", "sledovacie cislo", "zasielka", "balik",
    "referencne cislo", "variabilny symbol", "konstantny symbol", "specificky symbol",
    "cislo zmluvy", "zmluva", "cislo poistky", "poistna zmluva", "tiket", "cislo pripadu",
    "seriove cislo", "vyrobne cislo", "telefon", "tel", "mobil", "psc",
    "ico", "dic", "ic dph",
  ],
  cs: [
    "objednavka", "cislo objednavky", "faktura", "cislo faktury", "doklad", "cislo dokladu",
    "cislo zakaznika", "zakaznicke cislo", "klientske cislo", "cislo uctu", "ucet",
    "cislo zasilky", "sledovaci cislo", "zasilka", "balik",
    "referencni cislo", "variabilni symbol", "konstantni symbol", "specificky symbol",
    "cislo smlouvy", "smlouva", "cislo pojistky", "pojistna smlouva", "cislo pripadu",
    "seriove cislo", "vyrobni cislo", "telefon", "tel", "mobil", "psc",
    "ic", "dic",
  ],
  nb: [
    "ordre", "ordrenummer", "ordrenr", "bestilling", "bestillingsnummer",
    "faktura", "fakturanummer", "fakturanr", "kundenummer", "kundenr", "medlemsnummer",
    "kontonummer", "kontonr", "konto", "sporingsnummer", "sendingsnummer", "sending", "pakke",
    "referanse", "referansenummer", "kid", "kid-nummer", "avtalenummer", "polisenummer", "saksnummer",
    "serienummer", "telefon", "tlf", "mobil", "postnummer",
    "mva", "org.nr", "orgnr", "organisasjonsnummer",
  ],
  fi: [
    "tilaus", "tilausnumero", "lasku", "laskunumero", "asiakasnumero", "jasennumero",
    "tilinumero", "tili", "seurantanumero", "lahetystunnus", "lahetys", "paketti",
    "viite", "viitenumero", "sopimusnumero", "vakuutusnumero", "tapausnumero", "tikettinumero",
    "sarjanumero", "puhelin", "puh", "matkapuhelin", "postinumero",
    "alv", "alv-numero", "y-tunnus",
  ],
  hi: [
    "ऑर्डर", "ऑर्डर नंबर", "आदेश संख्या", "चालान", "चालान संख्या", "इनवॉइस", "बिल नंबर",
    "ग्राहक संख्या", "ग्राहक नंबर", "खाता संख्या", "खाता नंबर", "ट्रैकिंग नंबर", "संदर्भ संख्या",
    "पॉलिसी नंबर", "फ़ोन", "फोन", "मोबाइल", "पिन कोड", "जीएसटी",
  ],
  ur: [
    "آرڈر", "آرڈر نمبر", "انوائس", "بل نمبر", "کسٹمر نمبر", "گاہک نمبر", "اکاؤنٹ نمبر",
    "ٹریکنگ نمبر", "حوالہ نمبر", "پالیسی نمبر", "فون", "موبائل", "این ٹی این",
  ],
};

/** Every word of OTHER_NUMBER_WORDS, once. */
export function otherNumberWords(): string[] {
  const out: string[] = [];
  const langs = Object.keys(OTHER_NUMBER_WORDS) as Array<keyof typeof OTHER_NUMBER_WORDS>;
  for (const l of langs) for (const w of OTHER_NUMBER_WORDS[l]) if (out.indexOf(w) < 0) out.push(w);
  return out;
}

/**
 * Units right after a number make it a quantity ("123456789 bytes", "536228726 ms"): folded, compared with the word
 * that follows the match. Storage, time and length units as package documentation, logs and exports write them.
 */
export const UNITS: Readonly<Record<string, true>> = {
  b: true, byte: true, bytes: true, kb: true, kib: true, mb: true, mib: true, gb: true, gib: true, tb: true,
  bit: true, bits: true, ms: true, ns: true, sec: true, secs: true, seconds: true, px: true, pt: true,
  ops: true, chars: true, characters: true, lines: true, rows: true, records: true, items: true, tokens: true,
  tavua: true, bajtov: true, bajtu: true, bajty: true,
};
