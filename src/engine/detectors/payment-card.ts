/**
 * payment-card: card numbers (PAN) of 13–19 digits, written solid or in the usual groups — fours (4-4-4-4, 4-4-4-1…
 * 4-4-4-4-3 for 13–19 digits, 4-4-4-3 for a 15-digit card), 4-6-5, 4-6-4, 4-4-5 and 8+8 — with space, dash or dot
 * between groups, one kind or mixed on one number (NBSP is normalized to space). Luhn plus issuer prefix and length,
 * so a valid match alone is `medium` and `high` with a keyword.
 *
 * Issuer ranges (ISO/IEC 7812-1). The first digit is the major industry identifier (1 airlines, 2 airlines and
 * financial, 3 travel and entertainment, 4–6 banking and financial, 8 health and telecom, 9 national assignment); the
 * first six to eight digits are the issuer identification number. ISO does not publish the issuer register (the
 * registration authority keeps it confidential), so the table below lists the ranges the networks publish, as
 * collected by Wikipedia's "Payment card number" IIN table and braintree/credit-card-type (its file src/lib/card-types.ts),
 * read 2026. Prefix → lengths:
 *   Visa 4 (13, 16, 18, 19); Mastercard 51–55 and the 2-series 2221–2720 (16); Mir 2200–2204 (16–19); BORICA 2205
 *   (16); Amex 34, 37 (15); Discover 6011, 644–649, 65 (16–19); JCB 3528–3589 (16–19) and the old 15-digit JCB 1800,
 *   2131; Diners 300–305, 3095, 36, 38–39 (14–19); UnionPay 62, 81 (14–19); RuPay 60, 65, 81, 82, 508, 353, 356 (16);
 *   UkrCard 604001–604200 (16–19); Maestro, Dankort, Elo, Verve and Meeza in 50 (13–19); Maestro 56–59, 63, 67
 *   (13–19, which also hold Laser, Hiper, InterPayment and InstaPayment); GPN 1946 (16–18); UATP 1 (15); Uzcard 8600
 *   and Humo 9860 (16); Troy 9792 (16). A Luhn-valid number with no issuer prefix is not a card (order and reference
 *   numbers are often Luhn-protected).
 *
 * Edge policies:
 * - Non-Luhn UnionPay: some domestic Chinese UnionPay cards have no Luhn digit. We still require Luhn: without it every
 *   16–19-digit number starting with 62 (bank accounts, references, phone-based ids) would be a finding, and a card
 *   used for international e-commerce (what a customer sends a European or US company) passes Luhn.
 * - Published test numbers (4111 1111 1111 1111, 5555 5555 5555 4444 …) ARE reported: they are what demos, training and
 *   our tests use, and a real card that happens to equal one cannot be told apart.
 * - All digits the same is a placeholder, dropped (it is Luhn-valid for 0…).
 * - A card followed by more digits ("4111 1111 1111 1111 123", a CVV) is found: the engine retries shorter matches
 *   at group boundaries when the longest one fails validation.
 * - Two cards on one line are two findings, also joined by a single space ("4111 1111 1111 1111 5555 5555 5555 4444":
 *   the engine splits a run of same-size groups when both halves are valid cards).
 * - Not read: irregular spacing ("601 1 1 1  1 1 1 1 …"), two separators in a row, groupings other than the ones
 *   above, a card glued to further digits with no separator (a 20-digit run is no card), and a card taken out of a
 *   longer run of same-size groups whose rest is no card ("4111 1111 1111 1111 1111").
 */
import type { Detector, Validation } from "./detector";
import { luhn } from "../checksums/luhn";
import { maskLast4 } from "../mask";

/** [issuer, prefix-range low, prefix-range high (same digit count), min length, max length, allowed lengths?] */
type Range = [string, number, number, number, number, number[]?];
const RANGES: Range[] = [
  ["visa", 4, 4, 13, 19, [13, 16, 18, 19]],
  ["mastercard", 51, 55, 16, 16],
  ["mastercard", 2221, 2720, 16, 16],
  ["mir", 2200, 2204, 16, 19],
  ["borica", 2205, 2205, 16, 16],
  ["amex", 34, 34, 15, 15],
  ["amex", 37, 37, 15, 15],
  ["discover", 6011, 6011, 16, 19],
  ["discover", 644, 649, 16, 19],
  ["discover", 65, 65, 16, 19],
  ["jcb", 3528, 3589, 16, 19],
  ["jcb", 1800, 1800, 15, 15],
  ["jcb", 2131, 2131, 15, 15],
  ["diners", 300, 305, 14, 19],
  ["diners", 3095, 3095, 14, 19],
  ["diners", 36, 36, 14, 19],
  ["diners", 38, 39, 14, 19],
  ["unionpay", 62, 62, 14, 19],
  ["unionpay", 81, 81, 14, 19],
  ["rupay", 60, 60, 16, 16],
  ["rupay", 82, 82, 16, 16],
  ["rupay", 508, 508, 16, 16],
  ["rupay", 353, 353, 16, 16],
  ["rupay", 356, 356, 16, 16],
  ["ukrcard", 604001, 604200, 16, 19],
  ["maestro", 50, 50, 13, 19],
  ["maestro", 56, 59, 13, 19],
  ["maestro", 63, 63, 13, 19],
  ["maestro", 67, 67, 13, 19],
  ["gpn", 1946, 1946, 16, 18],
  ["uatp", 1, 1, 15, 15],
  ["uzcard", 8600, 8600, 16, 16],
  ["humo", 9860, 9860, 16, 16],
  ["troy", 9792, 9792, 16, 16],
];

