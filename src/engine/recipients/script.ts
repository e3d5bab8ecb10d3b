/**
 * Scripts of the characters of a domain label, for the mixed-script check of UTS #39 §5.1: the resolved script set of
 * a string is the intersection of its characters' Script_Extensions (Common and Inherited characters belong to every
 * script), augmented so that Han goes with Hiragana/Katakana (Japanese), Hangul (Korean) and Bopomofo (Chinese). A
 * label whose resolved set is empty mixes scripts: "pаypal" with a Cyrillic "а" does, "ドメイン名例" and "пример"
 * do not. Data: data/scripts.ts, generated from Unicode's Script_Extensions (BMP, Latin and the scripts of the confusables: 1.5 KB gzip).
 */
import { INHERITED_RUNS, SCRIPT_CODES, SCRIPT_RUNS } from "./data/scripts";

interface Runs {
  starts: number[];
  ends: number[];
  sets: (readonly string[])[];
}

let scriptRuns: Runs | null = null;
let inheritedRuns: Runs | null = null;

function parseRuns(encoded: string, withSets: boolean): Runs {
  const runs: Runs = { starts: [], ends: [], sets: [] };
  let end = 0;
  for (const entry of encoded.split(";")) {
    const parts = entry.split(".");
    const start = end + parseInt(parts[0] as string, 36);
    end = start + parseInt(parts[1] as string, 36);
    runs.starts.push(start);
    runs.ends.push(end);
    if (withSets) runs.sets.push((parts[2] as string).split("+").map((i) => SCRIPT_CODES[parseInt(i, 36)] as string));
  }
  return runs;
}

function find(runs: Runs, cp: number): number {
  let lo = 0;
  let hi = runs.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (runs.starts[mid] as number)) hi = mid - 1;
    else if (cp > (runs.ends[mid] as number)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** ISO 15924 codes of the code point's Script_Extensions; null for Common and Inherited (they go with any script). */
export function scriptsOf(cp: number): readonly string[] | null {
  if (cp < 0x41) return null;
  if (!scriptRuns) scriptRuns = parseRuns(SCRIPT_RUNS, true);
  const i = find(scriptRuns, cp);
  return i < 0 ? null : (scriptRuns.sets[i] as readonly string[]);
}

/** A combining mark of the Inherited script (U+0300–U+036F and the like): it takes the script of its base letter. */
export function isInherited(cp: number): boolean {
  if (cp < 0x300) return false;
  if (!inheritedRuns) inheritedRuns = parseRuns(INHERITED_RUNS, false);
  return find(inheritedRuns, cp) >= 0;
}

function augmented(set: readonly string[]): string[] {
  const out = set.slice();
  const add = (code: string) => {
    if (out.indexOf(code) < 0) out.push(code);
  };
  if (set.indexOf("Hani") >= 0) {
    add("Jpan");
    add("Kore");
    add("Hanb");
  }
  if (set.indexOf("Hira") >= 0 || set.indexOf("Kana") >= 0) add("Jpan");
  if (set.indexOf("Hang") >= 0) add("Kore");
  if (set.indexOf("Bopo") >= 0) add("Hanb");
  return out;
}

/** Each code point of `s` (surrogate pairs joined). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i) as number;
    out.push(cp);
    if (cp > 0xffff) i++;
  }
  return out;
}

/** The distinct scripts the label's characters use (first Script_Extensions value of each), in order of appearance. */
export function labelScripts(label: string): string[] {
  const out: string[] = [];
  for (const cp of codePoints(label)) {
    const set = scriptsOf(cp);
    if (set && out.indexOf(set[0] as string) < 0) out.push(set[0] as string);
  }
  return out;
}

/** UTS #39 §5.1: the label's resolved script set is empty (it mixes scripts that are not written together). */
export function isMixedScript(label: string): boolean {
  let resolved: string[] | null = null;
  for (const cp of codePoints(label)) {
    const set = scriptsOf(cp);
    if (!set) continue;
    const own = augmented(set);
    resolved = resolved === null ? own : resolved.filter((code) => own.indexOf(code) >= 0);
    if (!resolved.length) return true;
  }
  return false;
}
