/** Reads a policy YAML file from disk and compiles it (Node only). */
import * as fs from "fs";
import { loadPolicy } from "../engine/policy/load";
import type { Policy } from "../engine/policy/types";

export function loadPolicyFile(file: string): Policy {
  return loadPolicy(fs.readFileSync(file, "utf8"), file);
}
