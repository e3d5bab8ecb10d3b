/**
 * Suppression of overlapping findings (the scanner's `suppress` stage). Of two overlapping findings:
 *   1. the longer wins: a card number inside an IBAN is the IBAN; the PAN inside a GSTIN is the GSTIN; the digits of
 *      "SK 2022749619" are the IČ DPH, not a rodné číslo;
 *   2. on the same span, a business id (group `business`: organisation numbers, IČO, DIČ, Y-tunnus, GSTIN, TAN, NTN,
 *      RF references) beats a personal identifier unless the personal reading has stronger evidence (a higher
 *      confidence, i.e. a keyword of its own nearby): a Slovak DIČ that also passes the rodné číslo's rule is a DIČ, an
 *      organisation number is not an SSN, but "rodné číslo: …" keeps the personal reading. Business ids are not
 *      personal data, and default rules do not act on them: warning on every supplier's tax number teaches people to
 *      ignore the warning;
 *   3. otherwise the higher confidence, then the detector earlier in the registry (`order`; custom patterns after the
 *      built-ins, in policy order), then the earlier finding.
 * A business detector a policy disables suppresses nothing (it reports no finding). Findings come in any order; the
 * result is in start order.
 */
import { CONFIDENCE_ORDER, type Finding } from "./types";

function rank(f: Finding): number {
  return CONFIDENCE_ORDER.indexOf(f.confidence);
}

export function dedupe(findings: Finding[], isBusiness: (detector: string) => boolean = () => false, order: (detector: string) => number = () => 0): Finding[] {
  const beats = (a: Finding, b: Finding): boolean => {
    const la = a.end - a.start;
    const lb = b.end - b.start;
    if (la !== lb) return la > lb;
    const ba = isBusiness(a.detector);
    const bb = isBusiness(b.detector);
    if (ba !== bb) return ba ? rank(a) >= rank(b) : rank(a) > rank(b);
    if (rank(a) !== rank(b)) return rank(a) > rank(b);
    return order(a.detector) < order(b.detector);
  };
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
