/**
 * The labelled corpus: eval/vectors/<detector>.tsv, one vector a line (value, expected, source, note), each value as
 * written in its source. `expected` is the detector id for a valid identifier, `none` for an invalid one (the file
 * name says which detector it is a negative for). disputed.tsv holds what was dropped and why; it is not read here.
 */
import * as fs from "fs";
import * as path from "path";

export const VECTOR_DIR = path.join(__dirname, "../../eval/vectors");

export interface Vector {
  /** The detector whose file holds it (a negative's family). */
  detector: string;
  value: string;
  /** Detector id, or "none". */
  expected: string;
  source: string;
  note: string;
}

export function loadVectors(dir: string = VECTOR_DIR): Vector[] {
  const out: Vector[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".tsv") && f !== "disputed.tsv").sort();
  for (const f of files) {
    const detector = f.slice(0, -4);
    const lines = fs.readFileSync(path.join(dir, f), "utf8").split("\n");
    const header = lines[0];
    if (header !== "value\texpected\tsource\tnote") throw new Error(`${f}: unexpected header`);
    const seen = new Set<string>();
    lines.slice(1).forEach((line, i) => {
      if (!line) return;
      const cols = line.split("\t");
      if (cols.length !== 4) throw new Error(`${f}:${i + 2}: expected 4 columns, got ${cols.length}`);
      const [value, expected, source, note] = cols as [string, string, string, string];
      if (expected !== "none" && expected !== detector) throw new Error(`${f}:${i + 2}: expected must be ${detector} or none`);
      if (!source) throw new Error(`${f}:${i + 2}: no source`);
      if (seen.has(value)) throw new Error(`${f}:${i + 2}: duplicate vector`);
      seen.add(value);
      out.push({ detector, value, expected, source, note });
    });
  }
  return out;
}

/** Vector counts per source repository or page (the part before ":" of each source, a line may name several). */
export function countBySource(vectors: readonly Vector[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of vectors) {
    for (const s of v.source.split(" | ")) {
      const key = /^https?:/.test(s) ? s.replace(/^https?:\/\/([^/]+).*$/, "$1") : (s.split(":")[0] as string);
      out[key] = (out[key] || 0) + 1;
    }
  }
  return out;
}
