/**
 * A detector built from data: a policy's custom pattern (id, regex, optional built-in checksum, keywords, examples).
 * The regex is compiled with the `u` flag plus the pattern's own flags (g and y are the engine's business and dropped).
 * Refusing patterns that can backtrack catastrophically is the policy compiler's job; this only compiles.
 * Confidence: the pattern's `confidence` alone; a keyword nearby raises it one step (the scanner does that for every
 * detector built here, see `isCustom`).
 */
import type { CustomPattern } from "./policy/types";
import type { DetectorCore, Validation } from "./detectors/detector";
import { checksumById } from "./checksums";
import { maskLast4 } from "./mask";

const CUSTOM = "__thinkFirstCustom";

export function compileCustomPattern(p: CustomPattern): DetectorCore {
  let flags = "u";
  for (const f of p.flags || "") if ("imsu".indexOf(f) >= 0 && flags.indexOf(f) < 0) flags += f;
  const pattern = new RegExp(p.pattern, flags);
  const check = p.checksum ? checksumById(p.checksum) : undefined;
  if (p.checksum && !check) throw new Error("custom pattern '" + p.id + "': unknown checksum '" + p.checksum + "'");
  const confidence = p.confidence || "low";
  const validate = (candidate: string): Validation => {
    if (check && !check(candidate)) return { ok: false, reasons: [p.checksum + " failed"], confidence };
    return { ok: true, reasons: check ? ["pattern matched", p.checksum + " ok"] : ["pattern matched"], confidence };
  };
  const d: DetectorCore = {
    id: p.id,
    description: p.description || "custom pattern " + p.id,
    pattern,
    minDigits: 0,
    checksum: !!check,
    validate,
    keywords: { en: (p.keywords || []).slice() },
    mask: maskLast4,
    examples: { match: (p.examples && p.examples.match) || [], noMatch: (p.examples && p.examples.noMatch) || [] },
  };
  (d as unknown as Record<string, boolean>)[CUSTOM] = true;
  return d;
}

/** True for detectors built by compileCustomPattern. */
export function isCustom(d: DetectorCore): boolean {
  return (d as unknown as Record<string, boolean>)[CUSTOM] === true;
}
