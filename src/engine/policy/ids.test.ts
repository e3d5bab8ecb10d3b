import { detectors } from "../detectors";
import { en } from "../../i18n/messages/en";
import { ADVICE_IDS, BUILTIN_DETECTOR_IDS, KEBAB_ID, SIGNAL_IDS } from "./ids";

describe("policy ids", () => {
  it("the built-in detector ids are the engine's registry: the ten identifiers of the product", () => {
    expect(BUILTIN_DETECTOR_IDS).toEqual(detectors.map((d) => d.id));
    expect(BUILTIN_DETECTOR_IDS.slice().sort()).toEqual(
      ["us-ssn", "payment-card", "iban", "email-address", "fi-hetu", "no-fnr", "sk-rc", "in-aadhaar", "in-pan", "pk-cnic"].sort(),
    );
  });

  it("every advice id a rule may name has an English text, and every detector and signal a name", () => {
    for (const id of ADVICE_IDS) expect([id, typeof (en.advice as Record<string, string>)[id]]).toEqual([id, "string"]);
    for (const id of [...BUILTIN_DETECTOR_IDS, ...SIGNAL_IDS]) expect([id, id in en.detectors]).toEqual([id, true]);
  });

  it("ids are kebab-case", () => {
    for (const id of [...BUILTIN_DETECTOR_IDS, ...SIGNAL_IDS, ...ADVICE_IDS]) expect(id).toMatch(KEBAB_ID);
  });
});
