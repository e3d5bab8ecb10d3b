/**
 * The `unscanned` signal: a part of the message that could not be read or checked in time (an encrypted or corrupt
 * attachment, an Office call that failed, the time budget). The policy's `onUnscanned` applies to it even when no rule
 * names it (../policy/decide.ts).
 */
import type { Signal } from "../detectors/detector";

export const unscanned: Signal<"unscanned"> = {
  id: "unscanned",
  group: "message",
  description: "A part of the message that could not be read or checked in time",
  names: {
    en: { name: "Not checked", count: { one: "{count} part that could not be checked", other: "{count} parts that could not be checked" } },
    sk: { name: "Neskontrolované", count: { one: "{count} časť sa nepodarilo skontrolovať", few: "{count} časti sa nepodarilo skontrolovať", other: "{count} častí sa nepodarilo skontrolovať" } },
    nb: { name: "Ikke sjekket", count: { one: "{count} del som ikke kunne sjekkes", other: "{count} deler som ikke kunne sjekkes" } },
    fi: { name: "Tarkistamatta", count: { one: "{count} osa, jota ei voitu tarkistaa", other: "{count} osaa, joita ei voitu tarkistaa" } },
    hi: { name: "नहीं जाँचा गया", count: { one: "{count} हिस्सा जो जाँचा नहीं जा सका", other: "{count} हिस्से जो जाँचे नहीं जा सके" } },
    ur: { name: "جانچا نہیں گیا", count: { one: "{count} حصہ جو جانچا نہیں جا سکا", other: "{count} حصے جو جانچے نہیں جا سکے" } },
  },
};
