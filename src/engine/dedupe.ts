/**
 * De-duplication of overlapping findings: a card number inside an IBAN is the IBAN. Of two overlapping findings the
 * longer wins, then the higher confidence, then the earlier one (registry order decides ties of equal spans).
 * Findings come in start order; the result is in start order.
 */
import { CONFIDENCE_ORDER, type Finding } from "./types";

function rank(f: Finding): number {
  return CONFIDENCE_ORDER.indexOf(f.confidence);
}

function beats(a: Finding, b: Finding): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  return rank(a) > rank(b);
}

export function dedupe(findings: Finding[]): Finding[] {
  const sorted = findings.slice().sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Finding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (beats(f, last)) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}
