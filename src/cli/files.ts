/** Expands the inputs of `dlp scan`: files as given, folders recursively (sorted; hidden entries skipped). */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "./args";

export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!name.startsWith(".")) walk(path.join(p, name));
    } else if (st.isFile()) out.push(p);
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new UsageError(`no such file or folder: ${input}`);
    walk(input);
  }
  return out;
}
