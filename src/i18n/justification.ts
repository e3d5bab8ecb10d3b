/**
 * Words for "Send with a reason": the label of each reason code and a sentence for each problem the reason check
 * reports (src/pipeline/justification.ts). Detector names come from the catalog, never a value.
 */
import type { JustificationProblem, ReasonCode } from "../pipeline/justification";
import { detectorName } from "./dialog";
import { format } from "./format";
import { toLocale, type Locale } from "./locale";
import { messages } from "./messages";

/** The localized label of a reason code ("The customer agreed to this"). */
export function reasonLabel(locale: Locale, code: ReasonCode): string {
  return messages(toLocale(locale)).justification.codes[code].label;
}

/** One sentence telling the employee what to change. */
export function justificationProblemText(locale: Locale, problem: JustificationProblem): string {
  const l = toLocale(locale);
  const p = messages(l).justification.problems;
  switch (problem.kind) {
    case "too-long":
      return format(p["too-long"], { max: problem.max });
    case "long-number":
      return format(p["long-number"], { max: problem.max });
    case "identifier": {
      const names: string[] = [];
      for (let i = 0; i < problem.detectors.length; i++) names.push(detectorName(l, problem.detectors[i] as string));
      return format(p.identifier, { found: names.join(messages(l).dialog.listSeparator) });
    }
    default:
      return p[problem.kind];
  }
}
