/**
 * Fault injection over every Office call the send handler makes: each call independently succeeds, fails, throws, never
 * calls back, calls back twice or calls back late (after the budget), and `completed` itself may throw. Whatever the
 * combination, `completed` is called exactly once, within the time budget, and:
 *   - if a call the decision needs (recipients, subject, body, attachment list or content) did not answer in time → the
 *     policy's onUnscanned action (warn → Send Anyway allowed; block → not);
 *   - otherwise (only from, sessionData, isSetSupported, displayLanguage or completed misbehaved) → the normal decision,
 *     which for this harmless message is "allow";
 *   - the X-ThinkFirst-* headers carry that verdict when internetHeaders.setAsync answers in time, and are absent when
 *     it fails, throws, hangs or answers late, without delaying the completion beyond the budget.
 * Jest's fake timers drive the clock, so a 4-second budget costs no real time.
 */
import { withPolicy } from "./helpers/outlook-policy";
import fc from "fast-check";
import { FAULTS, SEND_CALLS, fakeEvent, fakeOffice, type Fault } from "./helpers/fake-office";
import { handleSend, prescan } from "../src/outlook/on-message-send";
import type { CompletedOptions } from "../src/outlook/completed-options";

const NEEDED = ["to.getAsync", "cc.getAsync", "bcc.getAsync", "subject.getAsync", "body.getAsync", "getAttachmentsAsync", "getAttachmentContentAsync"];
const OFFICE_CALLS = SEND_CALLS.filter((c) => c !== "completed");
const answers = (f: Fault | undefined) => f === undefined || f === "succeed" || f === "twice";

const harmless = {
  from: "me@example.com",
  to: [{ emailAddress: "colleague@example.com", displayName: "C", recipientType: "user" }],
  cc: [{ emailAddress: "boss@example.com", displayName: "B", recipientType: "user" }],
  subject: "Lunch",
  body: "See you at noon.",
  attachments: [{ id: "a1", name: "menu.txt", size: 11, base64: Buffer.from("Soup, bread").toString("base64") }],
};

beforeEach(() => jest.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => jest.useRealTimers());

async function run(faults: Partial<Record<string, Fault>>, onUnscanned: "warn" | "block", throwOnComplete: boolean, budget = 4000) {
  const policy = withPolicy({ onUnscanned, timeBudgetMs: budget });
  const office = fakeOffice(harmless, { faults, lateMs: budget + 60_000 });
  const { event, completed } = fakeEvent({ throwOnComplete });
  // The headers the item carried when completed was called (a late setAsync answer must not count).
  const stamped: Record<string, string>[] = [];
  const recording = { completed: (o?: unknown) => (stamped.push({ ...office.headers }), event.completed(o)) };
  const start = Date.now();
  void handleSend(recording, { office: office.globals, policy });
  await jest.advanceTimersByTimeAsync(budget + 1000);
  const inBudget = completed.map((c) => c.at - start);
  await jest.advanceTimersByTimeAsync(120_000); // let late and second callbacks arrive
  return { completed, inBudget, office, stamped };
}

/** The audit headers: stamped with the verdict of the outcome when setAsync answers in time; none otherwise. */
function expectStamp(stamped: Record<string, string>[], faults: Partial<Record<string, Fault>>, onUnscanned: "warn" | "block") {
  expect(stamped).toHaveLength(1);
  const headers = stamped[0]!;
  if (!answers(faults["internetHeaders.setAsync"])) {
    expect(headers).toEqual({});
    return;
  }
  const gap = NEEDED.some((c) => !answers(faults[c]));
  expect(headers["X-ThinkFirst-Verdict"]).toBe(gap ? onUnscanned : "allow");
  expect(Object.keys(headers).sort()).toEqual(["X-ThinkFirst-Check", "X-ThinkFirst-Reason", "X-ThinkFirst-Verdict"]);
  for (const v of Object.values(headers)) expect(v).not.toMatch(/@|menu|colleague|boss/);
}

function expectOutcome(o: CompletedOptions, faults: Partial<Record<string, Fault>>, onUnscanned: "warn" | "block") {
  const gap = NEEDED.some((c) => !answers(faults[c]));
  if (!gap) {
    expect(o).toEqual({ allowEvent: true });
    return;
  }
  expect(o.allowEvent).toBe(false);
  expect(typeof o.errorMessage).toBe("string");
  // isSetSupported is synchronous: only "fail" (false) and "throw" change its answer.
  const modern = faults["isSetSupported"] !== "fail" && faults["isSetSupported"] !== "throw";
  if (modern) {
    const ctx = JSON.parse(o.contextData!);
    expect(ctx.action).toBe(onUnscanned);
    expect(ctx.unscanned.length).toBeGreaterThan(0);
    if (onUnscanned === "warn") expect(o.sendModeOverride).toBe("promptUser");
    else expect(o.sendModeOverride).toBeUndefined();
  } else {
    expect(o.sendModeOverride).toBeUndefined();
    expect(o.contextData).toBeUndefined();
  }
}

