import { en } from "../../i18n/messages/en";
import { TEXT_DETECTOR_IDS } from "../registry";
import { ADVICE_IDS, BUILTIN_DETECTOR_IDS, IDENTIFIER_DETECTOR_IDS, KEBAB_ID } from "./ids";

describe("policy ids", () => {
  it("the built-in detector ids are the registry's text detectors; identifiers are the group's members", () => {
    expect(BUILTIN_DETECTOR_IDS).toEqual(TEXT_DETECTOR_IDS);
    expect(IDENTIFIER_DETECTOR_IDS.length).toBeGreaterThan(0);
    expect(IDENTIFIER_DETECTOR_IDS).not.toContain("email-address");
  });

  it("every advice id a rule may name has an English text", () => {
    // The recipient rules' advice is in its own section of the catalog (it names a masked address).
    const text = (id: string) => (en.advice as Record<string, string>)[id] || (en.recipientChecks.advice as Record<string, string>)[id];
    for (const id of ADVICE_IDS) expect([id, typeof text(id)]).toEqual([id, "string"]);
  });

  it("advice ids are kebab-case", () => {
    for (const id of ADVICE_IDS) expect(id).toMatch(KEBAB_ID);
  });
});
