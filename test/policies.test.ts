/**
 * Policy fixtures: every file in test/policies/valid compiles; every file in test/policies/invalid fails with exactly
 * the errors written in its `# error:` header lines (file, path, rule id, message and line), no more, no fewer.
 */
import * as fs from "fs";
import * as path from "path";
import { loadPolicy, PolicyError } from "../src/engine/policy/load";

const dir = path.join(__dirname, "policies");
const files = (sub: string) => fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith(".yaml")).sort();

describe("valid policies", () => {
  it.each(files("valid"))("%s compiles", (file) => {
    const policy = loadPolicy(fs.readFileSync(path.join(dir, "valid", file), "utf8"), file);
    expect(policy.version).toBe(1);
    expect(Object.keys(policy.detectors)).toContain("payment-card");
  });
});

describe("invalid policies", () => {
  it.each(files("invalid"))("%s fails with its exact errors", (file) => {
    const text = fs.readFileSync(path.join(dir, "invalid", file), "utf8");
    const expected = text.split("\n").filter((l) => l.startsWith("# error: ")).map((l) => l.slice("# error: ".length));
    expect(expected.length).toBeGreaterThan(0);
    let error: unknown;
    try {
      loadPolicy(text, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).lines.slice().sort()).toEqual(expected.slice().sort());
  });
});
