import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import { compilePolicy } from "../engine/policy/compile";
import { checkMessage } from "./check-message";
import { composeComplianceMail, mailMasked, type ComplianceMailLabels } from "./compliance-mail";

const yaml = fs.readFileSync(path.join(__dirname, "../../assets/policy/default-policy.yaml"), "utf8");
const base = loadPolicy(yaml, "default-policy.yaml");
const policy = { ...base, compliance: { address: "compliance@example.com", subjectPrefix: "[DLP]" } };
const labels: ComplianceMailLabels = {
  subject: "Customer data may have been sent by mistake",
  intro: "Please describe what happened (no customer data):",
  policy: "Our policy: if customer data may have been mishandled, contact the compliance team or the legal department at once.",
  rules: "Rules",
  found: "Found (masked)",
  notChecked: "Not checked",
  client: "Client",
  version: "Add-in and policy version",
  none: "none",
};
const client = { platform: "OfficeOnline", host: "Outlook", hostVersion: "16.0.1234", locale: "fi-FI", mailbox: "1.15" };

function message(body: string, to: string, attachmentName?: string, attachmentText?: string) {
  return {
    message: { subject: "Re: " + body.slice(0, 20), recipients: [{ email: to, field: "to" as const, recipientType: "unknown" as const }], attachments: attachmentName ? [{ id: "a", name: attachmentName, size: 10, type: "file" as const }] : [] },
    body,
    attachments: attachmentName ? [{ info: { id: "a", name: attachmentName, size: 10, type: "file" as const }, bytes: new TextEncoder().encode(attachmentText || "") }] : [],
  };
}

