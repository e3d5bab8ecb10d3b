/**
 * A small schema language for the policy file: one description gives the validator (unknown keys refused, types,
 * ranges, defaults filled in) AND the published JSON Schema (assets/policy/policy.schema.json, for editor completion),
 * so the two cannot disagree. Hand-written rather than a JSON Schema validator library (ajv is ~120 KB and its error
 * paths would still need rewriting into "rules[2] "id": …" form for compliance staff); it is ~150 lines.
 */
import { closest, type PathSegment } from "./errors";

interface Common {
  description?: string;
  required?: boolean;
  /** Filled in when the key is absent (also published in the JSON Schema). */
  default?: unknown;
}
export interface StringSpec extends Common {
  type: "string";
  enum?: readonly string[];
  /** Completion suggestions for editors; any string matching `pattern` is still accepted. */
  suggest?: readonly string[];
  pattern?: string;
  /** Words used in the error when `pattern` does not match ("a kebab-case id"). */
  patternHint?: string;
  minLength?: number;
  format?: "uri";
}
export interface IntegerSpec extends Common { type: "integer"; minimum?: number; maximum?: number }
export interface BooleanSpec extends Common { type: "boolean" }
export interface ConstSpec extends Common { type: "const"; value: number | string }
export interface ArraySpec extends Common { type: "array"; items: Spec; minItems?: number }
export interface ObjectSpec extends Common { type: "object"; properties: Record<string, Spec> }
export interface MapSpec extends Common {
  type: "map";
  keyPattern?: string;
  keyHint?: string;
  keySuggest?: readonly string[];
  requiredKeys?: readonly string[];
  /** Only these keys are accepted; `keyHint` explains the others. */
  keyEnum?: readonly string[];
  values: Spec;
}
export type Spec = StringSpec | IntegerSpec | BooleanSpec | ConstSpec | ArraySpec | ObjectSpec | MapSpec;

export type Report = (path: PathSegment[], message: string, at?: PathSegment[]) => void;

function kind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return `${typeof v === "number" ? "the number" : typeof v} ${String(v)}`;
}

const WANT: Record<Spec["type"], string> = {
  string: "a text",
  integer: "a whole number",
  boolean: "true or false",
  const: "",
  array: "a list",
  object: "a mapping of keys",
  map: "a mapping of keys",
};

