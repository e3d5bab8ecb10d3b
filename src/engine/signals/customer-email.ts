/**
 * The `customer-email` signal: an address in a text that is in the tenant's customer set (../customers, built by `dlp
 * customers build`). Found by the scanner only when it was given a set (createScanner(policy, { customers })); masked
 * like email-address ("j***@example.com").
 *
 * One known customer's address in a mail is normal (writing to or about a customer), so each finding is `low` and no
 * keyword raises it; what the policy enforces is the aggregate: with a set, `email-list` counts the distinct known
 * customers' addresses in a text against `thresholds.customerList` (./email-list.ts). The default policy's
 * customer-list rule asks for `minConfidence: medium`, so a single address never fires it.
 */
import type { Signal } from "../detectors/detector";

export const customerEmail: Signal<"customer-email"> = {
  id: "customer-email",
  group: "customer-list",
  description: "An e-mail address that is in the tenant's customer set (exact match of a keyed hash)",
  names: {
    en: { name: "Customer's e-mail address", count: { one: "{count} customer's e-mail address", other: "{count} customers' e-mail addresses" } },
    sk: {
      name: "E-mailová adresa zákazníka",
      count: { one: "{count} e-mailová adresa zákazníka", few: "{count} e-mailové adresy zákazníkov", other: "{count} e-mailových adries zákazníkov" },
    },
    nb: { name: "En kundes e-postadresse", count: { one: "{count} e-postadresse til en kunde", other: "{count} e-postadresser til kunder" } },
    fi: { name: "Asiakkaan sähköpostiosoite", count: { one: "{count} asiakkaan sähköpostiosoite", other: "{count} asiakkaiden sähköpostiosoitetta" } },
    hi: { name: "ग्राहक का ईमेल पता", count: { one: "{count} ग्राहक का ईमेल पता", other: "{count} ग्राहकों के ईमेल पते" } },
    ur: { name: "گاہک کا ای میل پتہ", count: { one: "{count} گاہک کا ای میل پتہ", other: "{count} گاہکوں کے ای میل پتے" } },
  },
};
