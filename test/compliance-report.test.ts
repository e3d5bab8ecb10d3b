/**
 * The task pane's compliance reports against the fake mailbox: the mail goes to the policy's compliance address only,
 * in the employee's language, with rule ids, masked examples and client details, through displayNewMessageFormAsync
 * (Mailbox 1.9) or displayNewMessageForm (1.6); nothing is opened without an address.
 */
import { defaultPolicy, withPolicy } from "./helpers/outlook-policy";
// The default policy names compliance@example.com; these tests also use their own.
import { fakeOffice } from "./helpers/fake-office";
import { check } from "../src/outlook/taskpane/fixes";
import { complianceMailFor, openComplianceMail } from "../src/outlook/compliance-report";
import { CATALOG } from "../src/i18n/messages";

const policy = withPolicy({ compliance: { address: "compliance@example.com" } });
const msg = { from: "me@example.com", to: [{ emailAddress: "partner@example.org", displayName: "P", recipientType: "externalUser" }], subject: "Details", body: "The customer's SSN is 536-22-8726." };

describe("compliance reports from the task pane", () => {
  it("a mistake report in Finnish: to compliance only, the policy cited, the rule and the masked SSN, client details", async () => {
    const office = fakeOffice(msg, { displayLanguage: "fi-FI", platform: "PC" });
    const { decision } = await check(office.item, office.globals, policy);
    const r = await openComplianceMail(office.globals, policy, decision, "fi", "mistake");
    expect(r.ok).toBe(true);
    expect(office.calls).toContain("displayNewMessageFormAsync");
    const form = office.forms[0] as { toRecipients: string[]; subject: string; htmlBody: string };
    expect(form.toRecipients).toEqual(["compliance@example.com"]);
    expect(form.subject).toBe("Think First: " + CATALOG.fi.compliance.mail.subjectMistake);
    expect(form.htmlBody).toContain(CATALOG.fi.compliance.policy);
    expect(form.htmlBody).toContain("block-identifiers-external");
    expect(form.htmlBody).toContain("***-**-8726");
    expect(form.htmlBody).toContain("PC");
    expect(form.htmlBody).toContain("Mailbox 1.15");
    expect(form.htmlBody + form.subject).not.toMatch(/536.?22|partner|me@example/);
  });

  it("Mailbox 1.8: displayNewMessageForm (no callback)", async () => {
    const office = fakeOffice(msg, { mailboxVersion: "1.8" });
    const r = await openComplianceMail(office.globals, policy, undefined, "en", "false-alarm");
    expect(r.ok).toBe(true);
    expect(office.calls).toContain("displayNewMessageForm");
    expect((office.forms[0] as { subject: string }).subject).toBe("Think First: False alarm");
  });

  it("no compliance address → nothing is opened", async () => {
    const office = fakeOffice(msg);
    const { compliance: _none, ...withoutAddress } = defaultPolicy;
    expect(complianceMailFor(office.globals, withoutAddress, undefined, "en", "mistake")).toBeNull();
    const r = await openComplianceMail(office.globals, withoutAddress, undefined, "en", "mistake");
    expect(r).toMatchObject({ ok: false, reason: "missing" });
    expect(office.forms).toEqual([]);
  });
});
