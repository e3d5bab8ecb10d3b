import type { Decision } from "../engine/types";
import { clip, completedOptions, TASKPANE_COMMAND_ID } from "./completed-options";

const decision = (action: Decision["action"]): Decision => ({
  action,
  rules: [{ id: "r", action, message: "remove-or-mask", detectors: ["payment-card"] }],
  counts: { "payment-card": 1 },
  examples: [{ detector: "payment-card", masked: "**** 1111", location: { kind: "body" }, confidence: "high" }],
  fixes: [{ kind: "mask-identifiers", findings: 1 }],
  unscanned: [],
  visibleExternalRecipients: 0,
});
const dialog = { errorMessage: "x".repeat(600), errorMessageMarkdown: "**x**", cancelLabel: "A label that is far too long" };
const all = { v114: true, v115: true };

it("allow is allowEvent true only", () => {
  expect(completedOptions(decision("allow"), dialog, all, "en")).toEqual({ allowEvent: true });
});

it("warn relaxes to promptUser, block does not; limits are enforced", () => {
  const warn = completedOptions(decision("warn"), dialog, all, "en");
  expect(warn).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: TASKPANE_COMMAND_ID, errorMessageMarkdown: "**x**" });
  expect(warn.errorMessage!.length).toBe(500);
  expect(warn.cancelLabel!.length).toBeLessThanOrEqual(20);
  expect(JSON.parse(warn.contextData!)).toMatchObject({ action: "warn", fixes: [{ kind: "mask-identifiers" }], locale: "en" });
  expect(completedOptions(decision("block"), dialog, all, "en").sendModeOverride).toBeUndefined();
});

it("older clients get only what they support", () => {
  expect(Object.keys(completedOptions(decision("block"), dialog, { v114: false, v115: false }, "en")).sort()).toEqual(["allowEvent", "errorMessage"]);
  expect(completedOptions(decision("warn"), dialog, { v114: true, v115: false }, "en").errorMessageMarkdown).toBeUndefined();
});

it("clip never splits a surrogate pair", () => {
  expect(clip("ab😀cd", 4)).toBe("ab…");
  expect(clip("short", 10)).toBe("short");
});
