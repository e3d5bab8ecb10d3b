/**
 * The published JSON Schema and the validator come from one description (schema.ts). These tests keep the file in
 * assets/ equal to it, and check that the schema, interpreted independently, accepts the valid fixtures and refuses
 * the structurally invalid ones the validator refuses.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { policyJsonSchema } from "./schema";

const ROOT = path.resolve(__dirname, "../../..");
const SCHEMA_FILE = path.join(ROOT, "assets/policy/policy.schema.json");

type S = Record<string, unknown>;

/** A small, independent interpreter of the draft-07 keywords the schema uses. Returns the first problem or null. */
function validate(schema: S, v: unknown, at = "$"): string | null {
  if ("const" in schema && v !== schema.const) return `${at}: const`;
  if (schema.anyOf) return (schema.anyOf as S[]).some((s) => validate(s, v, at) === null) ? null : `${at}: anyOf`;
  if (schema.enum && (schema.enum as unknown[]).indexOf(v) < 0) return `${at}: enum`;
  switch (schema.type) {
    case "string":
      if (typeof v !== "string") return `${at}: string`;
      if (schema.pattern && !new RegExp(schema.pattern as string, "u").test(v)) return `${at}: pattern`;
      if (schema.minLength && v.length < (schema.minLength as number)) return `${at}: minLength`;
      break;
    case "integer":
      if (!Number.isInteger(v)) return `${at}: integer`;
      if (schema.minimum !== undefined && (v as number) < (schema.minimum as number)) return `${at}: minimum`;
      if (schema.maximum !== undefined && (v as number) > (schema.maximum as number)) return `${at}: maximum`;
      break;
    case "boolean":
      if (typeof v !== "boolean") return `${at}: boolean`;
      break;
    case "array": {
      if (!Array.isArray(v)) return `${at}: array`;
      if (schema.minItems && v.length < (schema.minItems as number)) return `${at}: minItems`;
      for (let i = 0; i < v.length; i++) {
        const p = validate(schema.items as S, v[i], `${at}[${i}]`);
        if (p) return p;
      }
      break;
    }
    case "object": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return `${at}: object`;
      const o = v as S;
      for (const r of (schema.required as string[]) || []) if (!(r in o)) return `${at}: required ${r}`;
      const props = (schema.properties as Record<string, S>) || {};
      for (const k of Object.keys(o)) {
        const names = schema.propertyNames as S | undefined;
        if (names && validate({ type: "string", ...names }, k, `${at}.${k}`)) return `${at}: propertyNames ${k}`;
        const sub = props[k] || (schema.additionalProperties === false ? undefined : (schema.additionalProperties as S | undefined));
        if (!sub) {
          if (schema.additionalProperties === false) return `${at}: additionalProperties ${k}`;
          continue;
        }
        const p = validate(sub, o[k], `${at}.${k}`);
        if (p) return p;
      }
      break;
    }
  }
  return null;
}

const fixtures = (sub: string) =>
  fs.readdirSync(path.join(ROOT, "test/policies", sub)).filter((f) => f.endsWith(".yaml")).map((f) => path.join(ROOT, "test/policies", sub, f));

describe("policy.schema.json", () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as S;

  it("is the schema generated from schema.ts (regenerate: npx dlp schema > assets/policy/policy.schema.json)", () => {
    expect(schema).toEqual(policyJsonSchema());
  });

  it("accepts the default policy and every valid fixture", () => {
    for (const file of [path.join(ROOT, "assets/policy/default-policy.yaml"), ...fixtures("valid")]) {
      expect([file, validate(schema, parse(fs.readFileSync(file, "utf8")))]).toEqual([file, null]);
    }
  });

  it("refuses the fixtures whose errors are structural, as the validator does", () => {
    const structural = ["typo-acton", "bad-action", "bad-version", "missing-citation-en", "allowlist-without-reason", "unknown-advice", "unknown-top-level-key", "unknown-detector-setting"];
    for (const name of structural) {
      const value = parse(fs.readFileSync(path.join(ROOT, "test/policies/invalid", name + ".yaml"), "utf8"));
      expect([name, validate(schema, value)]).not.toEqual([name, null]);
    }
  });

  it("offers completion for detector ids, signals, advice ids and locales", () => {
    const text = JSON.stringify(schema);
    for (const word of ["payment-card", "visible-external-recipients", "dont-share-customer-list", "internal-only", '"ur"']) expect(text).toContain(word);
  });
});
