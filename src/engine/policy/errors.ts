/**
 * Policy errors that a compliance officer can act on without a developer: each names the file, the path inside the
 * policy, the id of the rule (or custom pattern) it sits in, and, when the policy came from YAML, the line:
 *   policy.yaml: rules[2] "block-cards-external": unknown key "acton" (did you mean "action"?) (line 14)
 */
export type PathSegment = string | number;

export interface PolicyIssue {
  file: string;
  path: PathSegment[];
  /** id of the enclosing rule or custom pattern, when it has one. */
  ruleId?: string;
  message: string;
  line?: number;
  /** A YAML syntax error: no path to show. */
  syntax?: boolean;
}

/** Formats a path: `rules[2] "block-cards-external".when.minCount`; ids are inserted after the index they belong to. */
export function formatPath(path: PathSegment[], ids: Record<number, string> = {}): string {
  let out = "";
  path.forEach((seg, i) => {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += (out ? "." : "") + (/^[A-Za-z0-9_-]+$/.test(seg) ? seg : JSON.stringify(seg));
    const id = ids[i];
    if (id !== undefined) out += ` ${JSON.stringify(id)}`;
  });
  return out || "(top level)";
}

export function formatIssue(issue: PolicyIssue, ids: Record<number, string> = {}): string {
  const where = issue.syntax ? "" : formatPath(issue.path, ids) + ": ";
  return `${issue.file}: ${where}${issue.message}${issue.line ? ` (line ${issue.line})` : ""}`;
}

/** Thrown by loadPolicy/compilePolicy; `issues` lists every problem found (not only the first). */
export class PolicyError extends Error {
  readonly issues: PolicyIssue[];
  readonly lines: string[];
  constructor(issues: PolicyIssue[], lines: string[]) {
    super(lines.join("\n"));
    this.name = "PolicyError";
    this.issues = issues;
    this.lines = lines;
  }
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}
