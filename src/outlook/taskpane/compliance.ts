/**
 * The task pane's "Tell compliance" section (when the policy names `compliance.address`): "This is not sensitive" (a
 * false alarm) and "I may have sent customer data by mistake", each preparing a mail to compliance
 * (../compliance-report.ts) for the employee to send. The section cites the policy: suspected mishandling of customer
 * data is reported to the compliance team or the legal department at once.
 */
import type { Decision } from "../../engine/types";
import type { Policy } from "../../engine/policy/types";
import type { ReportKind } from "../../pipeline/compliance-mail";
import type { Locale } from "../../i18n";
import { format } from "../../i18n/format";
import type { Messages } from "../../i18n/messages/en";
import type * as mb from "../mailbox";
import { openComplianceMail } from "../compliance-report";
import { el } from "../dom";

export interface CompliancePane {
  office: mb.OfficeLike;
  policy: Policy;
  locale: Locale;
  m: Messages;
}

export function complianceView(p: CompliancePane, decision: Decision | undefined): HTMLElement | undefined {
  if (!p.policy.compliance) return undefined;
  const t = p.m.compliance;
  const status = el("p", { id: "compliance-status", class: "status", role: "status", "aria-live": "polite" });
  const button = (kind: ReportKind, label: string, hint: string) => {
    const b = el("button", { type: "button", class: "secondary", id: "report-" + kind, "aria-describedby": "hint-" + kind }, label);
    b.addEventListener("click", () => {
      b.disabled = true;
      void openComplianceMail(p.office, p.policy, decision, p.locale, kind).then((r) => {
        b.disabled = false;
        status.textContent = r.ok ? t.opened : format(t.failed, { error: r.detail || r.reason });
        status.setAttribute("data-opened", r.ok ? kind : "");
      });
    });
    return [b, el("p", { class: "hint", id: "hint-" + kind }, hint)];
  };
  const buttons: HTMLElement[] = [];
  if (decision && decision.action !== "allow") buttons.push(...button("false-alarm", t.falseAlarm, t.falseAlarmHint));
  buttons.push(...button("mistake", t.mistake, t.mistakeHint));
  return el("section", { class: "compliance", id: "tell-compliance" }, el("h2", {}, t.heading), el("p", {}, t.policy), el("div", { class: "buttons" }, ...buttons), status);
}
