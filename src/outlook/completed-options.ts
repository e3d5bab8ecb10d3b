/**
 * Turns a decision and its dialog text into the options of `event.completed` (Office.SmartAlertsEventCompletedOptions),
 * using only what the client's Mailbox requirement set supports:
 *   1.12 allowEvent, errorMessage · 1.14 cancelLabel, commandId, contextData, sendModeOverride · 1.15 errorMessageMarkdown.
 * Also defines the contextData the task pane receives: masked findings and fixes only.
 */
import type { Action, Decision, Example, Fix, Unscanned } from "../engine/types";
import type { DialogText, Locale } from "../i18n";

/** The id of the task pane button in manifest.xml: "Take Action" opens it. */
export const TASKPANE_COMMAND_ID = "ThinkFirst.OpenPaneButton";
export const MAX_MESSAGE = 500;
export const MAX_LABEL = 20;
const MAX_EXAMPLES = 20;

export interface Capabilities {
  /** Mailbox 1.14: cancelLabel, commandId, contextData, sendModeOverride. */
  v114: boolean;
  /** Mailbox 1.15: errorMessageMarkdown. */
  v115: boolean;
}

/** What the task pane gets through `getInitializationContextAsync` (JSON string). */
export interface PaneContext {
  v: 1;
  action: Action;
  rules: string[];
  counts: Record<string, number>;
  examples: Example[];
  fixes: Fix[];
  unscanned: Unscanned[];
  locale: Locale;
}

export interface CompletedOptions {
  allowEvent: boolean;
  errorMessage?: string;
  errorMessageMarkdown?: string;
  cancelLabel?: string;
  commandId?: string;
  contextData?: string;
  sendModeOverride?: "promptUser";
}

/** Cuts a string to `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + "…";
}

export function paneContext(decision: Decision, locale: Locale): PaneContext {
  return {
    v: 1,
    action: decision.action,
    rules: decision.rules.map((r) => r.id),
    counts: decision.counts,
    examples: decision.examples.slice(0, MAX_EXAMPLES),
    fixes: decision.fixes,
    unscanned: decision.unscanned.slice(0, MAX_EXAMPLES),
    locale,
  };
}

export function completedOptions(decision: Decision, dialog: DialogText, caps: Capabilities, locale: Locale): CompletedOptions {
  if (decision.action === "allow") return { allowEvent: true };
  const o: CompletedOptions = { allowEvent: false, errorMessage: clip(dialog.errorMessage, MAX_MESSAGE) };
  if (caps.v115 && dialog.errorMessageMarkdown) o.errorMessageMarkdown = clip(dialog.errorMessageMarkdown, MAX_MESSAGE);
  if (caps.v114) {
    o.cancelLabel = clip(dialog.cancelLabel, MAX_LABEL);
    o.commandId = TASKPANE_COMMAND_ID;
    o.contextData = JSON.stringify(paneContext(decision, locale));
    if (decision.action === "warn") o.sendModeOverride = "promptUser";
  }
  return o;
}
