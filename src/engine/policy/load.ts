/**
 * PLACEHOLDER (foundation): parses the policy YAML and returns it as a Policy without validation.
 * The policy issue replaces this with the validating compiler (errors name file, path and rule id).
 */
import { parse } from "yaml";
import type { Policy } from "./types";

export function loadPolicy(yamlText: string, _fileName: string): Policy {
  return parse(yamlText) as Policy;
}
