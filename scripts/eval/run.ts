/**
 * One evaluation of the engine: the labelled corpus (vectors × forms) and the false-alarm corpus (package docs), with
 * the built-in detectors of the registry (src/engine/detectors/index.ts) and every default (testPolicy: all detectors
 * on, minConfidence low), so a finding at any confidence counts. Shared by `npm run eval` and test/eval.test.ts.
 */
import * as path from "path";
import { createScanner } from "../../src/engine/scan";
import { detectors } from "../../src/engine/detectors";
import { testPolicy } from "../../src/engine/test-policy";
import { loadVectors, type Vector } from "./corpus";
import { activeExclusions, type ActiveExclusions } from "./exclusions";
import { score, type DetectorScore, type Finder, type Registry } from "./score";
import { loadRealText, maskedContext, type CorpusFile } from "./real-text";

export const ROOT = path.join(__dirname, "../..");

/** The registry's groups; detectors written before the registry carried `group` are identifiers (e-mail: email). */
export function registryGroups(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of detectors) {
    const g = (d as { group?: string }).group;
    out[d.id] = typeof g === "string" ? g : d.id === "email-address" ? "email" : "identifier";
  }
  return out;
}

export function ourFinder(): { find: Finder; scanFull: ReturnType<typeof createScanner>["scan"] } {
  const scanner = createScanner(testPolicy());
  return {
    scanFull: scanner.scan,
    find: (text) => scanner.scan(text).filter((f) => f.detector !== "email-list").map((f) => ({ detector: f.detector, start: f.start, end: f.end })),
  };
}

export interface FalseFinding {
  file: string;
  detector: string;
  masked: string;
  context: string;
}

export interface RealTextResult {
  files: number;
  chars: number;
  /** Identifier findings (all false, published test cards aside) per detector. */
  falseByDetector: Record<string, number>;
  falseFindings: FalseFinding[];
  /** Published test card numbers found (reported on purpose, not counted). */
  testCards: FalseFinding[];
  /** Business-id findings (recognised company/tax ids: not personal data, not counted as identifier findings). */
  businessByDetector: Record<string, number>;
  emailAddresses: number;
  emailLists: number;
}

/** Digits of every positive payment-card vector: numbers networks and processors publish for testing. */
export function publishedTestCards(vectors: readonly Vector[]): Set<string> {
  const s = new Set<string>();
  for (const v of vectors) if (v.detector === "payment-card" && v.expected === "payment-card") s.add(v.value.replace(/[^0-9]/g, ""));
  return s;
}

export function scanRealText(
  files: readonly CorpusFile[],
  scan: (t: string) => Array<{ detector: string; start: number; end: number; masked: string }>,
  groups: Record<string, string>,
  testCards: Set<string>,
  only?: string[],
): RealTextResult {
  const r: RealTextResult = { files: files.length, chars: 0, falseByDetector: {}, falseFindings: [], testCards: [], businessByDetector: {}, emailAddresses: 0, emailLists: 0 };
  for (const g of Object.keys(groups)) if (groups[g] === "identifier" && (!only || only.indexOf(g) >= 0)) r.falseByDetector[g] = 0;
  for (const f of files) {
    r.chars += f.text.length;
    for (const x of scan(f.text)) {
      if (only && only.indexOf(x.detector) < 0) continue;
      if (x.detector === "email-list") {
        r.emailLists++;
        continue;
      }
      const g = groups[x.detector];
      if (g === "email") {
        r.emailAddresses++;
        continue;
      }
      if (g === "business") {
        r.businessByDetector[x.detector] = (r.businessByDetector[x.detector] || 0) + 1;
        continue;
      }
      if (g !== "identifier") continue;
      const item = { file: f.file, detector: x.detector, masked: x.masked, context: maskedContext(f.text, x.start, x.end, x.masked) };
      if (x.detector === "payment-card" && testCards.has(f.text.slice(x.start, x.end).replace(/[^0-9]/g, ""))) {
        r.testCards.push(item);
        continue;
      }
      r.falseByDetector[x.detector] = (r.falseByDetector[x.detector] || 0) + 1;
      r.falseFindings.push(item);
    }
  }
  return r;
}

export interface Evaluation {
  vectors: Vector[];
  exclusions: ActiveExclusions;
  scores: DetectorScore[];
  realText: RealTextResult;
  realFiles: CorpusFile[];
}

export function evaluate(only?: string[]): Evaluation {
  const vectors = loadVectors();
  const exclusions = activeExclusions(ROOT);
  const groups = registryGroups();
  const registry: Registry = { groups };
  const ours = ourFinder();
  const scores = score(ours.find, vectors, registry, exclusions, { only });
  const realFiles = loadRealText(ROOT);
  const realText = scanRealText(realFiles, ours.scanFull, groups, publishedTestCards(vectors), only);
  return { vectors, exclusions, scores, realText, realFiles };
}
