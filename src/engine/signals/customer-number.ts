/**
 * The `customer-number` signal: a customer number in a text that is in the tenant's customer set (../customers).
 * Only tokens shaped like the export's numbers (lengths and letter/digit runs recorded in the set's header) are hashed;
 * see ../customers/find.ts. Masked to its separators and last two characters ("C-****33").
 *
 * Like customer-email, each finding is `low`: a customer number in a mail to that customer is normal. The default
 * policy warns from three customer numbers in the message (rule warn-customer-numbers).
 */
import type { Signal } from "../detectors/detector";
import { mask } from "../mask";

export const customerNumber: Signal<"customer-number"> = {
  id: "customer-number",
  group: "customer-list",
  description: "A customer number that is in the tenant's customer set (exact match of a keyed hash)",
  names: {
    en: { name: "Customer number", count: { one: "{count} customer number", other: "{count} customer numbers" } },
    sk: { name: "Číslo zákazníka", count: { one: "{count} číslo zákazníka", few: "{count} čísla zákazníkov", other: "{count} čísel zákazníkov" } },
    nb: { name: "Kundenummer", count: { one: "{count} kundenummer", other: "{count} kundenumre" } },
    fi: { name: "Asiakasnumero", count: { one: "{count} asiakasnumero", other: "{count} asiakasnumeroa" } },
    hi: { name: "ग्राहक संख्या", count: { one: "{count} ग्राहक संख्या", other: "{count} ग्राहक संख्याएँ" } },
    ur: { name: "کسٹمر نمبر", count: { one: "{count} کسٹمر نمبر", other: "{count} کسٹمر نمبرز" } },
  },
};

/** "C-****33": separators kept, the last two letters or digits shown. */
export function maskCustomerNumber(value: string): string {
  return mask(value, 0, 2);
}
