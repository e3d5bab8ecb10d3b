/**
 * "Send with a reason" in the task pane (docs/audit.md): on a warning, the employee picks a reason code and may add a
 * short text; the pane validates it (src/pipeline/justification.ts: no identifier, address, long number or masked value)
 * and stores it in the item's sessionData with the ids of the warn rules it answers (../audit-stamp.ts). The next Send's
 * handler reads it, lets the message go and stamps the reason in X-ThinkFirst-Reason. A block cannot be overridden, so
 * the section appears only on a warn.
 */
import type { Decision } from "../../engine/types";
import type { Policy } from "../../engine/policy/types";
import { MAX_REASON_TEXT, REASON_CODES, validateJustification, type ReasonCode } from "../../pipeline/justification";
import { justificationProblemText, reasonLabel, type Locale } from "../../i18n";
import { needsReason } from "../../i18n/dialog";
import { format } from "../../i18n/format";
import type { Messages } from "../../i18n/messages/en";
import type * as mb from "../mailbox";
import { readStoredReason, serializeStoredReason, storeReason } from "../audit-stamp";
import { el } from "../dom";

export interface ReasonPane {
  item: mb.ItemLike;
  policy: Policy;
  locale: Locale;
  m: Messages;
}

/** Ids of the warn rules that fired: what a reason given now answers. */
export function warnRules(decision: Decision): string[] {
  return decision.rules.filter((r) => r.action === "warn").map((r) => r.id);
}

/** The section, or undefined when the decision is not a warn. */
export function reasonView(p: ReasonPane, decision: Decision): HTMLElement | undefined {
  if (decision.action !== "warn") return undefined;
  const t = p.m.justification.pane;
  const code = el("select", { id: "reason-code" });
  for (const c of REASON_CODES) code.append(el("option", { value: c }, reasonLabel(p.locale, c)));
  const text = el("input", { id: "reason-text", type: "text", maxlength: String(MAX_REASON_TEXT), autocomplete: "off" });
  const problems = el("ul", { id: "reason-problems", class: "problems", role: "alert" });
  const status = el("p", { id: "reason-status", class: "status", role: "status", "aria-live": "polite" });
  const save = el("button", { type: "button", id: "reason-save" }, t.save);
  const clear = el("button", { type: "button", id: "reason-clear", class: "secondary" }, t.clear);
  const rules = warnRules(decision);

  save.addEventListener("click", () => {
    problems.textContent = "";
    status.textContent = "";
    const result = validateJustification({ code: code.value, text: text.value }, p.policy);
    if (!result.ok) {
      for (const problem of result.problems) problems.append(el("li", {}, justificationProblemText(p.locale, problem)));
      text.focus();
      return;
    }
    save.disabled = true;
    void storeReason(p.item, serializeStoredReason(result.justification, rules), 5000).then((r) => {
      save.disabled = false;
      status.textContent = r.ok ? t.saved : format(t.failed, { error: r.detail || r.reason });
      status.setAttribute("data-saved", r.ok ? "yes" : "no");
    });
  });
  clear.addEventListener("click", () => {
    problems.textContent = "";
    void storeReason(p.item, null, 5000).then((r) => {
      status.textContent = r.ok ? t.cleared : format(t.failed, { error: r.detail || r.reason });
      status.setAttribute("data-saved", "no");
      if (r.ok) text.value = "";
    });
  });

  // A reason given earlier in this compose: shown again (re-validated against the policy in force).
  void readStoredReason(p.item, p.policy, 3000).then((stored) => {
    if (!stored) return;
    code.value = stored.justification.code as ReasonCode;
    text.value = stored.justification.text || "";
    if (rules.every((id) => stored.rules.indexOf(id) >= 0)) {
      status.textContent = t.saved;
      status.setAttribute("data-saved", "yes");
    }
  });

  return el(
    "section",
    { class: "reason", id: "send-with-reason" },
    el("h2", {}, t.heading),
    el("p", {}, needsReason(decision, p.policy) ? t.required + " " + t.intro : t.intro),
    el("label", { for: "reason-code" }, t.codeLabel),
    code,
    el("label", { for: "reason-text" }, format(t.textLabel, { max: MAX_REASON_TEXT })),
    text,
    problems,
    el("div", { class: "buttons" }, save, clear),
    status,
  );
}
