/**
 * Scoring of one finder (ours or a peer) over the labelled corpus.
 *
 *   positive vector of detector E, each form:  hit = a finding of E covering the identifier's letters and digits → TP(E),
 *                                              otherwise FN(E); unless an exclusion in force covers it (counted apart).
 *                                              Findings of another personal detector on it → FP(that detector).
 *   business-id vector (group business):       any personal finding on it → FP(that detector) ("not personal data");
 *                                              while its own detector is not in the registry its row reports the share
 *                                              of instances with no personal reading.
 *   negative vector of detector F (none):      a finding of F on it → FP(F) (e-mail: one covering the whole value;
 *                                              an address inside a longer invalid string is a correct reading).
 * Precision = TP / (TP + FP), recall = TP / (TP + FN), both over instances (every form of every vector).
 */
import type { Vector } from "./corpus";
import { instancesOf, type Instance } from "./forms";
import type { ActiveExclusions } from "./exclusions";

export interface Found {
  detector: string;
  start: number;
  end: number;
}
export type Finder = (text: string) => Found[];

export interface FormStat {
  n: number;
  hit: number;
}

export interface DetectorScore {
  id: string;
  /** "identifier" | "business" | "email"; "pending" for a business id without a detector in the registry. */
  kind: string;
  positives: number;
  negatives: number;
  instances: number;
  tp: number;
  fn: number;
  fp: number;
  excluded: number;
  excludedFound: number;
  precision: number | null;
  recall: number | null;
  forms: Record<string, FormStat>;
  /** Pending business ids: instances with no personal finding / all instances. */
  notPersonal?: number | null;
  /** Where the false positives came from: "negative", "confusion:<vector detector>", "business:<id>". */
  fpFrom: Record<string, number>;
  /** Excluded instances per rule id. */
  exclusions: Record<string, number>;
}

export const BUSINESS_IDS = ["no-orgnr", "sk-ico", "sk-dic", "sk-icdph", "fi-ytunnus", "in-gstin", "in-tan", "pk-ntn", "rf-creditor-ref"];

function letters(text: string, s: number, e: number): [number, number] {
  let a = s;
  let b = e;
  while (a < b && !/[0-9A-Za-z\u00c0-\uffff]/.test(text.charAt(a))) a++;
  while (b > a && !/[0-9A-Za-z\u00c0-\uffff]/.test(text.charAt(b - 1))) b--;
  return [a, b];
}

function overlaps(f: Found, s: number, e: number): boolean {
  return f.start < e && f.end > s;
}

export interface Registry {
  /** Detector ids the finder can report, with their group. */
  groups: Record<string, string>;
}

function emptyScore(id: string, kind: string): DetectorScore {
  return {
    id,
    kind,
    positives: 0,
    negatives: 0,
    instances: 0,
    tp: 0,
    fn: 0,
    fp: 0,
    excluded: 0,
    excludedFound: 0,
    precision: null,
    recall: null,
    forms: {},
    fpFrom: {},
    exclusions: {},
  };
}

export interface ScoreOptions {
  /** Only these vector files (--detector). */
  only?: string[];
  /** Detector ids this finder is judged on (peers: their comparable categories). */
  judged?: string[];
}

export function score(find: Finder, vectors: readonly Vector[], registry: Registry, ex: ActiveExclusions, opts: ScoreOptions = {}): DetectorScore[] {
  const personal = (id: string) => registry.groups[id] === "identifier";
  const judged = (id: string) => !opts.judged || opts.judged.indexOf(id) >= 0;
  const rows: Record<string, DetectorScore> = {};
  const row = (id: string) => {
    if (!rows[id]) {
      const kind = registry.groups[id] ? (registry.groups[id] as string) : BUSINESS_IDS.indexOf(id) >= 0 ? "pending" : "unknown";
      rows[id] = emptyScore(id, kind);
    }
    return rows[id] as DetectorScore;
  };
  const pendingClean: Record<string, number> = {};
  for (const id of Object.keys(registry.groups)) if (judged(id)) row(id);
  for (const v of vectors) {
    if (opts.only && opts.only.indexOf(v.detector) < 0) continue;
    const r = row(v.detector);
    const isBusiness = BUSINESS_IDS.indexOf(v.detector) >= 0 || registry.groups[v.detector] === "business";
    if (v.expected === "none") {
      r.negatives++;
      if (!judged(v.detector)) continue;
      const found = find(v.value);
      r.instances++;
      const whole = v.detector === "email-address";
      const [a, b] = letters(v.value, 0, v.value.length);
      const bad = found.some((f) => f.detector === v.detector && (whole ? f.start <= a && f.end >= b : overlaps(f, 0, v.value.length)));
      if (bad) {
        r.fp++;
        r.fpFrom.negative = (r.fpFrom.negative || 0) + 1;
      }
      continue;
    }
    r.positives++;
    const instances: Instance[] = instancesOf(v.detector, v.value);
    for (const ins of instances) {
      const found = find(ins.text);
      const [a, b] = letters(ins.text, ins.start, ins.end);
      const on = found.filter((f) => overlaps(f, ins.start, ins.end));
      // Readings by other personal detectors are false positives of those detectors.
      let personalReading = false;
      for (const f of on) {
        if (f.detector === v.detector || !personal(f.detector) || !judged(f.detector)) continue;
        personalReading = true;
        const o = row(f.detector);
        o.fp++;
        const key = (isBusiness ? "business:" : "confusion:") + v.detector;
        o.fpFrom[key] = (o.fpFrom[key] || 0) + 1;
      }
      if (!judged(v.detector) && r.kind !== "pending") continue;
      r.instances++;
      if (r.kind === "pending") {
        if (!personalReading) pendingClean[v.detector] = (pendingClean[v.detector] || 0) + 1;
        continue;
      }
      const hit = on.some((f) => f.detector === v.detector && f.start <= a && f.end >= b);
      const rendered = ins.text.slice(ins.start, ins.end);
      const rule = ex.find(v.detector, rendered, ins.form);
      if (rule) {
        r.excluded++;
        r.exclusions[rule.id] = (r.exclusions[rule.id] || 0) + 1;
        if (hit) r.excludedFound++;
        continue;
      }
      const fs = r.forms[ins.form] || (r.forms[ins.form] = { n: 0, hit: 0 });
      fs.n++;
      if (hit) {
        fs.hit++;
        r.tp++;
      } else r.fn++;
    }
  }
  const out = Object.keys(rows)
    .sort()
    .map((id) => rows[id] as DetectorScore);
  for (const r of out) {
    r.precision = r.tp + r.fp > 0 ? r.tp / (r.tp + r.fp) : null;
    r.recall = r.tp + r.fn > 0 ? r.tp / (r.tp + r.fn) : null;
    if (r.kind === "pending") r.notPersonal = r.instances > 0 ? (pendingClean[r.id] || 0) / r.instances : null;
  }
  return out;
}

/** The forms with the lowest recall, worst first (ties: more instances first). */
export function worstForms(r: DetectorScore, n: number): Array<{ form: string; recall: number; n: number }> {
  return Object.keys(r.forms)
    .map((form) => {
      const s = r.forms[form] as FormStat;
      return { form, recall: s.hit / s.n, n: s.n };
    })
    .filter((x) => x.recall < 1)
    .sort((x, y) => x.recall - y.recall || y.n - x.n)
    .slice(0, n);
}
