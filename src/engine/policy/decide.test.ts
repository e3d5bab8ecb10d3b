import * as fs from "fs";
import * as path from "path";
import type { Confidence, Finding, MessageInfo, Recipient, SourceResult, Unscanned } from "../types";
import { decide, isExternal } from "./decide";
import { loadPolicy } from "./load";
import type { Policy } from "./types";

const policy: Policy = loadPolicy(fs.readFileSync(path.resolve(__dirname, "../../../assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");

const card = (confidence: Confidence = "medium", masked = "**** **** **** 1111"): Finding => ({
  detector: "payment-card",
  start: 0,
  end: 19,
  confidence,
  reasons: ["luhn ok"],
  masked,
});
const list = (count: number): Finding => ({ detector: "email-list", start: 0, end: 100, confidence: "high", reasons: [], masked: `${count} addresses`, count, domains: 5 });
const to = (email: string, recipientType: Recipient["recipientType"] = "user", field: Recipient["field"] = "to"): Recipient => ({ email, field, recipientType });
const msg = (recipients: Recipient[], extra: Partial<MessageInfo> = {}): MessageInfo => ({ from: "me@example.com", subject: "", recipients, attachments: [], ...extra });
const body = (findings: Finding[], unscanned: Unscanned[] = []): SourceResult => ({ location: { kind: "body" }, findings, unscanned, chars: 100 });
const attachment = (name: string, findings: Finding[], unscanned: Unscanned[] = []): SourceResult => ({
  location: { kind: "attachment", name, attachmentId: "id-" + name },
  findings,
  unscanned,
  chars: 100,
});

describe("who is external", () => {
  const sender = "example.com";
  it.each([
    [to("a@example.com"), false],
    [to("a@sales.example.com"), false],
    [to("a@notexample.com"), true],
    [to("a@example.com.evil.test"), true],
    [to("a@EXAMPLE.COM"), false],
    [to("a@example.com", "externalUser"), true], // Outlook's word wins
    [to("a@partner.test", "user"), true], // "user" alone is not proof of internal
    [to("", "distributionList"), true], // no address: nothing shows it is internal (fail closed)
    [to("", "other"), true],
  ])("%j → %s", (r, expected) => {
    expect(isExternal(r, policy, sender)).toBe(expected);
  });

  it("the sender's own domain is internal even when the policy does not list it", () => {
    expect(isExternal(to("b@subsidiary.test"), policy, "subsidiary.test")).toBe(false);
  });
});

describe("gaps fail closed", () => {
  it("recipients that could not be read count as an unknown external recipient: a card in the body is blocked", () => {
    const d = decide([body([card()])], msg([], { recipientsUnread: true, gaps: [{ part: "recipients (to)", reason: "timeout" }] }), policy);
    expect(d.action).toBe("block");
    expect(d.rules.map((r) => r.id)).toEqual(["block-identifiers-external", "warn-identifiers-external-low", "on-unscanned"]);
    expect(d.unscanned).toEqual([{ part: "recipients (to)", reason: "timeout" }]);
    // The unknown recipient is not "visible" in To/Cc.
    expect(d.visibleExternalRecipients).toBe(0);
  });

  it("the same card with readable internal recipients only is allowed; with an unread part it is at least onUnscanned", () => {
    expect(decide([body([card()])], msg([to("colleague@example.com")]), policy).action).toBe("allow");
    const d = decide([body([card()])], msg([to("colleague@example.com")], { gaps: [{ part: "subject", reason: "unavailable" }] }), policy);
    expect(d.action).toBe("warn");
    expect(d.rules).toEqual([{ id: "on-unscanned", action: "warn", message: "check-unscanned", detectors: ["unscanned"] }]);
    const strict = decide([body([])], msg([to("colleague@example.com")], { gaps: [{ part: "body", reason: "timeout" }] }), { ...policy, onUnscanned: "block" });
    expect(strict.action).toBe("block");
  });

  it("a recipient without an address is external", () => {
    const d = decide([body([card()])], msg([{ email: "", name: "Sales list", field: "to", recipientType: "distributionList" }]), policy);
    expect(d.action).toBe("block");
  });

  it("omitted findings of a stored result count toward minCount and counts like listed ones", () => {
    const p = { ...policy, rules: [{ id: "three-cards", when: { detectors: ["payment-card"], minCount: 3, minConfidence: "medium" as const, recipients: "any" as const, where: ["attachment" as const] }, action: "warn" as const, message: "remove-or-mask" }] };
    const capped: SourceResult = { ...attachment("a.xlsx", [card()]), omitted: [{ detector: "payment-card", confidence: "medium", count: 2 }] };
    const d = decide([capped], msg([]), p);
    expect(d.action).toBe("warn");
    expect(d.counts).toEqual({ "payment-card": 3 });
    // Omitted findings below the rule's confidence do not count.
    const low: SourceResult = { ...attachment("a.xlsx", [card()]), omitted: [{ detector: "payment-card", confidence: "low", count: 2 }] };
    expect(decide([low], msg([]), p).action).toBe("allow");
  });
});

describe("decide with the default policy", () => {
  it("allows a message with nothing found", () => {
    const d = decide([body([])], msg([to("x@partner.test")]), policy);
    expect(d).toEqual({ action: "allow", rules: [], counts: {}, examples: [], fixes: [], unscanned: [], visibleExternalRecipients: 1 });
  });

  it("blocks a card number to an external recipient, with a masked example and the mask fix", () => {
    const d = decide([body([card()])], msg([to("colleague@example.com"), to("x@partner.test", "user", "cc")]), policy);
    expect(d.action).toBe("block");
    expect(d.rules.map((r) => r.id)).toEqual(["block-identifiers-external", "warn-identifiers-external-low"]);
    expect(d.rules[0]).toEqual({ id: "block-identifiers-external", action: "block", message: "remove-or-mask", detectors: ["payment-card"] });
    expect(d.counts).toEqual({ "payment-card": 1 });
    expect(d.examples).toEqual([{ detector: "payment-card", masked: "**** **** **** 1111", location: { kind: "body" }, confidence: "medium" }]);
    expect(d.fixes).toEqual([{ kind: "mask-identifiers", findings: 1 }]);
  });

  it("only warns for a low-confidence identifier to an external recipient", () => {
    const d = decide([body([{ ...card("low"), detector: "us-ssn", masked: "***-**-6789" }])], msg([to("x@partner.test")]), policy);
    expect(d.action).toBe("warn");
    expect(d.rules.map((r) => r.id)).toEqual(["warn-identifiers-external-low"]);
  });

  it("allows identifiers sent only internally", () => {
    expect(decide([body([card("high")])], msg([to("a@example.com"), to("b@hr.example.com", "user", "bcc")]), policy).action).toBe("allow");
  });

  it("warns about a customer e-mail list even to an internal colleague (the Think First case)", () => {
    const d = decide([attachment("contacts.csv", [list(40)])], msg([to("colleague@example.com")]), policy);
    expect(d.action).toBe("warn");
    expect(d.rules).toEqual([{ id: "warn-customer-list", action: "warn", message: "dont-share-customer-list", detectors: ["email-list"] }]);
    expect(d.counts).toEqual({ "email-list": 1 });
    expect(d.fixes).toEqual([{ kind: "remove-attachment", name: "contacts.csv", attachmentId: "id-contacts.csv" }]);
  });

  it("ignores an email-list finding below the policy's threshold", () => {
    expect(decide([body([list(9)])], msg([to("colleague@example.com")]), policy).action).toBe("allow");
  });

  it("warns with move-to-bcc for many external recipients in To/Cc; Bcc and duplicates do not count", () => {
    const many = Array.from({ length: 10 }, (_, i) => to(`c${i}@customer${i}.test`, "user", i % 2 ? "cc" : "to"));
    const d = decide([body([])], msg(many.concat(to("c1@customer1.test"), to("hidden@z.test", "user", "bcc"))), policy);
    expect(d.visibleExternalRecipients).toBe(10);
    expect(d.action).toBe("warn");
    expect(d.rules.map((r) => r.id)).toEqual(["warn-visible-external-recipients"]);
    expect(d.counts).toEqual({ "visible-external-recipients": 10 });
    expect(d.fixes).toEqual([{ kind: "move-to-bcc", recipients: 10 }]);
    const nine = decide([body([])], msg(many.slice(1).concat(many.map((r) => ({ ...r, field: "bcc" as const })))), policy);
    expect(nine.visibleExternalRecipients).toBe(9);
    expect(nine.action).toBe("allow");
    // The same address in Bcc first and in To later is visible.
    const bccFirst: Recipient[] = many.map((r): Recipient => ({ ...r, field: "bcc" })).concat(many);
    expect(decide([body([])], msg(bccFirst), policy).visibleExternalRecipients).toBe(10);
  });

  it("applies onUnscanned when something could not be read, and offers to remove the attachment", () => {
    const u: Unscanned = { part: "secret.zip", reason: "encrypted" };
    const d = decide([body([]), attachment("secret.zip", [], [u])], msg([to("a@example.com")]), policy);
    expect(d.action).toBe("warn");
    expect(d.rules).toEqual([{ id: "on-unscanned", action: "warn", message: "check-unscanned", detectors: ["unscanned"] }]);
    expect(d.unscanned).toEqual([u]);
    expect(d.counts).toEqual({ unscanned: 1 });
    expect(d.fixes).toEqual([{ kind: "remove-attachment", name: "secret.zip", attachmentId: "id-secret.zip" }]);
    expect(decide([attachment("secret.zip", [], [u])], msg([]), { ...policy, onUnscanned: "block" }).action).toBe("block");
  });

  it("lists fired rules strictest first and counts each finding once", () => {
    const d = decide(
      [body([card("high"), card("high", "**** **** **** 4444"), card("low", "**** 0000")]), attachment("list.xlsx", [list(50)])],
      msg([to("x@partner.test")]),
      policy,
    );
    expect(d.rules.map((r) => `${r.action}:${r.id}`)).toEqual(["block:block-identifiers-external", "warn:warn-identifiers-external-low", "warn:warn-customer-list"]);
    expect(d.counts).toEqual({ "payment-card": 3, "email-list": 1 });
    expect(d.examples.map((e) => e.masked)).toEqual(["**** **** **** 1111", "50 addresses", "**** **** **** 4444", "**** 0000"]);
    expect(d.fixes).toEqual([
      { kind: "mask-identifiers", findings: 3 },
      { kind: "remove-attachment", name: "list.xlsx", attachmentId: "id-list.xlsx" },
    ]);
  });

  it("never carries more than five examples, and never the same one twice", () => {
    const findings = Array.from({ length: 20 }, (_, i) => card("high", `**** ${1000 + (i % 7)}`));
    const d = decide([body(findings)], msg([to("x@partner.test")]), policy);
    expect(d.examples.length).toBe(5);
    expect(new Set(d.examples.map((e) => e.masked)).size).toBe(5);
    expect(d.counts["payment-card"]).toBe(20);
  });
});

describe("policy settings in decide", () => {
  const base = loadPolicy(
    `version: 1
organization: { name: X, internalDomains: [example.com] }
citation: { title: { en: P } }
detectors: { iban: { minConfidence: high }, in-pan: { enabled: false } }
customPatterns:
  - { id: emp, pattern: 'EMP-\\d{6}', examples: { match: [EMP-123456] } }
rules:
  - { id: any-ext, when: { detectors: ['*'], recipients: external }, action: block, message: remove-or-mask }
  - { id: two-in-attachments, when: { detectors: [emp], minCount: 2, where: [attachment] }, action: warn, message: remove-attachment }
  - { id: internal-only-ssn, when: { detectors: [us-ssn], recipients: internal-only }, action: warn, message: remove-or-mask }
allowlists:
  senders: [{ address: payroll@example.com, detectors: [payment-card], reason: pays suppliers }]
  recipientDomains: [{ domain: bank.test, detectors: [iban], reason: our bank }]
`,
    "p.yaml",
  );
  const f = (detector: string, confidence: Confidence = "medium"): Finding => ({ detector, start: 0, end: 1, confidence, reasons: [], masked: "***" });

  it("drops findings of disabled detectors and below the detector's minConfidence", () => {
    expect(decide([body([f("in-pan", "high"), f("iban", "medium")])], msg([to("x@partner.test")]), base).action).toBe("allow");
    expect(decide([body([f("iban", "high")])], msg([to("x@partner.test")]), base).action).toBe("block");
  });

  it("* means any identifier, custom patterns included, but not e-mail addresses", () => {
    expect(decide([body([f("emp")])], msg([to("x@partner.test")]), base).rules.map((r) => r.id)).toEqual(["any-ext"]);
    expect(decide([body([f("email-address", "high")])], msg([to("x@partner.test")]), base).action).toBe("allow");
  });

  it("minCount and where", () => {
    const internal = msg([to("a@example.com")]);
    expect(decide([attachment("a.txt", [f("emp")]), body([f("emp")])], internal, base).action).toBe("allow");
    expect(decide([attachment("a.txt", [f("emp"), f("emp")])], internal, base).rules.map((r) => r.id)).toEqual(["two-in-attachments"]);
  });

  it("internal-only fires only when no recipient is external", () => {
    expect(decide([body([f("us-ssn")])], msg([to("a@example.com")]), base).rules.map((r) => r.id)).toEqual(["internal-only-ssn"]);
    expect(decide([body([f("us-ssn")])], msg([to("a@example.com"), to("x@partner.test")]), base).rules.map((r) => r.id)).toEqual(["any-ext"]);
  });

  it("an allowlisted recipient domain is internal for its detectors only", () => {
    expect(decide([body([f("iban", "high")])], msg([to("ops@bank.test")]), base).action).toBe("allow");
    expect(decide([body([f("iban", "high")])], msg([to("ops@branch.bank.test")]), base).action).toBe("allow");
    expect(decide([body([f("payment-card")])], msg([to("ops@bank.test")]), base).action).toBe("block");
  });

  it("an allowlisted sender is exempt for its detectors only", () => {
    const ext = [to("x@partner.test")];
    expect(decide([body([f("payment-card")])], msg(ext, { from: "Payroll@Example.com" }), base).action).toBe("allow");
    expect(decide([body([f("us-ssn")])], msg(ext, { from: "payroll@example.com" }), base).action).toBe("block");
  });
});

describe("customer-list-name signal", () => {
  it("warns when an attachment is named like a customer list, even internally, and offers to remove it", () => {
    const m = msg([to("colleague@example.com")], { attachments: [{ id: "a1", name: "kundeliste 2025.xlsx", size: 10, type: "file" }] });
    const d = decide([body([]), attachment("kundeliste 2025.xlsx", [])], m, policy);
    expect(d.action).toBe("warn");
    expect(d.rules).toEqual([{ id: "warn-customer-list", action: "warn", message: "dont-share-customer-list", detectors: ["customer-list-name"] }]);
    expect(d.fixes).toEqual([{ kind: "remove-attachment", name: "kundeliste 2025.xlsx", attachmentId: "a1" }]);
  });

  it("does not fire for an ordinary file name", () => {
    const m = msg([to("colleague@example.com")], { attachments: [{ id: "a1", name: "quarterly report.docx", size: 10, type: "file" }] });
    expect(decide([body([])], m, policy).action).toBe("allow");
  });
});
