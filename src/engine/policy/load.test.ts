import * as fs from "fs";
import fc from "fast-check";
import * as path from "path";
import { compilePolicy, loadPolicy, loadPolicyWithWarnings, PolicyError } from "./load";
import { BUILTIN_DETECTOR_IDS } from "./ids";
import { DEFAULT_LINK_HOSTS } from "../signals/linked-file";

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
      "warn-customer-numbers:warn:dont-share-customer-list",
      "warn-visible-external-recipients:warn:move-to-bcc",
      "block-customer-data-personal:block:dont-send-to-personal",
      "warn-lookalike-domain:warn:check-lookalike-domain",
      "warn-mixed-organizations:warn:check-mixed-organizations",
      "warn-first-time-recipient:warn:check-first-time-recipient",
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
    expect(p.thresholds).toEqual({ emailList: 10, visibleExternalRecipients: 10, customerList: 3 });
    expect(p.customers).toBeUndefined();
    expect(p.rules[0]!.when).toEqual({ detectors: ["identifiers"], minCount: 1, minConfidence: "low", recipients: "any", where: ["body", "attachment", "subject"] });
    expect(p.allowlists).toEqual({ values: [], senders: [], recipientDomains: [], lookalikeDomains: [] });
    expect(p.customPatterns).toEqual([]);
    expect(p.organization.partnerDomains).toEqual([]);
    expect(p.recipients).toEqual({ personalDomains: { add: [], remove: [] }, firstTime: { enabled: true, maxEntries: 2000, learningDays: 14 } });
  });

  it("compiles the recipient keys: partners, the lookalike allowlist, personal domains, the first-time history", () => {
    const text =
      HEAD.replace("internalDomains: [example.com]", "internalDomains: [example.com], partnerDomains: [Fabrikam.NO, xn--pypal-4ve.com, fabrikam.no]") +
      "allowlists: { lookalikeDomains: [{ domain: Exampel.no, reason: a real supplier }] }\n" +
      "recipients: { personalDomains: { add: [Mail.Example.net], remove: [gmail.com, nosuch.example] }, firstTime: { enabled: false, maxEntries: 500, learningDays: 0 } }\n";
    const { policy, warnings } = loadPolicyWithWarnings(text, "p.yaml");
    expect(policy.organization.partnerDomains).toEqual(["fabrikam.no", "xn--pypal-4ve.com"]);
    expect(policy.allowlists.lookalikeDomains).toEqual([{ domain: "exampel.no", reason: "a real supplier" }]);
    expect(policy.recipients).toEqual({ personalDomains: { add: ["mail.example.net"], remove: ["gmail.com", "nosuch.example"] }, firstTime: { enabled: false, maxEntries: 500, learningDays: 0 } });
    expect(warnings).toContain('p.yaml: recipients.personalDomains.remove[1]: "nosuch.example" is not in the built-in list of consumer mailbox domains (line 5)');
    expect(warnings.filter((w) => /personalDomains/.test(w))).toHaveLength(1);
    // The compiled policy is accepted again as it is (a downloaded policy.json is compiled once more).
    expect(compilePolicy(JSON.parse(JSON.stringify(policy)), "policy.json").policy).toEqual(policy);
  });

  it("refuses bad recipient values, naming the key", () => {
    const e = errorsOf(
      HEAD.replace("internalDomains: [example.com]", "internalDomains: [example.com], partnerDomains: [sales.example.com, 'https://x.example']") +
        "allowlists: { lookalikeDomains: [{ domain: exampel.no }] }\n" +
        "recipients: { personalDomains: { add: [gmail] }, firstTime: { maxEntries: 100000, learningDays: -1, enabled: yes please } }\n",
    );
    expect(e).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^p\.yaml: organization\.partnerDomains\[1\]: "https:\/\/x\.example" is not a domain like example\.com/),
        expect.stringMatching(/^p\.yaml: allowlists\.lookalikeDomains\[0\]: missing required key "reason"/),
        expect.stringMatching(/^p\.yaml: recipients\.personalDomains\.add\[0\]: "gmail" is not a domain/),
        expect.stringMatching(/^p\.yaml: recipients\.firstTime\.maxEntries: must be at most 3000, got 100000/),
        expect.stringMatching(/^p\.yaml: recipients\.firstTime\.learningDays: must be at least 0, got -1/),
        expect.stringMatching(/^p\.yaml: recipients\.firstTime\.enabled: expected true or false/),
      ]),
    );
    expect(errorsOf(HEAD.replace("internalDomains: [example.com]", "internalDomains: [example.com], partnerDomains: [sales.example.com]"))).toEqual([
      'p.yaml: organization.partnerDomains[0]: "sales.example.com" is an internal domain (organization.internalDomains); a partner\'s domain is external (line 2)',
    ]);
    const rule = errorsOf(HEAD + "rules:\n  - { id: warn-new, when: { recipients: first-tme }, action: warn, message: check-first-time-recipient }\n");
    expect(rule).toEqual(['p.yaml: rules[0] "warn-new".when.recipients: "first-tme" is not one of any, external, internal-only, personal, mixed-organizations, first-time (did you mean "first-time"?) (line 5)']);
  });

  it("attachments.images defaults to ignore; links.hosts to the built-in list, extended by add and shortened by remove", () => {
    const p = loadPolicy(HEAD, "p.yaml");
    expect(p.attachments).toEqual({ images: "ignore" });
    expect(p.links!.hosts).toEqual(DEFAULT_LINK_HOSTS.slice());
    const { policy, warnings } = loadPolicyWithWarnings(HEAD + "attachments: { images: warn }\nlinks: { add: [Files.Example.com, 1drv.ms], remove: [we.tl, nosuch.example] }\n", "p.yaml");
    expect(policy.attachments).toEqual({ images: "warn" });
    expect(policy.links!.hosts).toContain("files.example.com");
    expect(policy.links!.hosts.filter((h) => h === "1drv.ms")).toHaveLength(1);
    expect(policy.links!.hosts).not.toContain("we.tl");
    expect(warnings).toContain('p.yaml: links.remove[1]: "nosuch.example" is not in the host list (line 5)');
    expect(loadPolicy(HEAD + "links: { hosts: [] }\n", "p.yaml").links).toEqual({ hosts: [] });
  });

  it("refuses a bad images value and a link host that is a URL or has no domain", () => {
    expect(errorsOf(HEAD + "attachments: { images: block }\n")).toEqual(['p.yaml: attachments.images: "block" is not one of ignore, warn (line 4)']);
    const e = errorsOf(HEAD + "links: { add: ['https://x.example/a', intranet, 'box.com/a b'] }\n");
    expect(e).toHaveLength(3);
    for (const line of e) expect(line).toMatch(/^p\.yaml: links\.add\[\d\]: ".*" is not a host like dropbox\.com/);
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
      'p.yaml: rules[0] "block-cards-external".when.recipients: "externl" is not one of any, external, internal-only, personal, mixed-organizations, first-time (did you mean "external"?) (line 6)',
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
