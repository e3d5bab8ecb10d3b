/**
 * The accuracy harness as a test: the same labelled corpus and false-alarm corpus as `npm run eval`, through the engine
 * with every registry detector, checked against eval/floors.json. Floors are today's measured values rounded down and
 * only go up; the goals (P and R >= 0.99 per detector, 0 false identifier findings on the real text) are stated there
 * too. A detector that falls below its floor fails here; a detector new in the registry fails until it has a floor.
 */
import * as fs from "fs";
import * as path from "path";
import { evaluate, type Evaluation } from "../scripts/eval/run";
import { instancesOf } from "../scripts/eval/forms";
import { loadVectors } from "../scripts/eval/corpus";
import { activeExclusions, EXCLUSIONS } from "../scripts/eval/exclusions";

interface Floors {
  goal: { precision: number; recall: number; notPersonal: number; realTextFalse: number };
  detectors: Record<string, { precision?: number | null; recall?: number | null; notPersonal?: number | null }>;
  realTextFalse: Record<string, number>;
}

const floors = JSON.parse(fs.readFileSync(path.join(__dirname, "../eval/floors.json"), "utf8")) as Floors;
let ev: Evaluation;

beforeAll(() => {
  ev = evaluate();
});

describe("labelled corpus", () => {
  it("holds vectors for every detector of the registry except e-mail lists, each with a source", () => {
    const vectors = loadVectors();
    expect(vectors.length).toBeGreaterThan(900);
    for (const v of vectors) expect(v.source).toMatch(/^([\w.-]+\/[\w.-]+:\S+|https:\/\/\S+)/);
    const ids = new Set(vectors.map((v) => v.detector));
    for (const id of ["us-ssn", "payment-card", "iban", "fi-hetu", "no-fnr", "sk-rc", "in-aadhaar", "in-pan", "pk-cnic", "email-address"]) expect(ids.has(id)).toBe(true);
  });

  it("renders forms from the vector, keeping the identifier's span", () => {
    const ins = instancesOf("payment-card", "4111111111111111");
    const forms = ins.map((i) => i.form);
    for (const f of ["as-written", "sep:space", "sep:dash", "sep:dot", "sep:nbsp", "sep:mixed", "group:8+8", "ctx:ur", "ctx:csv", "ctx:glued"]) expect(forms).toContain(f);
    for (const i of ins) expect(i.text.slice(i.start, i.end).replace(/[^0-9]/g, "")).toBe("4111111111111111");
    const glued = ins.filter((i) => i.form === "ctx:glued")[0];
    expect(glued && glued.text).toBe("Card:4111111111111111;exp 12/27");
  });

  it("applies an exclusion only while its documentation still says so", () => {
    const fake = fs.mkdtempSync(path.join(require("os").tmpdir(), "eval-"));
    const rule = EXCLUSIONS.filter((e) => e.detector === "pk-cnic")[0];
    expect(rule).toBeDefined();
    const file = path.join(fake, rule!.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "// 13 bare digits are matched now\n");
    expect(activeExclusions(fake).find("pk-cnic", "3520248173065", "sep:none")).toBeNull();
    fs.writeFileSync(file, "// " + rule!.quote + "\n");
    expect(activeExclusions(fake).find("pk-cnic", "3520248173065", "sep:none")).toBe(rule);
  });
});

describe("floors (eval/floors.json)", () => {
  it("every measured detector has a floor", () => {
    const missing = ev.scores
      .filter((s) => s.instances > 0 || s.kind !== "pending")
      .filter((s) => {
        const f = floors.detectors[s.id];
        if (!f) return true;
        return s.kind === "pending" ? typeof f.notPersonal !== "number" : s.tp + s.fp > 0 && typeof f.precision !== "number";
      })
      .map((s) => `${s.id} (P ${s.precision}, R ${s.recall}, not personal ${s.notPersonal})`);
    expect(missing).toEqual([]);
  });

  it("no detector falls below its precision and recall floors", () => {
    const below: string[] = [];
    for (const s of ev.scores) {
      const f = floors.detectors[s.id];
      if (!f) continue;
      if (typeof f.precision === "number" && (s.precision === null || s.precision < f.precision)) below.push(`${s.id} precision ${s.precision} < ${f.precision}`);
      if (typeof f.recall === "number" && (s.recall === null || s.recall < f.recall)) below.push(`${s.id} recall ${s.recall} < ${f.recall}`);
      if (s.kind === "pending" && typeof f.notPersonal === "number" && (s.notPersonal === null || (s.notPersonal as number) < f.notPersonal))
        below.push(`${s.id} not read as personal ${s.notPersonal} < ${f.notPersonal}`);
    }
    expect(below).toEqual([]);
  });

  it("the false-alarm corpus is at least 5 MB of package docs and false identifier findings stay within their ceiling", () => {
    expect(ev.realText.chars).toBeGreaterThan(5e6);
    const over: string[] = [];
    for (const id of Object.keys(ev.realText.falseByDetector)) {
      const n = ev.realText.falseByDetector[id] as number;
      const ceiling = id in floors.realTextFalse ? (floors.realTextFalse[id] as number) : floors.goal.realTextFalse;
      if (n > ceiling) over.push(`${id}: ${n} false findings > ${ceiling}`);
    }
    expect(over).toEqual([]);
    // Nothing raw is listed: contexts carry no digit.
    for (const f of ev.realText.falseFindings) expect(f.context.replace(/\[[^\]]*\]/, "")).not.toMatch(/[0-9]/);
  });
});
