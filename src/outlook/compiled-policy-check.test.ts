import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { defaultPolicy } from "../../test/helpers/outlook-policy";
import { compiledPolicyProblem } from "./compiled-policy-check";

const clone = (): Record<string, any> => JSON.parse(JSON.stringify(defaultPolicy));

describe("compiledPolicyProblem", () => {
  it("accepts the compiled default policy (as JSON)", () => {
    expect(compiledPolicyProblem(clone())).toBeNull();
  });

  it("accepts a compiled custom pattern and refuses one that does not compile", () => {
    const p = clone();
    p.customPatterns = [{ id: "emp-id", pattern: "EMP-\\d{6}", flags: "u", keywords: ["employee"], confidence: "medium", examples: { match: [], noMatch: [] } }];
    expect(compiledPolicyProblem(p)).toBeNull();
    p.customPatterns[0].pattern = "EMP-(\\d{6}";
    expect(compiledPolicyProblem(p)).toMatch(/customPatterns\[0\] "emp-id": the pattern does not compile/);
  });

  it("refuses the uncompiled YAML shape (defaults not filled in)", () => {
    const raw = parse(fs.readFileSync(path.resolve(__dirname, "../../assets/policy/default-policy.yaml"), "utf8"));
    raw.detectors = {};
    expect(compiledPolicyProblem(raw)).toMatch(/^detectors\.[a-z-]+: missing \(a compiled policy lists every built-in detector\)/);
  });

  it.each([
    ["wrong version", (p: any) => (p.version = 2), /^version/],
    ["no English citation", (p: any) => delete p.citation.title.en, /^citation/],
    ["a detector with a bad confidence", (p: any) => (p.detectors["payment-card"].minConfidence = "sure"), /^detectors\.payment-card/],
    ["a rule with an unknown action", (p: any) => (p.rules[0].action = "shout"), /^rules\[0\]/],
    ["a rule with a bad where", (p: any) => (p.rules[0].when.where = ["footer"]), /when\.where/],
    ["an allowlist entry without its key", (p: any) => p.allowlists.senders.push({ reason: "x" }), /allowlists: an entry has no address/],
    ["a bad onUnscanned", (p: any) => (p.onUnscanned = "allow"), /^onUnscanned/],
    ["a zero time budget", (p: any) => (p.timeBudgetMs = 0), /^timeBudgetMs/],
    ["an unknown images setting", (p: any) => (p.attachments = { images: "block" }), /^attachments/],
    ["link hosts that are not a list of texts", (p: any) => (p.links = { hosts: "dropbox.com" }), /^links/],
  ])("refuses %s", (_name, mutate, expected) => {
    const p = clone();
    mutate(p);
    expect(compiledPolicyProblem(p)).toMatch(expected);
  });

  it("accepts a policy.json of an older build without attachments and links (their defaults apply)", () => {
    const p = clone();
    expect(p.attachments).toEqual({ images: "ignore" });
    expect(p.links.hosts).toContain("sharepoint.com");
    delete p.attachments;
    delete p.links;
    expect(compiledPolicyProblem(p)).toBeNull();
  });

  it("refuses what is not an object", () => {
    for (const x of ["policy", null, [], 3]) expect(compiledPolicyProblem(x)).toBe("not a JSON object");
  });
});
