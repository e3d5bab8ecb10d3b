/**
 * Property: whatever the Decision and the policy's citation hold (any counts, ids, masked strings, names, titles, URLs,
 * Unicode included), every locale's dialog fits Outlook's limits without the emergency cut, never throws, fills every
 * placeholder, and keeps Urdu's isolates balanced.
 */
import fc from "fast-check";
import type { Decision, Example, FiredRule, Location, Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { fitDialog, NOTIFICATION_LIMIT, renderDialog, renderNotification } from "./dialog";
import { LOCALES } from "./locale";
import * as fx from "./fixtures";

const ids = fc.oneof(fc.constantFrom(...fx.ALL_DETECTORS, "visible-external-recipients", "unscanned", "custom"), fc.string({ maxLength: 200 }));
const text = fc.string({ unit: "grapheme", maxLength: 300 });
const location: fc.Arbitrary<Location> = fc.oneof(
  fc.constant<Location>({ kind: "body" }),
  fc.constant<Location>({ kind: "subject" }),
  text.map<Location>((name) => ({ kind: "attachment", name })),
);
const example: fc.Arbitrary<Example> = fc.record({
  detector: ids,
  masked: text,
  location,
  confidence: fc.constantFrom("low" as const, "medium" as const, "high" as const),
});
const rule: fc.Arbitrary<FiredRule> = fc.record({
  id: fc.string({ maxLength: 20 }),
  action: fc.constantFrom("warn" as const, "block" as const),
  message: fc.oneof(fc.constantFrom("remove-or-mask", "move-to-bcc", "dont-share-customer-list", "check-unscanned", "remove-attachment", "check-links", "check-no-text"), fc.string({ maxLength: 30 })),
  detectors: fc.array(ids, { maxLength: 15 }),
});
const unscanned: fc.Arbitrary<Unscanned> = fc.record({
  part: text,
  reason: fc.constantFrom("encrypted" as const, "too-large" as const, "unsupported" as const, "corrupt" as const, "limit" as const, "timeout" as const, "unavailable" as const, "no-text" as const),
});
const decision: fc.Arbitrary<Decision> = fc.record({
  action: fc.constantFrom("allow" as const, "warn" as const, "block" as const),
  rules: fc.array(rule, { maxLength: 8 }),
  counts: fc.dictionary(ids, fc.nat({ max: 1000000 }), { maxKeys: 20 }),
  examples: fc.array(example, { maxLength: 30 }),
  fixes: fc.array(text.map((name) => ({ kind: "remove-attachment" as const, name })), { maxLength: 10 }),
  unscanned: fc.array(unscanned, { maxLength: 10 }),
  visibleExternalRecipients: fc.nat({ max: 5000 }),
  // Hosts up to the 253 characters DNS allows, Unicode and markup included (the renderer must cope with anything).
  linkedFiles: fc.array(fc.record({ host: fc.oneof(text, fc.domain()), count: fc.nat({ max: 1000 }) }), { maxLength: 12 }),
});
const citation = fc.record({
  title: fc.dictionary(fc.constantFrom("en", "sk", "nb", "fi", "hi", "ur", "nb-NO", "xx"), text),
  url: fc.option(fc.oneof(fc.webUrl(), text), { nil: undefined }),
});

test("every locale's dialog and notification fit, for any decision and citation", () => {
  fc.assert(
    fc.property(decision, citation, (d, c) => {
      const policy: Policy = { ...fx.policy(), citation: c as Policy["citation"] };
      for (const l of LOCALES) {
        const t = renderDialog(d, policy, l);
        for (const s of [t.errorMessage, t.errorMessageMarkdown]) {
          expect(s.length).toBeLessThanOrEqual(500);
          if (d.action !== "allow") expect(s.length).toBeGreaterThan(0);
          expect(s).not.toMatch(/\{(count|name|title|item|examples|label|text|reason|id|found)\}/);
          if (l === "ur") expect((s.match(/[\u2066-\u2068]/g) || []).length).toBe((s.match(/\u2069/g) || []).length);
        }
        expect(fitDialog(d, policy, l, false).truncated).toBe(false);
        expect(fitDialog(d, policy, l, true).truncated).toBe(false);
        expect(t.cancelLabel.length).toBeLessThanOrEqual(20);
        expect(renderNotification(d, policy, l).length).toBeLessThanOrEqual(NOTIFICATION_LIMIT);
      }
    }),
    { numRuns: 80 },
  );
});
