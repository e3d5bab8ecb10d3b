import * as fs from "fs";
import fc from "fast-check";
import * as path from "path";
import { compilePolicy, loadPolicy, loadPolicyWithWarnings, PolicyError } from "./load";
import { BUILTIN_DETECTOR_IDS } from "./ids";

const DEFAULT = path.resolve(__dirname, "../../../assets/policy/default-policy.yaml");
const HEAD = "version: 1\norganization: { name: X, internalDomains: [example.com] }\ncitation: { title: { en: Privacy } }\n";

function errorsOf(text: string): string[] {
  try {
    loadPolicy(text, "p.yaml");
  } catch (e) {
    if (e instanceof PolicyError) return e.lines;
    throw e;
  }
  throw new Error("no error");
}

describe("loadPolicy", () => {
  it("compiles the default policy with every built-in detector filled in", () => {
    const { policy, warnings } = loadPolicyWithWarnings(fs.readFileSync(DEFAULT, "utf8"), "default-policy.yaml");
    expect(warnings).toEqual([]);
    expect(Object.keys(policy.detectors).sort()).toEqual(BUILTIN_DETECTOR_IDS.slice().sort());
    expect(policy.detectors["iban"]).toEqual({ enabled: true, minConfidence: "low", keywords: { add: [], remove: [] }, window: 300 });
    expect(policy.rules.map((r) => `${r.id}:${r.action}:${r.message}`)).toEqual([
      "block-identifiers-external:block:remove-or-mask",
      "warn-identifiers-external-low:warn:remove-or-mask",
      "warn-customer-list:warn:dont-share-customer-list",
      "warn-visible-external-recipients:warn:move-to-bcc",
    ]);
    expect(Object.keys(policy.citation.title).sort()).toEqual(["en", "fi", "hi", "nb", "sk", "ur"]);
    expect(policy.citation.url).toMatch(/^https:\/\//);
    expect(policy.onUnscanned).toBe("warn");
    expect(policy.timeBudgetMs).toBe(4000);
    // JSON-serialisable: it is baked into launchevent.js.
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  it("fills defaults in a minimal policy and lower-cases domains", () => {
    const p = loadPolicy(HEAD.replace("example.com", "Example.COM") + "rules:\n  - { id: r, when: {}, action: warn, message: remove-or-mask }\n", "p.yaml");
    expect(p.organization.internalDomains).toEqual(["example.com"]);
    expect(p.thresholds).toEqual({ emailList: 10, visibleExternalRecipients: 10 });
    expect(p.rules[0]!.when).toEqual({ detectors: ["identifiers"], minCount: 1, minConfidence: "low", recipients: "any", where: ["body", "attachment", "subject"] });
    expect(p.allowlists).toEqual({ values: [], senders: [], recipientDomains: [] });
    expect(p.customPatterns).toEqual([]);
  });

  it("normalises custom pattern flags to a complete flag string with u", () => {
    const p = loadPolicy(HEAD + "customPatterns:\n  - { id: emp, pattern: 'EMP-\\d{6}', flags: mi, examples: { match: [emp-123456] } }\n", "p.yaml");
    expect(p.customPatterns[0]!.flags).toBe("imu");
    expect(new RegExp(p.customPatterns[0]!.pattern, p.customPatterns[0]!.flags + "g").test("EMP-123456")).toBe(true);
  });

  it("names the file, the path, the rule id and the line in every error, and reports them all", () => {
    const text = HEAD + "rules:\n  - id: block-cards-external\n    when: { detectors: [payment-card], recipients: externl }\n    acton: block\n    message: remove-or-mask\n";
    expect(errorsOf(text)).toEqual([
      'p.yaml: rules[0] "block-cards-external": unknown key "acton" (did you mean "action"?) (line 7)',
      'p.yaml: rules[0] "block-cards-external".when.recipients: "externl" is not one of any, external, internal-only (did you mean "external"?) (line 6)',
      'p.yaml: rules[0] "block-cards-external": missing required key "action" (line 5)',
    ]);
  });

  it("refuses ids that clash, and custom patterns named like built-ins", () => {
    const text = HEAD + "customPatterns:\n  - { id: iban, pattern: 'X\\d', examples: { match: [X1] } }\n  - { id: a, pattern: 'A\\d', examples: { match: [A1] } }\n  - { id: a, pattern: 'B\\d', examples: { match: [B1] } }\n";
    expect(errorsOf(text)).toEqual([
      'p.yaml: customPatterns[0] "iban".id: "iban" is already a built-in id; choose another (line 5)',
      'p.yaml: customPatterns[2] "a".id: duplicate id "a" (line 7)',
    ]);
  });

  it("lets rules and allowlists name custom patterns and signals, and warns about disabled detectors", () => {
    const text =
      HEAD +
      "detectors: { in-pan: { enabled: false } }\ncustomPatterns:\n  - { id: emp, pattern: 'EMP-\\d{6}', examples: { match: [EMP-123456] } }\n" +
      "rules:\n  - { id: r, when: { detectors: [emp, unscanned, in-pan] }, action: warn, message: check-unscanned }\n" +
      "allowlists: { values: [{ detector: emp, value: EMP-000000, reason: template }], senders: [{ address: a@example.com, detectors: [visible-external-recipients], reason: newsletter }] }\n";
    const { policy, warnings } = loadPolicyWithWarnings(text, "p.yaml");
    expect(policy.rules[0]!.when.detectors).toEqual(["emp", "unscanned", "in-pan"]);
    expect(warnings).toEqual(['p.yaml: rules[0] "r".when.detectors: names "in-pan", which is disabled in detectors (line 8)']);
  });

  it("refuses non-https citation links, bad domains and out-of-range numbers", () => {
    const text =
      "version: 1\norganization: { name: X, internalDomains: [example] }\ncitation: { title: { en: P }, url: 'http://intranet/x' }\nthresholds: { emailList: 1 }\ntimeBudgetMs: 60000\n";
    expect(errorsOf(text)).toEqual([
      'p.yaml: organization.internalDomains[0]: "example" is not a domain like example.com (line 2)',
      'p.yaml: citation.url: "http://intranet/x" is not an https:// link (line 3)',
      "p.yaml: thresholds.emailList: must be at least 2, got 1 (line 4)",
      "p.yaml: timeBudgetMs: must be at most 30000, got 60000 (line 5)",
    ]);
  });

  it("compilePolicy takes parsed JSON and reports without lines", () => {
    expect(() => compilePolicy({ version: 1 }, "policy.json")).toThrow(
      'policy.json: (top level): missing required key "organization"\npolicy.json: (top level): missing required key "citation"',
    );
    expect(() => compilePolicy(null, "policy.json")).toThrow("policy.json: (top level): the policy is empty");
  });

  it("never crashes on hostile YAML (aliases bomb, wrong types everywhere)", () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    expect(errorsOf(bomb)).toEqual(["p.yaml: not valid YAML: Excessive alias count indicates a resource exhaustion attack"]);
    expect(errorsOf("version: 1\norganization: 7\ncitation: []\nrules: {}\n")).toEqual([
      "p.yaml: organization: expected a mapping of keys, got the number 7 (line 2)",
      "p.yaml: citation: expected a mapping of keys, got a list (line 3)",
      "p.yaml: rules: expected a list, got a mapping (line 4)",
    ]);
  });
});

describe("bad input never crashes the compiler", () => {
  const outcome = (f: () => unknown) => {
    try {
      f();
      return "ok";
    } catch (e) {
      return e instanceof PolicyError && e.lines.length > 0 && e.lines.every((l) => /^p\.(yaml|json): /.test(l)) ? "policy-error" : `crash: ${String(e)}`;
    }
  };

  it("any JSON value gives a policy or a PolicyError", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => outcome(() => compilePolicy(v, "p.json")) !== "crash"), { numRuns: 300 });
  });

  it("the default policy with any one line deleted or garbled gives a policy or a PolicyError", () => {
    const lines = fs.readFileSync(DEFAULT, "utf8").split("\n");
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.string({ maxLength: 12 }), (i, junk) => {
        const edited = lines.slice();
        edited[i] = junk;
        const r = outcome(() => loadPolicy(edited.join("\n"), "p.yaml"));
        return r === "ok" || r === "policy-error";
      }),
      { numRuns: 200 },
    );
  });
});
