/**
 * Test support for the national-ID detectors (not a test itself; imported only by *.test.ts): runs one detector the
 * way the engine's contract describes (global pattern, no match glued to a longer digit or letter run, validate), so
 * a detector can be tested on its own, independent of the scanner's keyword and de-duplication stages.
 */
import type { Confidence } from "../types";
import type { Detector } from "./detector";

export interface DirectHit {
  start: number;
  end: number;
  confidence: Confidence;
  reasons: string[];
}

const ALNUM = /[0-9A-Za-z]/;

export function directFind(detector: Detector, text: string): DirectHit[] {
  const flags = "g" + (detector.pattern.ignoreCase ? "i" : "") + (detector.pattern.unicode ? "u" : "");
  const re = new RegExp(detector.pattern.source, flags);
  const hits: DirectHit[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if ((start > 0 && ALNUM.test(text.charAt(start - 1))) || (end < text.length && ALNUM.test(text.charAt(end)))) continue;
    const v = detector.validate(m[0]);
    if (v.ok) hits.push({ start: start, end: end, confidence: v.confidence, reasons: v.reasons });
  }
  return hits;
}

/** [start, end] of every hit, for compact expectations. */
export function spans(detector: Detector, text: string): Array<[number, number]> {
  return directFind(detector, text).map((h) => [h.start, h.end] as [number, number]);
}

/** Digits 0–9 as a fast-check unit (fc.string({ unit })) without importing fast-check here. */
export const DIGITS = "0123456789".split("");
