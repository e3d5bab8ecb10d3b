/**
 * The first-time recipient history on the client (docs/recipients.md "First-time recipients"): salted hashes only
 * (src/engine/recipients/recipient-history.ts), in Office.context.roamingSettings under HISTORY_SETTING.
 *
 * Where each client keeps it:
 *   - roamingSettings exists on every client (Mailbox 1.1: web, new Outlook, classic Windows including its
 *     JavaScript-only event runtime, Mac; in compose and read). 32 KB for all of the add-in's settings (error 9057
 *     beyond); stored in the mailbox, so it follows the user; loaded when the add-in starts, so a save from another
 *     client is seen after the next start. The history takes 8 characters an address plus 40 (2,000 addresses: 16 KB;
 *     the policy's recipients.firstTime.maxEntries caps it at 3,000: 24 KB).
 *   - OfficeRuntime.storage (classic Windows only, 10 MB per origin) and localStorage (browser runtimes only) do not
 *     roam and do not exist everywhere, so they are not used: one store, the same history in every Outlook.
 *   - Where roamingSettings is missing or unreadable (a host without it, a shared mailbox whose settings cannot be
 *     read), there is no history: the first-time check is off on that client (firstTimeCheck "unavailable"), never a
 *     warning for every external recipient. Nothing is recorded there.
 *
 * When: the history is opened at the start of Send (a synchronous read of the loaded settings) and the decision uses it
 * if it is open by then. After a decision that ALLOWS the send, the external and personal recipients are remembered
 * and the settings saved, before event.completed (code after it may not run), waiting at most SAVE_MS. A warned
 * message is not recorded: Smart Alerts does not tell whether the user chose Send Anyway or Don't Send, and a
 * wrong recipient the user then removed must not become "known".
 */
import { analyzerFor, firstTimeEnabled } from "../engine/policy/recipient-facts";
import type { Policy } from "../engine/policy/types";
import { DEFAULT_MAX_ENTRIES, openHistory, weakRandomBytes, type HistoryStore, type OpenedHistory, type RandomBytes } from "../engine/recipients/recipient-history";
import type { MessageInfo } from "../engine/types";
import * as mb from "./mailbox";
import { after, cancel } from "./timers";

export const HISTORY_SETTING = "thinkfirst.recipients";
/** The longest an allowed send waits for the history to be saved. */
export const SAVE_MS = 600;

declare const crypto: { getRandomValues?: (a: Uint8Array) => Uint8Array } | undefined;

/** crypto.getRandomValues where the runtime has it; Math.random otherwise (the salt needs to differ, not be secret). */
export const randomBytes: RandomBytes = (n) => {
  try {
    if (typeof crypto !== "undefined" && crypto && typeof crypto.getRandomValues === "function") return crypto.getRandomValues(new Uint8Array(n));
  } catch (e) {
    // fall through
  }
  return weakRandomBytes(n);
};

/** The roamingSettings store, or undefined where the client has none. */
export function roamingHistoryStore(office: mb.OfficeLike, timeoutMs: number = SAVE_MS): HistoryStore | undefined {
  const rs = mb.roamingSettings(office);
  if (!rs) return undefined;
  return {
    load: () => {
      const v = rs.get(HISTORY_SETTING);
      return Promise.resolve(typeof v === "string" ? v : undefined);
    },
    save: (serialized) =>
      mb.roamingSave(office, HISTORY_SETTING, serialized, timeoutMs).then((r) => {
        if (!r.ok) throw new Error(r.call + " " + r.reason);
      }),
  };
}

export interface ClientHistory {
  /** What the decision gets (MessageInfo.firstTime); undefined while not open or where there is no history. */
  inputs(now: number): MessageInfo["firstTime"];
  /** Remembers the message's external and personal recipients and saves; resolves (never rejects) within timeoutMs. */
  recordAllowed(message: MessageInfo, timeoutMs: number): Promise<boolean>;
}

/** Opens the history for one send (or the task pane's check) under the policy's recipients.firstTime settings. */
export function clientHistory(office: mb.OfficeLike, policy: Policy, now: number, store: HistoryStore | undefined = roamingHistoryStore(office)): ClientHistory {
  const settings = policy.recipients ? policy.recipients.firstTime : { enabled: true, maxEntries: DEFAULT_MAX_ENTRIES, learningDays: 14 };
  let opened: OpenedHistory | undefined;
  if (firstTimeEnabled(policy) && store) void openHistory(store, randomBytes, now, settings.maxEntries).then((o) => (opened = o));
  return {
    inputs: (at) => (opened && opened.history ? { history: opened.history, now: at, learningDays: settings.learningDays } : undefined),
    recordAllowed: (message, timeoutMs) => {
      const history = opened && opened.history;
      if (!history || !store) return Promise.resolve(false);
      let addresses: string[];
      try {
        addresses = recipientsToRemember(message, policy);
      } catch (e) {
        return Promise.resolve(false);
      }
      if (!addresses.length) return Promise.resolve(false);
      history.remember(addresses);
      return new Promise<boolean>((resolve) => {
        const timer = after(Math.max(1, Math.min(timeoutMs, SAVE_MS)), () => resolve(false));
        Promise.resolve()
          .then(() => store.save(history.serialize()))
          .then(
            () => (cancel(timer), resolve(true)),
            () => (cancel(timer), resolve(false)),
          );
      });
    },
  };
}

/** The recipients the first-time check looks at (external and personal ones), in memory only, for remember(). */
export function recipientsToRemember(message: MessageInfo, policy: Policy): string[] {
  const classes = analyzerFor(policy).analyze(message.recipients, message.from).classes;
  return message.recipients.filter((r, i) => classes[i] !== "internal" && r.email && r.email.indexOf("@") > 0).map((r) => r.email);
}