describe("fault injection", () => {
  it.each(OFFICE_CALLS.flatMap((call) => FAULTS.map((fault) => [call, fault] as const)))("%s → %s: completed once, in budget, right action", async (call, fault) => {
    const faults = { [call]: fault };
    const { completed, inBudget, stamped } = await run(faults, "warn", false);
    expect(completed).toHaveLength(1);
    expect(inBudget[0]).toBeLessThanOrEqual(4000);
    expectOutcome(completed[0]!.options as CompletedOptions, faults, "warn");
    expectStamp(stamped, faults, "warn");
  });

  it("a throwing event.completed is called once and nothing escapes", async () => {
    const { completed } = await run({}, "warn", true);
    expect(completed).toHaveLength(1);
  });

  it("random combinations over every call (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(OFFICE_CALLS.map((c) => [c, fc.constantFrom(...FAULTS)])) as Record<string, fc.Arbitrary<Fault>>, { requiredKeys: [] }),
        fc.constantFrom("warn" as const, "block" as const),
        fc.boolean(),
        fc.constantFrom(500, 4000),
        async (faults, onUnscanned, throwOnComplete, budget) => {
          const { completed, inBudget, stamped } = await run(faults, onUnscanned, throwOnComplete, budget);
          expect(completed).toHaveLength(1);
          expect(inBudget[0]).toBeLessThanOrEqual(budget);
          expectOutcome(completed[0]!.options as CompletedOptions, faults, onUnscanned);
          expectStamp(stamped, faults, onUnscanned);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("pre-scan handlers: random faults over their calls → completed once, within the budget, no argument (property)", async () => {
    const calls = [...OFFICE_CALLS, "sessionData.setAsync", "notificationMessages.replaceAsync", "notificationMessages.removeAsync"];
    const card = { ...harmless, body: "Visa card 4111 1111 1111 1111", to: [{ emailAddress: "p@example.org", displayName: "P", recipientType: "externalUser" }] };
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(calls.map((c) => [c, fc.constantFrom(...FAULTS)])) as Record<string, fc.Arbitrary<Fault>>, { requiredKeys: [] }),
        fc.boolean(),
        fc.boolean(),
        async (faults, scanNew, throwOnComplete) => {
          const office = fakeOffice(card, { faults, lateMs: 70_000 });
          const { event, completed } = fakeEvent({ throwOnComplete });
          const start = Date.now();
          void prescan(event, scanNew, { office: office.globals, policy: withPolicy({ timeBudgetMs: 4000 }) });
          await jest.advanceTimersByTimeAsync(5000);
          expect(completed).toHaveLength(1);
          expect(completed[0]!.at - start).toBeLessThanOrEqual(4000);
          expect(completed[0]!.options).toBeUndefined();
          await jest.advanceTimersByTimeAsync(120_000);
          expect(completed).toHaveLength(1);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("slow synchronous work (an injectable clock makes every read of it a step later)", () => {
  /** A clock that jumps `step` ms at every read: synchronous work that reads it often outlasts the budget. */
  function slowClock(step: number) {
    const state = { reads: 0 };
    const now = () => Date.now() + state.reads++ * step;
    return { now, state };
  }

  it.each([
    ["a large body", { body: "Nothing to see here, just words. ".repeat(100000), attachments: [] }, "body"],
    ["a large text attachment", { attachments: [{ id: "big", name: "notes.txt", size: 3_000_000, base64: Buffer.from("Plain words only. ".repeat(170000)).toString("base64") }] }, "notes.txt"],
  ])("%s cut by the deadline while it is scanned → completed once, in budget, at least onUnscanned", async (_name, parts, part) => {
    const policy = withPolicy({ onUnscanned: "warn", timeBudgetMs: 4000 });
    const office = fakeOffice({ ...harmless, ...parts }, { lateMs: 60_000 });
    const { event, completed } = fakeEvent();
    const clock = slowClock(100);
    const start = Date.now();
    void handleSend(event, { office: office.globals, policy, now: clock.now });
    await jest.advanceTimersByTimeAsync(5000);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.at - start).toBeLessThanOrEqual(4000);
    const o = completed[0]!.options as CompletedOptions;
    expect(o.allowEvent).toBe(false);
    const ctx = JSON.parse(o.contextData!);
    expect(ctx.action).toBe("warn");
    expect(ctx.unscanned).toEqual(expect.arrayContaining([expect.objectContaining({ part, reason: "timeout" })]));
    // The scan stopped at the deadline instead of reading the clock for every slice of the text.
    expect(clock.state.reads).toBeLessThan(60);
  });
});

describe("the stamp when the Office call queue is full", () => {
  it("three hung calls of another handler hold every slot: the send completes once, in budget, without headers", async () => {
    const { officeCall, callsInFlight } = await import("../src/outlook/mailbox");
    const policy = withPolicy({ onUnscanned: "warn", timeBudgetMs: 4000 });
    // A pre-scan still waiting for three attachments (each with a timeout longer than the send's budget).
    for (let i = 0; i < 3; i++) void officeCall("getAttachmentContentAsync", 60_000, () => undefined);
    expect(callsInFlight().running).toBe(3);
    const office = fakeOffice(harmless);
    const { event, completed } = fakeEvent();
    const start = Date.now();
    void handleSend(event, { office: office.globals, policy });
    await jest.advanceTimersByTimeAsync(5000);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.at - start).toBeLessThanOrEqual(4000);
    expect((completed[0]!.options as CompletedOptions).allowEvent).toBe(false);
    expect(office.headers).toEqual({});
    await jest.advanceTimersByTimeAsync(120_000);
    expect(completed).toHaveLength(1);
    expect(callsInFlight()).toEqual({ running: 0, waiting: 0 });
  });
});
