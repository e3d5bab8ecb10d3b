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

  it("a consumer mailbox domain is not the sender's organisation: a card from jane@gmail.com to bob@gmail.com is blocked", () => {
    const d = decide([body([card()])], msg([to("bob@gmail.com")], { from: "jane@gmail.com" }), policy);
    expect(d.action).toBe("block");
    expect(d.rules.map((r) => r.id)).toContain("block-identifiers-external");
    // A company sender's own domain still counts as internal.
    const own = decide([body([card()])], msg([to("bob@subsidiary.test")], { from: "jane@subsidiary.test" }), policy);
    expect(own.rules.map((r) => r.id)).not.toContain("block-identifiers-external");
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

describe("pictures and recordings (no text)", () => {
  const shot = (name: string, extra: Partial<SourceResult> = {}): SourceResult => ({ ...attachment(name, []), noText: [{ part: name, kind: "image" }], ...extra });
  const warnImages = { ...policy, attachments: { images: "warn" as const } };

  it("under the default policy (images: ignore) a screenshot to an external recipient is allowed, and listed", () => {
    const d = decide([body([]), shot("Screenshot 2025-03-01.png")], msg([to("partner@partner.test", "externalUser")]), policy);
    expect(policy.attachments).toEqual({ images: "ignore" });
    expect(d.action).toBe("allow");
    expect(d.rules).toEqual([]);
    expect(d.unscanned).toEqual([]);
    expect(d.noText).toEqual([{ part: "Screenshot 2025-03-01.png", kind: "image" }]);
  });

  it("images: warn → each picture counts like an unscanned part, under its own rule and advice", () => {
    const d = decide([body([]), shot("site.jpg"), { ...attachment("call.mp3", []), noText: [{ part: "call.mp3", kind: "media" }] }], msg([to("colleague@example.com")]), warnImages);
    expect(d.action).toBe("warn");
    expect(d.rules).toEqual([{ id: "on-no-text", action: "warn", message: "check-no-text", detectors: ["unscanned"] }]);
    expect(d.unscanned).toEqual([
      { part: "site.jpg", reason: "no-text", detail: "image" },
      { part: "call.mp3", reason: "no-text", detail: "media" },
    ]);
    expect(d.counts).toEqual({ unscanned: 2 });
    expect(d.fixes.map((f) => f.kind)).toEqual(["remove-attachment", "remove-attachment"]);
  });

  it("images: warn never counts inline pictures; onUnscanned block does not make pictures block", () => {
    const inline = shot("logo.png", { noText: [{ part: "logo.png", kind: "image", inline: true }] });
    expect(decide([body([]), inline], msg([to("a@partner.test")]), warnImages).action).toBe("allow");
    const strict = { ...warnImages, onUnscanned: "block" as const };
    const d = decide([body([]), shot("site.jpg"), attachment("x.pdf", [], [{ part: "x.pdf", reason: "encrypted" }])], msg([to("a@partner.test")]), strict);
    expect(d.rules.map((r) => [r.id, r.action])).toEqual([["on-unscanned", "block"], ["on-no-text", "warn"]]);
  });

  it("a rule naming unscanned counts pictures too when the policy counts them (and then no implicit rule is added)", () => {
    const p = { ...warnImages, rules: [{ id: "block-unscanned", when: { detectors: ["unscanned"], minCount: 1, minConfidence: "low" as const, recipients: "any" as const, where: ["attachment" as const] }, action: "block" as const, message: "check-unscanned" }] };
    const d = decide([shot("site.jpg")], msg([to("a@example.com")]), p);
    expect(d.rules.map((r) => r.id)).toEqual(["block-unscanned"]);
    expect(decide([shot("site.jpg")], msg([to("a@example.com")]), { ...p, attachments: { images: "ignore" } }).action).toBe("allow");
  });
});

describe("linked files", () => {
  const link = (host: string): Finding => ({ detector: "linked-file", start: 4, end: 30, confidence: "high", reasons: ["link to a file-sharing host"], masked: host });
  const cloud = (name: string, host: string): SourceResult => attachment(name, [{ ...link(host), start: 0, end: 0, reasons: ["cloud attachment"] }]);
  const linksAlone = {
    ...policy,
    rules: policy.rules.concat([{ id: "warn-links-external", when: { detectors: ["links"], minCount: 1, minConfidence: "low" as const, recipients: "external" as const, where: ["body" as const, "attachment" as const, "subject" as const] }, action: "warn" as const, message: "check-links" }]),
  };

  it("the default policy does not act on links alone, but lists their hosts", () => {
    const d = decide([body([link("contoso-my.sharepoint.com"), link("contoso-my.sharepoint.com"), link("1drv.ms")]), cloud("plan.docx", "contoso-my.sharepoint.com")], msg([to("a@partner.test", "externalUser")]), policy);
    expect(d.action).toBe("allow");
    expect(d.linkedFiles).toEqual([
      { host: "contoso-my.sharepoint.com", count: 3 },
      { host: "1drv.ms", count: 1 },
    ]);
    expect(d.counts).toEqual({});
    expect(d.unscanned).toEqual([]);
  });

  it("listed beside another rule: the hosts ride along, the count and the fixes come from the other rule only", () => {
    const d = decide([body([card(), link("www.dropbox.com")])], msg([to("a@partner.test")]), policy);
    expect(d.action).toBe("block");
    expect(d.counts).toEqual({ "payment-card": 1 });
    expect(d.linkedFiles).toEqual([{ host: "www.dropbox.com", count: 1 }]);
    expect(d.fixes).toEqual([{ kind: "mask-identifiers", findings: 1 }]);
  });

  it("a rule naming the group links warns on links alone, with the host as the example (never the URL)", () => {
    const d = decide([body([link("1drv.ms")]), cloud("plan.docx", "contoso.sharepoint.com")], msg([to("a@partner.test")]), linksAlone);
    expect(d.action).toBe("warn");
    expect(d.rules.map((r) => r.id)).toEqual(["warn-links-external"]);
    expect(d.counts).toEqual({ "linked-file": 2 });
    expect(d.examples.map((e) => e.masked)).toEqual(["1drv.ms", "contoso.sharepoint.com"]);
    // A link in the body is not masked away; a cloud attachment can be removed.
    expect(d.fixes).toEqual([{ kind: "remove-attachment", name: "plan.docx", attachmentId: "id-plan.docx" }]);
    expect(decide([body([link("1drv.ms")])], msg([to("a@example.com")]), linksAlone).action).toBe("allow");
  });

  it("an allowlisted sender for linked-file drops the links from the decision", () => {
    const p = { ...linksAlone, allowlists: { ...linksAlone.allowlists, senders: [{ address: "me@example.com", reason: "share point admin", detectors: ["links"] }] } };
    const d = decide([body([link("1drv.ms")])], msg([to("a@partner.test")]), p);
    expect(d.action).toBe("allow");
    expect(d.linkedFiles).toBeUndefined();
  });
});