function clone(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Validates `value` against `spec`; returns it with defaults filled in (undefined when invalid). Reports every problem. */
export function check(spec: Spec, value: unknown, path: PathSegment[], report: Report): unknown {
  switch (spec.type) {
    case "const":
      if (value !== spec.value) report(path, `must be ${JSON.stringify(spec.value)}, got ${kind(value)}`);
      return value;
    case "boolean":
      if (typeof value !== "boolean") return void report(path, `expected ${WANT.boolean}, got ${kind(value)}`);
      return value;
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value)) return void report(path, `expected ${WANT.integer}, got ${kind(value)}`);
      if (spec.minimum !== undefined && value < spec.minimum) return void report(path, `must be at least ${spec.minimum}, got ${value}`);
      if (spec.maximum !== undefined && value > spec.maximum) return void report(path, `must be at most ${spec.maximum}, got ${value}`);
      return value;
    }
    case "string": {
      if (typeof value !== "string") return void report(path, `expected ${WANT.string}, got ${kind(value)}`);
      if (spec.enum && spec.enum.indexOf(value) < 0) {
        const hint = closest(value, spec.enum);
        return void report(path, `${JSON.stringify(value)} is not one of ${spec.enum.join(", ")}${hint ? ` (did you mean "${hint}"?)` : ""}`);
      }
      if (spec.minLength !== undefined && value.trim().length < spec.minLength) return void report(path, spec.minLength === 1 ? "must not be empty" : `must have at least ${spec.minLength} characters`);
      if (spec.pattern && !new RegExp(spec.pattern, "u").test(value)) {
        const hint = spec.suggest ? closest(value, spec.suggest) : undefined;
        return void report(path, `${JSON.stringify(value)} is not ${spec.patternHint || `matching ${spec.pattern}`}${hint ? ` (did you mean "${hint}"?)` : ""}`);
      }
      if (spec.format === "uri" && !/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(value)) return void report(path, `${JSON.stringify(value)} is not an https:// link`);
      return value;
    }
    case "array": {
      if (!Array.isArray(value)) return void report(path, `expected ${WANT.array}, got ${kind(value)}`);
      if (spec.minItems !== undefined && value.length < spec.minItems) return void report(path, `must list at least ${spec.minItems} item${spec.minItems === 1 ? "" : "s"}`);
      return value.map((item, i) => check(spec.items, item, path.concat(i), report));
    }
    case "map": {
      if (!isMapping(value)) return void report(path, `expected ${WANT.map}, got ${kind(value)}`);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const badPattern = spec.keyPattern && !new RegExp(spec.keyPattern, "u").test(key);
        if (badPattern || (spec.keyEnum && spec.keyEnum.indexOf(key) < 0)) {
          const hint = closest(key, spec.keyEnum || spec.keySuggest || []);
          report(path.concat(key), `${JSON.stringify(key)} is not ${spec.keyHint || "a valid key"}${hint ? ` (did you mean "${hint}"?)` : ""}`);
          continue;
        }
        out[key] = check(spec.values, value[key], path.concat(key), report);
      }
      for (const key of spec.requiredKeys || []) if (value[key] === undefined) report(path, `missing required key ${JSON.stringify(key)}`);
      return out;
    }
    case "object": {
      if (!isMapping(value)) return void report(path, `expected ${WANT.object}, got ${kind(value)}`);
      const out: Record<string, unknown> = {};
      const known = Object.keys(spec.properties);
      for (const key of Object.keys(value)) {
        if (known.indexOf(key) < 0) {
          const hint = closest(key, known);
          report(path, `unknown key ${JSON.stringify(key)}${hint ? ` (did you mean "${hint}"?)` : ""}`, path.concat(key));
        }
      }
      for (const key of known) {
        const prop = spec.properties[key] as Spec;
        if (value[key] === undefined || value[key] === null) {
          if (prop.required) report(path, `missing required key ${JSON.stringify(key)}`);
          else if (prop.default !== undefined) out[key] = clone(prop.default);
          continue;
        }
        out[key] = check(prop, value[key], path.concat(key), report);
      }
      return out;
    }
  }
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The JSON Schema (draft-07, what editors' YAML plugins understand best) of a spec. */
export function toJsonSchema(spec: Spec): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (spec.description) s.description = spec.description;
  switch (spec.type) {
    case "const":
      s.const = spec.value;
      break;
    case "boolean":
      s.type = "boolean";
      break;
    case "integer":
      s.type = "integer";
      if (spec.minimum !== undefined) s.minimum = spec.minimum;
      if (spec.maximum !== undefined) s.maximum = spec.maximum;
      break;
    case "string":
      if (spec.suggest && spec.pattern) {
        s.anyOf = [{ enum: spec.suggest.slice() }, { type: "string", pattern: spec.pattern }];
      } else {
        s.type = "string";
        if (spec.enum) s.enum = spec.enum.slice();
        if (spec.pattern) s.pattern = spec.pattern;
        if (spec.minLength) s.minLength = spec.minLength;
        if (spec.format === "uri") s.pattern = "^https://";
      }
      break;
    case "array":
      s.type = "array";
      s.items = toJsonSchema(spec.items);
      if (spec.minItems !== undefined) s.minItems = spec.minItems;
      break;
    case "map":
      s.type = "object";
      if (spec.keySuggest) s.properties = spec.keySuggest.reduce<Record<string, unknown>>((o, k) => ((o[k] = toJsonSchema(spec.values)), o), {});
      if (spec.keyEnum) s.propertyNames = { enum: spec.keyEnum.slice() };
      else if (spec.keyPattern) s.propertyNames = { pattern: spec.keyPattern };
      if (spec.requiredKeys) s.required = spec.requiredKeys.slice();
      s.additionalProperties = toJsonSchema(spec.values);
      break;
    case "object": {
      s.type = "object";
      const props: Record<string, unknown> = {};
      const required: string[] = [];
      for (const key of Object.keys(spec.properties)) {
        const p = spec.properties[key] as Spec;
        props[key] = toJsonSchema(p);
        if (p.required) required.push(key);
      }
      s.properties = props;
      if (required.length) s.required = required;
      s.additionalProperties = false;
      break;
    }
  }
  if (spec.default !== undefined) s.default = spec.default;
  return s;
}
