/**
 * The `lookalike-domain` signal: a recipient whose domain looks like an internal domain, the sender's own domain, a
 * partner's (`organization.partnerDomains`) or a consumer mailbox domain, without being it — contoso.co for
 * contoso.com, rnicrosoft.com, a Cyrillic "а" in pаypal.com (xn--pypal-4ve.com). Found by the decision from the
 * recipients (../recipients: edit distance on the registrable part, swapped or added TLDs, UTS #39 skeletons after
 * punycode decoding, mixed scripts, hyphens); one item per recipient, each with the domain it resembles, so the dialog
 * asks "Did you mean j***@contoso.com?" and the task pane offers the replacement. Real partners that look alike go on
 * `allowlists.lookalikeDomains`.
 */
import type { Signal } from "../detectors/detector";

export const lookalikeDomain: Signal<"lookalike-domain"> = {
  id: "lookalike-domain",
  group: "recipient",
  description: "A recipient at a domain that looks like an internal, partner or well-known domain without being it",
  names: {
    en: { name: "Look-alike recipient domain", count: { one: "{count} recipient at a look-alike domain", other: "{count} recipients at look-alike domains" } },
    sk: {
      name: "Podobná doména príjemcu",
      count: { one: "{count} príjemca na podobnej doméne", few: "{count} príjemcovia na podobných doménach", other: "{count} príjemcov na podobných doménach" },
    },
    nb: { name: "Mottakerdomene som ligner", count: { one: "{count} mottaker på et domene som ligner", other: "{count} mottakere på domener som ligner" } },
    fi: { name: "Samannäköinen vastaanottajan verkkotunnus", count: { one: "{count} vastaanottaja samannäköisessä verkkotunnuksessa", other: "{count} vastaanottajaa samannäköisissä verkkotunnuksissa" } },
    hi: { name: "मिलता-जुलता प्राप्तकर्ता डोमेन", count: { one: "मिलते-जुलते डोमेन पर {count} प्राप्तकर्ता", other: "मिलते-जुलते डोमेन पर {count} प्राप्तकर्ता" } },
    ur: { name: "ملتا جلتا وصول کنندہ ڈومین", count: { one: "ملتے جلتے ڈومین پر {count} وصول کنندہ", other: "ملتے جلتے ڈومینز پر {count} وصول کنندگان" } },
  },
};