/** The issuer whose prefix and length fit these digits, or "". */
export function cardIssuer(digits: string): string {
  for (const r of RANGES) {
    const width = String(r[1]).length;
    const p = Number(digits.slice(0, width));
    if (p < r[1] || p > r[2]) continue;
    if (digits.length < r[3] || digits.length > r[4]) continue;
    const lengths = r[5];
    if (lengths && lengths.indexOf(digits.length) < 0) continue;
    return r[0];
  }
  return "";
}

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const d = candidate.replace(/[^0-9]/g, "");
  if (d.length < 13 || d.length > 19) return fail("not 13-19 digits");
  if (/^(\d)\1+$/.test(d)) return fail("repeated digit");
  if (!luhn(d)) return fail("luhn failed");
  const issuer = cardIssuer(d);
  if (!issuer) return fail("no issuer prefix");
  return { ok: true, reasons: ["luhn ok", "issuer " + issuer], confidence: "medium" };
}

export const paymentCard: Detector<"payment-card"> = {
  id: "payment-card",
  description: "Payment card number (13-19 digits), Luhn and issuer prefix checked",
  group: "identifier",
  names: {
    en: { name: "Card number", count: { one: "{count} card number", other: "{count} card numbers" } },
    sk: { name: "Číslo platobnej karty", count: { one: "{count} číslo karty", few: "{count} čísla kariet", other: "{count} čísel kariet" } },
    nb: { name: "Kortnummer", count: { one: "{count} kortnummer", other: "{count} kortnumre" } },
    fi: { name: "Maksukortin numero", count: { one: "{count} maksukortin numero", other: "{count} maksukortin numeroa" } },
    hi: { name: "कार्ड नंबर", count: { one: "{count} कार्ड नंबर", other: "{count} कार्ड नंबर" } },
    ur: { name: "کارڈ نمبر", count: { one: "{count} کارڈ نمبر", other: "{count} کارڈ نمبر" } },
  },
  // fours (13–19 digits; 4-4-4-3 for 15), 4-6-5 / 4-6-4, 4-4-5, 8+8, solid; any of space, dash, dot between groups
  pattern: /\d{4}[ .-]\d{4}[ .-]\d{4}[ .-](?:\d{4}(?:[ .-]\d{1,3})?|\d{1,3})|\d{4}[ .-]\d{6}[ .-]\d{4,5}|\d{4}[ .-]\d{4}[ .-]\d{5}|\d{8}[ .-]\d{8}|\d{13,19}/,
  minDigits: 13,
  checksum: true,
  validate,
  keywords: {
    en: ["card", "card number", "credit card", "debit card", "visa", "mastercard", "amex", "american express", "maestro", "discover", "jcb", "diners", "unionpay", "rupay", "cvv", "cvc", "expiry", "pan"],
    sk: ["karta", "cislo karty", "platobna karta", "kreditna karta", "debetna karta", "platnost"],
    cs: ["karta", "cislo karty", "platebni karta", "kreditni karta", "debetni karta", "platnost"],
    nb: ["kort", "kortnummer", "kredittkort", "betalingskort", "bankkort", "debetkort"],
    fi: ["kortti", "kortin numero", "korttinumero", "luottokortti", "maksukortti", "pankkikortti"],
    hi: ["कार्ड", "क्रेडिट कार्ड", "डेबिट कार्ड", "कार्ड नंबर"],
    ur: ["کارڈ", "کریڈٹ کارڈ", "ڈیبٹ کارڈ", "کارڈ نمبر"],
  },
  mask: maskLast4,
  examples: {
    match: [
      "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555 5555 5555 4444", "2223 0031 2200 3222", "3782 822463 10005",
      "6011 1111 1111 1117", "3530 1113 3330 0000", "4222222222222", "4111.1111.1111.1111", "4111 1111-1111 1111", "41111111 11111111",
      "3700 0000 0000 002", "4222 2222 2222 2", "9792 0900 0000 0004",
    ],
    noMatch: ["4111 1111 1111 1112", "0000 0000 0000 0000", "1234 5678 9012 3456", "94111111111111111111", "9111 1111 1111 1119", "4111..1111.1111.1111"],
  },
};
