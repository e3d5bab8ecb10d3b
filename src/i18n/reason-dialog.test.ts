/**
 * "Send with a reason" in the dialog and the task pane's new strings: a fired `requireReason` warn rule replaces the
 * "Send Anyway" advice by the way to the task pane, within the dialog's 500 characters in every locale (worst case
 * included); buttons of the reason and compliance sections stay within 20 characters.
 */
import type { Decision } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { CANCEL_LABEL_LIMIT, DIALOG_LIMIT, needsReason, renderDialog } from "./dialog";
import { format } from "./format";
import { LOCALES } from "./locale";
import { CATALOG } from "./messages";
import * as fx from "./fixtures";

/** The policy of the fixtures with every warn rule of `decision` marked requireReason. */
function requiring(policy: Policy, decision: Decision): Policy {
  const ids = decision.rules.filter((r) => r.action === "warn").map((r) => r.id);
  const rules = policy.rules.map((r) => (ids.indexOf(r.id) >= 0 ? { ...r, requireReason: true as const } : r));
  for (const id of ids) if (!rules.some((r) => r.id === id)) rules.push({ ...(policy.rules[0] as Policy["rules"][number]), id, action: "warn", requireReason: true });
  return { ...policy, rules };
}

describe("the dialog of a rule that needs a reason", () => {
  const cases = LOCALES.flatMap((l) => [
    [l, "customer list", fx.customerListWarn()] as const,
    [l, "worst case", fx.worstCase("warn")] as const,
  ]);

  it.each(cases)("%s, %s: names the task pane, never Send Anyway, ≤ 500 characters", (locale, _name, decision) => {
    const policy = requiring(fx.longTitlePolicy(), decision);
    expect(needsReason(decision, policy)).toBe(true);
    const m = CATALOG[locale];
    const d = renderDialog(decision, policy, locale);
    const sentence = format(m.justification.dialogNeedsReason, { button: m.labels.cancelLabel });
    for (const text of [d.errorMessage, d.errorMessageMarkdown]) {
      expect(text.length).toBeLessThanOrEqual(DIALOG_LIMIT);
      expect(text).toContain(sentence);
      expect(text).not.toContain(m.dialog.sendAnyway);
    }
  });

  it("without requireReason the warning keeps Send Anyway; a block never needs a reason", () => {
    const decision = fx.customerListWarn();
    expect(needsReason(decision, fx.policy())).toBe(false);
    expect(renderDialog(decision, fx.policy(), "en").errorMessage).toContain(CATALOG.en.dialog.sendAnyway);
    const block = fx.simpleBlock();
    expect(needsReason(block, requiring(fx.policy(), { ...block, rules: block.rules.map((r) => ({ ...r, action: "warn" as const })) }))).toBe(false);
  });
});

describe("reason and compliance strings", () => {
  it.each(LOCALES)("%s: buttons ≤ 20 characters, no empty string", (locale) => {
    const m = CATALOG[locale];
    for (const b of [m.justification.pane.save, m.justification.pane.clear, m.compliance.falseAlarm, m.compliance.mistake]) {
      expect(b.length).toBeGreaterThan(0);
      expect(b.length).toBeLessThanOrEqual(CANCEL_LABEL_LIMIT);
    }
    expect(m.justification.pane.textLabel).toContain("{max}");
    expect(m.compliance.policy.length).toBeGreaterThan(20);
  });
});
