/**
 * The false-alarm corpus: real text nobody on the team wrote, assembled from what `npm install` puts on disk. Rule:
 * every file under node_modules/ (any depth, not node_modules/.cache) named README*, CHANGELOG*, HISTORY* or *.md,
 * case-insensitive, in byte order of its path; versions are those package-lock.json pins, so CI reads the same files.
 * The file list is pinned in eval/real-text-files.txt, so adding or removing a dependency does not change the corpus
 * (listed files a later install no longer has are skipped; `npm run eval -- --refresh-real-text` rewrites the list
 * from node_modules). MB = 10^6 characters.
 *
 * Every identifier finding on it is false, except published test card numbers (a payment-card finding whose digits are
 * a positive payment-card vector of the corpus, i.e. a number some network or processor publishes for testing: the
 * product reports them on purpose), which are listed apart. E-mail addresses are not identifiers: their findings
 * (and email-list aggregates) are counted apart. Nothing raw leaves this module: values are masked by the detector's
 * own mask and contexts have every letter-or-digit run that holds a digit replaced by '#'.
 */
import * as fs from "fs";
import * as path from "path";

export interface CorpusFile {
  /** Path relative to the repository root. */
  file: string;
  text: string;
}

const NAME = /^(readme|changelog|history)([.\-_].*)?$|\.md$/i;

/** The pinned corpus list (paths relative to the repository root). */
export const REAL_TEXT_LIST = "eval/real-text-files.txt";

/** The corpus files: the pinned list's files that exist, or (no list) every matching file under node_modules. */
export function realTextFiles(root: string): string[] {
  const list = path.join(root, REAL_TEXT_LIST);
  if (!fs.existsSync(list)) return walkRealTextFiles(root);
  return fs
    .readFileSync(list, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && l.charAt(0) !== "#" && fs.existsSync(path.join(root, l)));
}

/** Writes the pinned list from what node_modules holds now. */
export function refreshRealTextList(root: string): number {
  const files = walkRealTextFiles(root);
  fs.writeFileSync(path.join(root, REAL_TEXT_LIST), "# The false-alarm corpus (scripts/eval/real-text.ts); regenerate: npm run eval -- --refresh-real-text\n" + files.join("\n") + "\n");
  return files.length;
}

function walkRealTextFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== ".cache") walk(p);
      } else if (e.isFile() && NAME.test(e.name)) out.push(path.relative(root, p));
    }
  };
  walk(path.join(root, "node_modules"));
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function loadRealText(root: string): CorpusFile[] {
  return realTextFiles(root).map((file) => ({ file, text: fs.readFileSync(path.join(root, file), "utf8") }));
}

/** 20 characters either side, the finding itself replaced by its mask, digits-bearing runs replaced by '#'. */
export function maskedContext(text: string, start: number, end: number, masked: string): string {
  const hide = (s: string) => s.replace(/[0-9A-Za-z_]*[0-9][0-9A-Za-z_]*/g, (m) => "#".repeat(m.length)).replace(/\s/g, " ");
  const before = hide(text.slice(Math.max(0, start - 20), start));
  const after = hide(text.slice(end, Math.min(text.length, end + 20)));
  return before + "[" + masked + "]" + after;
}