describe("composeComplianceMail", () => {
  it("a mistake report: to the compliance address, prefixed subject, the policy cited, rules, masked examples, client details", () => {
    const decision = checkMessage(message("The customer's SSN is 536-22-8726 and card 4111 1111 1111 1111.", "partner@example.org"), policy).decision;
    const mail = composeComplianceMail({ kind: "mistake", policy, decision, labels, client, product: "1.4.0" })!;
    expect(mail.toRecipients).toEqual(["compliance@example.com"]);
    expect(mail.subject).toBe("[DLP] Think First: Customer data may have been sent by mistake");
    const lines = mail.text.split("\n");
    expect(lines[0]).toBe(labels.policy);
    expect(mail.text).toContain("Rules: block-identifiers-external (block), warn-identifiers-external-low (warn)");
    expect(mail.text).toMatch(/- us-ssn: 1 - \*\*\*-\*\*-8726 \(body\)/);
    expect(mail.text).toMatch(/- payment-card: 1 - \*\*\*\* \*\*\*\* \*\*\*\* 1111 \(body\)/);
    expect(mail.text).toContain("Client: Outlook, OfficeOnline, 16.0.1234, Mailbox 1.15, fi-FI");
    expect(mail.text).toMatch(/Add-in and policy version: 1\.4\.0, policy [a-z]{8}/);
    expect(mail.text).not.toMatch(/536.?22|partner/);
    expect(mail.htmlBody).toContain("<p>- us-ssn: 1 - ***-**-8726 (body)</p>");
  });

  it("a false-alarm report has no policy sentence; without a decision every list says none", () => {
    const mail = composeComplianceMail({ kind: "false-alarm", policy, labels: { ...labels, subject: "False alarm" }, client: { platform: "me@example.com", host: "4111 1111 1111 1111" }, product: "x" })!;
    expect(mail.text.split("\n")[0]).toBe(labels.intro);
    expect(mail.text).not.toContain(labels.policy);
    expect(mail.text).toContain("Rules: none");
    expect(mail.text).toContain("Client: none");
    expect(mail.text).toContain("version: unknown");
  });

  it("no compliance address in the policy → null", () => {
    const { compliance: _none, ...without } = base;
    expect(composeComplianceMail({ kind: "mistake", policy: without, labels, client, product: "1.4.0" })).toBeNull();
  });

  it("masked addresses lose their @; what is not masked enough is left out", () => {
    expect(mailMasked("j***@example.com")).toBe("j*** at example.com");
    expect(mailMasked("4111 1111 1111 1111")).toBe("");
    expect(mailMasked("12345*")).toBe("");
    expect(mailMasked("GB82 **** **** **** **** 32")).toBe("GB82 **** **** **** **** 32");
  });

  it("HTML is escaped", () => {
    const mail = composeComplianceMail({ kind: "false-alarm", policy, labels: { ...labels, intro: "<b>&</b>" }, client, product: "1" })!;
    expect(mail.htmlBody).toContain("&lt;b&gt;&amp;&lt;/b&gt;");
  });

  it("no raw value, no address but the compliance address, no file name (property)", () => {
    const ids = ["4111 1111 1111 1111", "536-22-8726", "GB82 WEST 1234 5698 7654 32", "131052-308T", "2345 6789 0124"];
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{10,14}$/), fc.stringMatching(/^[a-z]{10,14}$/), fc.constantFrom(...ids), fc.integer({ min: 0, max: 15 }), fc.constantFrom("mistake" as const, "false-alarm" as const), (local, domain, id, n, kind) => {
        const addr = `${local}@${domain}.test`;
        const list = Array.from({ length: n }, (_, i) => `${local}${i}@${domain}.test`).join("\n");
        const decision = checkMessage(message(`${id} ${addr}\n${list}`, addr, `${local}-${id}.txt`, `${id}\n${list}`), policy).decision;
        const mail = composeComplianceMail({ kind, policy, decision, labels, client: { ...client, platform: addr, host: id }, product: "1.4.0" })!;
        for (const text of [mail.subject, mail.text, mail.htmlBody]) {
          expect(text).not.toContain(local);
          expect(text).not.toContain(domain);
          expect(text).not.toMatch(/\d{5}/);
          // No six characters in a row of the raw value, separators ignored (a masked value keeps at most the last four).
          const compactId = id.replace(/[\s-]/g, "");
          const compactText = text.replace(/[\s-]/g, "");
          for (let i = 0; i + 6 <= compactId.length; i++) expect(compactText).not.toContain(compactId.slice(i, i + 6));
          const addresses = text.match(/[^\s<>@]+@[^\s<>@]+/g) || [];
          expect(addresses.every((a) => a === "compliance@example.com")).toBe(true);
        }
        expect(mail.toRecipients).toEqual(["compliance@example.com"]);
      }),
      { numRuns: 80 },
    );
  });
});

describe("compliance policy key", () => {
  const raw = (compliance: unknown) => ({ ...JSON.parse(JSON.stringify(require("yaml").parse(yaml))), compliance });

  it("compiles, lower-casing the address and trimming the prefix", () => {
    const { policy: p } = compilePolicy(raw({ address: "Compliance@Example.COM", subjectPrefix: "  [DLP] " }), "p.json");
    expect(p.compliance).toEqual({ address: "compliance@example.com", subjectPrefix: "[DLP]" });
  });

  it("refuses a bad address, an unknown key and a prefix over 40 characters", () => {
    expect(() => compilePolicy(raw({ address: "not an address" }), "p.json")).toThrow(/compliance\.address|address/);
    expect(() => compilePolicy(raw({ address: "c@example.com", bcc: "x" }), "p.json")).toThrow(/bcc/);
    expect(() => compilePolicy(raw({ address: "c@example.com", subjectPrefix: "x".repeat(41) }), "p.json")).toThrow(/at most 40/);
    expect(() => compilePolicy(raw({ subjectPrefix: "[DLP]" }), "p.json")).toThrow(/address/);
  });

  it("is optional", () => {
    expect(compilePolicy(raw(undefined), "p.json").policy.compliance).toBeUndefined();
  });
});
