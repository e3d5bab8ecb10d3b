/**
 * The `first-time-recipient` signal: an external (or consumer mailbox) address the sender has never written to, as far
 * as this mailbox's history goes (../recipients/recipient-history.ts: salted hashes in roamingSettings). Weight: the
 * number of such recipients. Reported only when the history could be read and is past its learning days; where no
 * store exists it reports nothing (docs/recipients.md). With a rule's `recipients: first-time` it is the condition of
 * the default rule that warns when identifiers or a customer list go to someone new.
 */
import type { Signal } from "../detectors/detector";

export const firstTimeRecipient: Signal<"first-time-recipient"> = {
  id: "first-time-recipient",
  group: "recipient",
  description: "An external recipient this mailbox has never written to before",
  names: {
    en: { name: "New recipient", count: { one: "{count} recipient you have not written to before", other: "{count} recipients you have not written to before" } },
    sk: {
      name: "Nový príjemca",
      count: { one: "{count} príjemca, ktorému ste ešte nepísali", few: "{count} príjemcovia, ktorým ste ešte nepísali", other: "{count} príjemcov, ktorým ste ešte nepísali" },
    },
    nb: { name: "Ny mottaker", count: { one: "{count} mottaker du ikke har skrevet til før", other: "{count} mottakere du ikke har skrevet til før" } },
    fi: { name: "Uusi vastaanottaja", count: { one: "{count} vastaanottaja, jolle et ole kirjoittanut ennen", other: "{count} vastaanottajaa, joille et ole kirjoittanut ennen" } },
    hi: { name: "नया प्राप्तकर्ता", count: { one: "{count} प्राप्तकर्ता जिसे आपने पहले नहीं लिखा", other: "{count} प्राप्तकर्ता जिन्हें आपने पहले नहीं लिखा" } },
    ur: { name: "نیا وصول کنندہ", count: { one: "{count} وصول کنندہ جسے آپ نے پہلے نہیں لکھا", other: "{count} وصول کنندگان جنہیں آپ نے پہلے نہیں لکھا" } },
  },
};
