/**
 * The event handlers Outlook runs (registered in launchevent.ts):
 *   onMessageSendHandler            read → extract → scan → decide → render → event.completed, exactly once, in time;
 *   onMessageAttachmentsChanged…    pre-scan new attachments, cache results in sessionData, info-bar notice;
 *   onMessageRecipientsChanged…     re-decide with cached results, info-bar notice.
 *
 * Time: the policy's timeBudgetMs (default 4 s) is the whole budget. Office reads must answer by 50 % of it, attachment
 * content by 65 %, extraction and scanning stop at 80 %, and a watchdog completes with the policy's onUnscanned action
 * shortly before 100 % if anything still hangs. `completed` is guarded: a second call is a no-op, and a throwing
 * `completed` is swallowed. No network is used. Before completing, on every path, the send handler stamps the
 * X-ThinkFirst-* audit headers within a small slice of the budget and applies the reason the task pane stored
 * (./audit-stamp.ts, docs/audit.md).
 */
import { decide } from "../engine/policy/decide";
import { policyVersion } from "../engine/policy/version";
import type { Decision, Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { checkMessage, type MessageInput } from "../pipeline/check-message";
import { renderDialog, renderNotification, resolveLocale, type DialogText, type Locale } from "../i18n";
import { currentPolicy, loadCachedPolicy, refreshPolicy } from "./policy-source";
import { currentCustomers, loadCachedCustomers, refreshCustomers } from "./customer-source";
import type { CustomerSet } from "../engine/customers/customer-set";
import { bundledPolicy, buildInfo } from "./build-constants";
import { auditHeadersFor, clientToken, readStoredReason, reasonOutcome, stampAuditHeaders, stampSlice, type StoredReason } from "./audit-stamp";
import type { Justification } from "../pipeline/justification";
import * as mb from "./mailbox";
import { completedOptions, type CompletedOptions } from "./completed-options";
import { readMessage, type ReadProgress } from "./read-message";
import { CACHE_KEY, cacheable, resultVersion, serializeCache } from "./prescan-cache";
import { after, cancel, type Timer } from "./timers";
import { clientHistory, type ClientHistory } from "./recipient-history-store";

export const DEFAULT_BUDGET_MS = 4000;
export const NOTIFICATION_KEY = "thinkfirst";

declare const Office: unknown;

interface EventLike {
  completed(options?: unknown): void;
}

function globalOffice(): mb.OfficeLike {
  return typeof Office === "undefined" ? undefined : Office;
}

function policyNow(): Policy {
  try {
    return currentPolicy() || bundledPolicy;
  } catch (e) {
    return bundledPolicy;
  }
}

export function budgetOf(policy: Policy): number {
  const b = policy && typeof policy.timeBudgetMs === "number" && policy.timeBudgetMs > 0 ? policy.timeBudgetMs : DEFAULT_BUDGET_MS;
  return Math.min(b, 280000);
}

/** Deadlines within one budget, as absolute times. */
export function schedule(start: number, budget: number) {
  const margin = Math.max(25, Math.min(300, Math.round(budget * 0.08)));
  return {
    readDeadline: start + budget * 0.5,
    contentDeadline: start + budget * 0.65,
    scanDeadline: start + budget * 0.8,
    watchdogDelay: budget - margin,
  };
}

/** Calls event.completed at most once; exceptions from the host are swallowed. */
export function completeOnce(event: EventLike): (options?: unknown) => boolean {
  let done = false;
  return (options?: unknown) => {
    if (done) return false;
    done = true;
    try {
      if (options === undefined) event.completed();
      else event.completed(options);
    } catch (e) {
      // The host refused; nothing else can be done, and nothing may escape.
    }
    return true;
  };
}

/**
 * The decision when not even the message could be read (no item, the pipeline threw): the same decide() as every other
 * path, with the unread parts as message gaps and the recipients unknown (so they count as external).
 */
export function failureDecision(policy: Policy, parts: Unscanned[]): Decision {
  const gaps = parts.length ? parts : [{ part: "message", reason: "unavailable" as const }];
  return decide([], { subject: "", recipients: [], attachments: [], recipientsUnread: true, gaps }, policy);
}

/** Decides on whatever was read so far, pending attachments counted as timed out. Never throws. */
function decideSoFar(policy: Policy, progress: ReadProgress | undefined, reason: "timeout" | "unavailable", customers: CustomerSet | null): Decision {
  if (!progress || !progress.input) return failureDecision(policy, [{ part: "message", reason }]);
  const pending: Unscanned[] = progress.pending.map((p) => ({ part: p.name, reason }));
  try {
    const input: MessageInput = {
      message: progress.input.message,
      body: progress.input.body,
      attachments: progress.input.attachments.concat(progress.pending.map((info) => ({ info, unavailable: { part: info.name, reason } }))),
    };
    return checkMessage(input, policy, { deadline: 0, now: () => 1, customers }).decision;
  } catch (e) {
    return failureDecision(policy, progress.gaps.concat(pending));
  }
}

function fallbackDialog(decision: Decision): DialogText {
  const text = decision.unscanned.length
    ? "Think First could not check everything in this message (" + decision.unscanned.map((u) => u.part).slice(0, 5).join(", ") + "). Check it before you send."
    : "Think First: this message may contain customer information. Check it before you send.";
  return { errorMessage: text, errorMessageMarkdown: text, cancelLabel: "Take Action" };
}

/** Dialog text for a decision; falls back to plain English if rendering fails. */
export function dialogFor(decision: Decision, policy: Policy, locale: Locale): DialogText {
  try {
    const d = renderDialog(decision, policy, locale);
    if (d && typeof d.errorMessage === "string" && d.errorMessage) return d;
  } catch (e) {
    // fall through
  }
  return fallbackDialog(decision);
}

function localeOf(office: mb.OfficeLike): Locale {
  try {
    return resolveLocale(mb.displayLanguage(office));
  } catch (e) {
    return "en";
  }
}

export function optionsFor(decision: Decision, policy: Policy, office: mb.OfficeLike): CompletedOptions {
  const locale = localeOf(office);
  const caps = { v114: mb.isSetSupported(office, "Mailbox", "1.14"), v115: mb.isSetSupported(office, "Mailbox", "1.15") };
  return completedOptions(decision, dialogFor(decision, policy, locale), caps, locale);
}

export interface RunOptions {
  now?: () => number;
  policy?: Policy;
  office?: mb.OfficeLike;
  /** The customer set to use (tests); default: the one loaded for the policy (./customer-source.ts), or none. */
  customers?: CustomerSet | null;
  /** The product version stamped in X-ThinkFirst-Check (tests); default: the build's. */
  product?: string;
}

function customersNow(policy: Policy, run: RunOptions): CustomerSet | null {
  if (run.customers !== undefined) return run.customers;
  try {
    return currentCustomers(policy);
  } catch (e) {
    return null;
  }
}

/** The longest the send handler waits for the local policy cache (a storage read, never the network). */
export const CACHE_READ_MS = 250;
/** The longest a change event waits for the tenant's policy download before it pre-scans with the policy it has. */
export const REFRESH_MS = 3000;

/** Runs `next` once `p` settles or `ms` have passed, whichever is first; `next` runs exactly once. */
export function settleWithin<T>(p: Promise<T>, ms: number, next: () => void): void {
  let ran = false;
  const go = () => {
    if (ran) return;
    ran = true;
    cancel(timer);
    next();
  };
  const timer = after(ms, go);
  p.then(go, go);
}

/** The send handler Outlook calls. Classic Outlook starts a fresh runtime per event: read the cached policy first. */
export function onMessageSendHandler(event: EventLike): void {
  const cached = loadCachedPolicy().then((p) => loadCachedCustomers(p));
  settleWithin(cached, CACHE_READ_MS, () => void handleSend(event));
}

/**
 * The work of the send handler; resolves with what was passed to completed (for tests and the simulator).
 *
 * Every completion (decision, watchdog, no item, a throw) goes through `finish`: it computes the options, applies the
 * reason stored by the task pane (audit-stamp.ts), stamps the X-ThinkFirst-* headers and then completes. The decision
 * watchdog fires one stamp slice before the end of the budget, and a last guard completes at the end whatever the stamp
 * does, so stamping never delays the completion beyond the budget.
 */
export function handleSend(event: EventLike, run: RunOptions = {}): Promise<CompletedOptions> {
  const complete = completeOnce(event);
  const office = run.office || globalOffice();
  const policy = run.policy || policyNow();
  const now = run.now || Date.now;
  const start = now();
  const budget = budgetOf(policy);
  const plan = schedule(start, budget);
  const slice = stampSlice(budget);
  const hardDeadline = start + plan.watchdogDelay;
  const customers = customersNow(policy, run);
  const history = clientHistory(office, policy, start);
  let progress: ReadProgress | undefined;
  let watchdog: Timer | undefined;
  const item = mb.currentItem(office);
  let stored: StoredReason | null = null;
  let reasonSettled = !item;
  const reasonRead = item
    ? readStoredReason(item, policy, Math.max(1, plan.readDeadline - now())).then((r) => {
        stored = r;
        reasonSettled = true;
      })
    : Promise.resolve();
  return new Promise<CompletedOptions>((resolve) => {
    let finished = false;
    const finish = (make: () => Decision) => {
      if (finished) return;
      finished = true;
      cancel(watchdog);
      let decision: Decision | undefined;
      try {
        decision = make();
      } catch (e) {
        decision = undefined;
      }
      const fallback = (): CompletedOptions => ({ allowEvent: false, errorMessage: fallbackDialog(failureDecision(policy, [])).errorMessage });
      let options: CompletedOptions = fallback();
      let sent = false;
      const done = () => {
        if (sent) return;
        sent = true;
        cancel(guard);
        complete(options);
        resolve(options);
      };
      // The last guard: whatever the reason read or the stamp do, completion happens by the end of the budget.
      const guard = after(Math.max(0, hardDeadline - now()), done);
      const stampAndComplete = () => {
        if (sent) return;
        let justification: Justification | undefined;
        try {
          // A decision that could not be made keeps the plain fallback dialog (no Send Anyway); its headers are those
          // of the failure decision.
          if (decision) {
            const outcome = reasonOutcome(decision, policy, stored);
            justification = outcome.justification;
            options = outcome.override ? { allowEvent: true } : optionsFor(decision, policy, office);
            if (outcome.missing.length) delete options.sendModeOverride;
          }
        } catch (e) {
          options = fallback();
        }
        if (!item) return done();
        const headers = auditHeadersFor(decision || failureDecision(policy, []), policy, run.product || buildInfo.version, justification, clientToken(office));
        stampAuditHeaders(item, headers, Math.max(1, Math.min(slice, hardDeadline - now()))).then(done, done);
      };
      if (reasonSettled) stampAndComplete();
      else settleWithin(reasonRead, Math.max(1, Math.min(Math.round(slice / 2), hardDeadline - now())), stampAndComplete);
    };
    watchdog = after(Math.max(0, plan.watchdogDelay - slice), () => finish(() => decideSoFar(policy, progress, "timeout", customers)));
    if (!item) {
      finish(() => failureDecision(policy, [{ part: "message", reason: "unavailable", detail: "no compose item" }]));
      return;
    }
    readMessage(item, office, policy, {
      now,
      readDeadline: plan.readDeadline,
      contentDeadline: plan.contentDeadline,
      scanDeadline: plan.scanDeadline,
      scanNew: true,
      onProgress: (p) => (progress = p),
      customers,
    })
      .then((read) => {
        if (finished) return;
        decideAndRecord(read.input, policy, history, { now, deadline: plan.scanDeadline, customers }, Math.max(1, start + plan.watchdogDelay - now()), finish);
      })
      .catch(() => finish(() => decideSoFar(policy, progress, "unavailable", customers)));
  });
}

/**
 * The decision with the first-time history (./recipient-history-store.ts), when it is open by now; an allowed send
 * remembers its external recipients before completing (at most `saveMs`, the history store's own cap applies too).
 */
function decideAndRecord(input: MessageInput, policy: Policy, history: ClientHistory, options: { now: () => number; deadline: number; customers: CustomerSet | null }, saveMs: number, finish: (make: () => Decision) => void): void {
  const firstTime = history.inputs(options.now());
  const withHistory: MessageInput = firstTime ? { ...input, message: { ...input.message, firstTime } } : input;
  let decision: Decision;
  try {
    decision = checkMessage(withHistory, policy, options).decision;
  } catch (e) {
    finish(() => {
      throw e;
    });
    return;
  }
  if (decision.action !== "allow") return finish(() => decision);
  history.recordAllowed(input.message, saveMs).then(
    () => finish(() => decision),
    () => finish(() => decision),
  );
}

/**
 * Pre-scan on OnMessageAttachmentsChanged / OnMessageRecipientsChanged: scans attachments without a cached result (only
 * for attachment changes), stores their results, and shows or clears the info-bar notice. Office gaps do not raise a
 * notice (the send handler deals with them). Always completes the event, once.
 */
export function prescan(event: EventLike, scanNew: boolean, run: RunOptions = {}): Promise<Decision | undefined> {
  const complete = completeOnce(event);
  const office = run.office || globalOffice();
  const policy = run.policy || policyNow();
  const now = run.now || Date.now;
  const start = now();
  const plan = schedule(start, budgetOf(policy));
  const customers = customersNow(policy, run);
  const watchdog = after(plan.watchdogDelay, () => complete());
  const history = clientHistory(office, policy, start);
  const item = mb.currentItem(office);
  const done = (d: Decision | undefined) => {
    cancel(watchdog);
    complete();
    return d;
  };
  if (!item) return Promise.resolve(done(undefined));
  return readMessage(item, office, policy, { now, readDeadline: plan.readDeadline, contentDeadline: plan.contentDeadline, scanDeadline: plan.scanDeadline, scanNew, customers })
    .then(async (read) => {
      const ids = Object.keys(read.fresh);
      const cacheVersion = resultVersion(policyVersion(policy), customers ? customers.digest : undefined);
      if (ids.length) {
        for (const id of ids) {
          const r = cacheable(read.fresh[id]!);
          const info = read.input.message.attachments.filter((a) => a.id === id)[0];
          if (r && info) read.cache[id] = { name: info.name, size: info.size, policy: cacheVersion, result: r };
        }
        await mb.sessionSet(item, CACHE_KEY, serializeCache(read.cache, read.input.message.attachments, cacheVersion), Math.max(1, start + plan.watchdogDelay - now()));
      }
      if (read.gaps.length) return done(undefined);
      // Attachments Office did not give in time are the send handler's to retry, not a reason for a notice now.
      const firstTime = history.inputs(now());
      const message = firstTime ? { ...read.input.message, firstTime } : read.input.message;
      const input = { ...read.input, message, attachments: read.input.attachments.filter((a) => !a.unavailable || (a.unavailable.reason !== "timeout" && a.unavailable.reason !== "unavailable")) };
      const { decision } = checkMessage(input, policy, { now, deadline: plan.scanDeadline, customers });
      const t = Math.max(1, start + plan.watchdogDelay - now());
      if (decision.action === "allow") await mb.removeNotification(item, NOTIFICATION_KEY, t);
      else {
        let text: string;
        try {
          text = renderNotification(decision, policy, localeOf(office));
        } catch (e) {
          text = "Think First: this message may break the customer-information policy. Check it before you send.";
        }
        await mb.showNotification(item, NOTIFICATION_KEY, text, t);
      }
      return done(decision);
    })
    .catch(() => done(undefined));
}

/**
 * Change events are outside the send path: the one place the tenant's policy URL (if any) and the customer set the
 * policy in force names (if any) are fetched, side by side, within REFRESH_MS. A policy that names another set file
 * takes effect for the set at the next event.
 */
function refreshAll(): Promise<unknown> {
  return Promise.all([refreshPolicy({ timeoutMs: REFRESH_MS }), refreshCustomers(policyNow(), { timeoutMs: REFRESH_MS })]);
}

export function onMessageAttachmentsChangedHandler(event: EventLike): void {
  settleWithin(refreshAll(), REFRESH_MS + 100, () => void prescan(event, true));
}

export function onMessageRecipientsChangedHandler(event: EventLike): void {
  settleWithin(refreshAll(), REFRESH_MS + 100, () => void prescan(event, false));
}
