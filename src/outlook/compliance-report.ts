/**
 * The task pane's reports to the compliance address (policy `compliance.address`): gathers the client details Office
 * gives, composes the mail with the pure composer (src/pipeline/compliance-mail.ts: rule ids, masked examples, client
 * details; never a raw value or another address) in the employee's language, and opens it as a new message for them to
 * complete and send (nothing is sent on their behalf).
 */
import type { Policy } from "../engine/policy/types";
import type { Decision } from "../engine/types";
import { composeComplianceMail, type ComplianceMail, type ReportKind } from "../pipeline/compliance-mail";
import type { Locale } from "../i18n";
import { messages } from "../i18n/messages";
import { buildInfo } from "./build-constants";
import * as mb from "./mailbox";

/** The mail for `kind`, or null when the policy names no compliance address. */
export function complianceMailFor(office: mb.OfficeLike, policy: Policy, decision: Decision | undefined, locale: Locale, kind: ReportKind): ComplianceMail | null {
  const c = messages(locale).compliance;
  const diag = mb.clientDiagnostics(office);
  return composeComplianceMail({
    kind,
    policy,
    decision,
    labels: {
      subject: kind === "mistake" ? c.mail.subjectMistake : c.mail.subjectFalseAlarm,
      intro: c.mail.intro,
      policy: c.policy,
      rules: c.mail.rules,
      found: c.mail.found,
      notChecked: c.mail.notChecked,
      client: c.mail.client,
      version: c.mail.version,
      none: c.mail.none,
    },
    client: { platform: mb.clientPlatform(office), host: diag.host, hostVersion: diag.hostVersion, locale: mb.displayLanguage(office), mailbox: mb.highestMailboxSet(office) },
    product: buildInfo.version,
  });
}

/** Prepares and opens the report; resolves with the Office result ("missing" without a compliance address). */
export function openComplianceMail(office: mb.OfficeLike, policy: Policy, decision: Decision | undefined, locale: Locale, kind: ReportKind): Promise<mb.OfficeResult<void>> {
  const mail = complianceMailFor(office, policy, decision, locale, kind);
  if (!mail) return Promise.resolve(mb.failure("displayNewMessageForm", "missing", "no compliance address"));
  return mb.displayNewMessage(office, { toRecipients: mail.toRecipients, subject: mail.subject, htmlBody: mail.htmlBody }, 10000);
}
