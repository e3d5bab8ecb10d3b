/**
 * The `mixed-organizations` signal: the message goes to two or more external organizations (registrable domains; each
 * consumer mailbox is its own, ../recipients/external-organizations.ts). Weight: the number of organizations. With a
 * rule's `recipients: mixed-organizations` it is the condition of the default rule that warns when identifiers or a
 * customer list go to several organizations at once (one customer may see another's data); named alone in a rule it
 * fires on every such message.
 */
import type { Signal } from "../detectors/detector";

export const mixedOrganizations: Signal<"mixed-organizations"> = {
  id: "mixed-organizations",
  group: "recipient",
  description: "Recipients of two or more external organizations in one message",
  names: {
    en: { name: "Several organizations", count: { one: "{count} external organization", other: "{count} external organizations" } },
    sk: { name: "Viac organizácií", count: { one: "{count} externá organizácia", few: "{count} externé organizácie", other: "{count} externých organizácií" } },
    nb: { name: "Flere organisasjoner", count: { one: "{count} ekstern organisasjon", other: "{count} eksterne organisasjoner" } },
    fi: { name: "Useita organisaatioita", count: { one: "{count} ulkoinen organisaatio", other: "{count} ulkoista organisaatiota" } },
    hi: { name: "कई संगठन", count: { one: "{count} बाहरी संगठन", other: "{count} बाहरी संगठन" } },
    ur: { name: "کئی ادارے", count: { one: "{count} بیرونی ادارہ", other: "{count} بیرونی ادارے" } },
  },
};
