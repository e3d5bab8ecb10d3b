/**
 * Public entry of the detection engine (pure: no Office, no DOM, no Node APIs).
 * PLACEHOLDER signatures from the foundation; the engine and policy issues fill them in.
 */
import type { Decision, Finding, MessageInfo, SourceResult } from "./types";
import type { Policy } from "./policy/types";

export * from "./types";
export type { Policy } from "./policy/types";

export interface Scanner {
  /** Finds identifiers and aggregate signals (email-list) in one text. Offsets refer to `text`. */
  scan(text: string): Finding[];
}

/** Compiles the policy's detector settings, custom patterns and allowlisted values once; reuse the scanner. */
export function createScanner(_policy: Policy): Scanner {
  return { scan: () => [] };
}

/** Applies the policy's rules to the scanned sources of one message. */
export function decide(sources: SourceResult[], message: MessageInfo, _policy: Policy): Decision {
  const unscanned = sources.reduce<SourceResult["unscanned"]>((all, s) => all.concat(s.unscanned), []);
  void message;
  return { action: "allow", rules: [], counts: {}, examples: [], fixes: [], unscanned, visibleExternalRecipients: 0 };
}
