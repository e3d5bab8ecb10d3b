/**
 * The `visible-external-recipients` signal: many external recipients in To and Cc who can all see each other's
 * addresses (the policy's threshold `thresholds.visibleExternalRecipients`). Computed by the decision from the
 * recipients (../policy/decide.ts); moving them to Bcc is the fix.
 */
import type { Signal } from "../detectors/detector";

export const visibleExternalRecipients: Signal<"visible-external-recipients"> = {
  id: "visible-external-recipients",
  group: "recipient",
  description: "Many external recipients in To/Cc who can see each other's addresses",
  names: {
    en: { name: "External recipients in To/Cc", count: { one: "{count} external recipient who can see the others", other: "{count} external recipients who can see each other" } },
    sk: { name: "Externí príjemcovia v poliach Komu a Kópia", count: { one: "{count} externý príjemca, ktorý vidí ostatných", few: "{count} externí príjemcovia, ktorí sa navzájom vidia", other: "{count} externých príjemcov, ktorí sa navzájom vidia" } },
    nb: { name: "Eksterne mottakere i Til/Kopi", count: { one: "{count} ekstern mottaker som ser de andre", other: "{count} eksterne mottakere som ser hverandre" } },
    fi: { name: "Ulkoiset vastaanottajat Vastaanottaja- ja Kopio-kentissä", count: { one: "{count} ulkoinen vastaanottaja, joka näkee muut", other: "{count} ulkoista vastaanottajaa, jotka näkevät toisensa" } },
    hi: { name: "प्रति/प्रतिलिपि में बाहरी प्राप्तकर्ता", count: { one: "{count} बाहरी प्राप्तकर्ता जो दूसरों को देख सकता है", other: "{count} बाहरी प्राप्तकर्ता जो एक-दूसरे को देख सकते हैं" } },
    ur: { name: "بنام/نقل میں بیرونی وصول کنندگان", count: { one: "{count} بیرونی وصول کنندہ جو دوسروں کو دیکھ سکتا ہے", other: "{count} بیرونی وصول کنندگان جو ایک دوسرے کو دیکھ سکتے ہیں" } },
  },
};
