/**
 * The registry is the single source of ids, groups and display names. These tests hold the conventions every entry
 * must keep (so a new detector is its file, its test and one registry line), derived from the files themselves.
 */
import * as fs from "fs";
import * as path from "path";
import { detectors } from "./detectors";
import { signals } from "./signals";
import { membersOf, namesDetector, POLICY_GROUPS, REGISTRY, registered, SIGNAL_IDS, TEXT_DETECTOR_IDS } from "./registry";
import type { NameLocale } from "./detectors/detector";

const LOCALES: NameLocale[] = ["en", "sk", "nb", "fi", "hi", "ur"];
const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

describe("registry", () => {
  it("ids are unique, kebab-case, and text detectors and signals do not share one", () => {
    const ids = REGISTRY.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    expect(TEXT_DETECTOR_IDS.filter((id) => (SIGNAL_IDS as readonly string[]).indexOf(id) >= 0)).toEqual([]);
  });

  it.each([
    ["detectors", detectors as readonly { id: string }[]],
    ["signals", signals as readonly { id: string }[]],
  ])("every entry of %s lives in the file named by its id, exported under its camelCase id", (folder, list) => {
    const dir = path.join(__dirname, folder);
    for (const entry of list) {
      const file = path.join(dir, entry.id + ".ts");
      expect([entry.id, fs.existsSync(file)]).toEqual([entry.id, true]);
      const mod = require(file) as Record<string, unknown>;
      expect([entry.id, mod[camel(entry.id)]]).toEqual([entry.id, entry]);
      // A text detector's test sits beside it; signals computed by the decision are tested in policy/decide.test.ts.
      if (folder === "detectors") expect([entry.id, fs.existsSync(path.join(dir, entry.id + ".test.ts"))]).toEqual([entry.id, true]);
    }
  });

  it("every detector file in the folder is registered (a new file without its registry line fails here)", () => {
    const files = fs
      .readdirSync(path.join(__dirname, "detectors"))
      .filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && !f.endsWith(".test.ts") && !f.endsWith(".testkit.ts") && f !== "index.ts" && f !== "detector.ts");
    expect(files.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(TEXT_DETECTOR_IDS.slice().sort());
  });

  it("every entry has a name and a count text with {count} in every add-in language", () => {
    for (const r of REGISTRY) {
      for (const l of LOCALES) {
        const n = r.names[l];
        expect([r.id, l, typeof n.name, n.name.length > 0]).toEqual([r.id, l, "string", true]);
        expect([r.id, l, n.count.other.indexOf("{count}") >= 0]).toEqual([r.id, l, true]);
        for (const form of Object.keys(n.count)) expect([r.id, l, form, (n.count as unknown as Record<string, string>)[form]]).toEqual([r.id, l, form, expect.stringContaining("{count}")]);
      }
      expect([r.id, r.description.length > 10]).toEqual([r.id, true]);
    }
  });

  it("groups: each entry belongs to one the policy can name; members are found by group name and by id", () => {
    const groups = Object.keys(POLICY_GROUPS).map((k) => POLICY_GROUPS[k as keyof typeof POLICY_GROUPS] as string);
    for (const r of REGISTRY) expect([r.id, groups.indexOf(r.group) >= 0]).toEqual([r.id, true]);
    for (const id of membersOf("identifier")) {
      expect(namesDetector("identifiers", id, [])).toBe(true);
      expect(namesDetector("*", id, [])).toBe(true);
      expect(namesDetector("customer-lists", id, [])).toBe(false);
    }
    expect(namesDetector("identifiers", "email-address", [])).toBe(false);
    expect(namesDetector("identifiers", "employee-id", ["employee-id"])).toBe(true);
    expect(namesDetector("identifiers", "employee-id", [])).toBe(false);
    expect(namesDetector("customer-lists", "email-list", [])).toBe(true);
    expect(namesDetector("payment-card", "payment-card", [])).toBe(true);
    expect(registered("no-such-id")).toBeUndefined();
  });
});
