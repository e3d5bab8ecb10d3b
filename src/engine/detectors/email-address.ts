/**
 * email-address: one e-mail address (RFC 5321-ish, ASCII). Low confidence on its own: an address in a mail is normal;
 * the signal is the aggregate `email-list` (many distinct external addresses in one text), computed by the engine.
 *
 * Edge policies:
 * - Local part: letters, digits and . _ % + ' -, not starting or ending with a dot, no "..", at most 64 characters.
 * - Domain: labels of letters, digits and "-" (not at either end of a label), a final label of 2–24 letters or an
 *   internationalised top-level domain in its ASCII (punycode) form, "xn--p1ai". Upper case as lower case.
 * - Internationalised addresses (non-ASCII) are not matched: they are rare in customer lists and matching them would
 *   require Unicode letter classes the ES2016 runtime does not have.
 * - A trailing dot or dash (end of sentence) is not part of the address.
 * - Quoted local parts ("john doe"@example.com) are not matched: legal but almost never used; "mailto:" before an
 *   address is not part of it (the finding is the address).
 * The engine finds addresses by locating "@" and expanding by hand (the regex below is the contract; a property test
 * checks the fast finder agrees with it).
 */
import type { Detector, Validation } from "./detector";
import { maskEmail } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "low" };
}

function validate(candidate: string): Validation {
  const at = candidate.lastIndexOf("@");
  if (at <= 0 || candidate.indexOf("@") !== at) return fail("not one @");
  const local = candidate.slice(0, at);
  const domain = candidate.slice(at + 1);
  if (local.length > 64) return fail("local part too long");
  if (local.charAt(0) === "." || local.charAt(local.length - 1) === "." || local.indexOf("..") >= 0) return fail("dots in local part");
  if (domain.length > 253) return fail("domain too long");
  const labels = domain.split(".");
  if (labels.length < 2) return fail("no dot in domain");
  for (const l of labels) {
    if (!l || l.length > 63 || l.charAt(0) === "-" || l.charAt(l.length - 1) === "-") return fail("bad domain label");
  }
  if (!/^(?:[A-Za-z]{2,24}|[Xx][Nn]--[A-Za-z0-9-]{1,59})$/.test(labels[labels.length - 1] || "")) return fail("bad top-level domain");
  return { ok: true, reasons: ["address syntax ok"], confidence: "low" };
}

export const emailAddress: Detector<"email-address"> = {
  id: "email-address",
  description: "E-mail address (for counting customer lists; low confidence alone)",
  group: "email",
  names: {
    en: { name: "E-mail address", count: { one: "{count} e-mail address", other: "{count} e-mail addresses" } },
    sk: { name: "E-mailová adresa", count: { one: "{count} e-mailová adresa", few: "{count} e-mailové adresy", other: "{count} e-mailových adries" } },
    nb: { name: "E-postadresse", count: { one: "{count} e-postadresse", other: "{count} e-postadresser" } },
    fi: { name: "Sähköpostiosoite", count: { one: "{count} sähköpostiosoite", other: "{count} sähköpostiosoitetta" } },
    hi: { name: "ईमेल पता", count: { one: "{count} ईमेल पता", other: "{count} ईमेल पते" } },
    ur: { name: "ای میل پتا", count: { one: "{count} ای میل پتا", other: "{count} ای میل پتے" } },
  },
  pattern: /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:[Xx][Nn]--[A-Za-z0-9-]{1,59}|[A-Za-z]{2,24})/,
  minDigits: 0,
  checksum: false,
  validate,
  keywords: {
    en: ["email", "e-mail", "address", "mailing list", "contacts"],
    sk: ["e-mail", "emailova adresa", "adresa", "kontakty"],
    cs: ["e-mail", "emailova adresa", "adresa", "kontakty"],
    nb: ["e-post", "epost", "adresse", "kontakter"],
    fi: ["sahkoposti", "osoite", "yhteystiedot"],
    hi: ["ईमेल", "पता", "संपर्क"],
    ur: ["ای میل", "پتہ", "رابطے"],
  },
  mask: maskEmail,
  examples: {
    match: ["jane.doe@example.com", "j+news@mail.example.co.uk", "o'brien@example.ie", "a@xn--d1acufc.xn--p1ai", "JANE.DOE@EXAMPLE.COM"],
    noMatch: ["jane@intranet", "@example.com", "jane..doe@example.com", "jane@-example.com", "jane@example.c0m"],
  },
};
