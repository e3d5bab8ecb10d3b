/** PLACEHOLDER (foundation): the scanning pipeline. The engine issue implements createScanner. */
import type { Finding } from "./types";
import type { Policy } from "./policy/types";

export interface Scanner {
  /** Finds identifiers and aggregate signals (email-list) in one text. Offsets refer to `text`. */
  scan(text: string): Finding[];
}

/** Compiles the policy's detector settings, custom patterns and allowlisted values once; reuse the scanner. */
export function createScanner(_policy: Policy): Scanner {
  return { scan: () => [] };
}
