/**
 * The generated tables of src/engine/recipients/data/ are what scripts/gen-recipient-data.ts makes from the installed
 * sources (psl, tldts-icann, unhomoglyph, this Node's Unicode data). A failure means a source changed: run
 * `npx tsx scripts/gen-recipient-data.ts` and commit the result.
 */
import * as fs from "fs";
import * as path from "path";
import { DATA_DIR, generateRecipientData } from "../scripts/gen-recipient-data";

describe("src/engine/recipients/data", () => {
  const generated = generateRecipientData();
  test.each(Object.keys(generated))("%s is up to date", (name) => {
    const committed = fs.readFileSync(path.join(DATA_DIR, name), "utf8");
    expect(committed === generated[name]).toBe(true);
  });
  test("the tables hold what the checks rely on", () => {
    expect(generated["public-suffixes.ts"]).toContain("uk:ac,co,gov,ltd,me,net,org,plc");
    expect(generated["public-suffixes.ts"]).toContain("ck:!www,*");
    expect(generated["confusables.ts"]).toMatch(/export const CONFUSABLE_PROTOTYPES/);
    expect(generated["scripts.ts"]).toMatch(/"Latn"/);
  });
});
