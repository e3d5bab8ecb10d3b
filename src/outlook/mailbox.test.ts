import { callsInFlight, getAttachmentContent, getAttachments, getRecipients, isSetSupported, MAX_CONCURRENT_CALLS, officeCall } from "./mailbox";

describe("officeCall", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("resolves with the value on success and ignores a second callback", async () => {
    const p = officeCall<number>("x", 100, (cb) => {
      setTimeout(() => cb({ status: "succeeded", value: 1 }), 5);
      setTimeout(() => cb({ status: "succeeded", value: 2 }), 6);
    });
    await jest.advanceTimersByTimeAsync(10);
    await expect(p).resolves.toEqual({ ok: true, value: 1 });
  });

  it("turns failed, thrown, malformed and silent calls into typed failures", async () => {
    const failed = officeCall("f", 100, (cb) => cb({ status: "failed", error: { name: "GenericResponseError", message: "secret 4111" } }));
    const threw = officeCall("t", 100, () => {
      throw new TypeError("no such method");
    });
    const malformed = officeCall("m", 100, (cb) => cb(undefined));
    const silent = officeCall("s", 100, () => undefined);
    await jest.advanceTimersByTimeAsync(150);
    await expect(failed).resolves.toEqual({ ok: false, call: "f", reason: "failed", detail: "GenericResponseError" });
    await expect(threw).resolves.toEqual({ ok: false, call: "t", reason: "threw", detail: "TypeError" });
    await expect(malformed).resolves.toEqual({ ok: false, call: "m", reason: "failed" });
    await expect(silent).resolves.toEqual({ ok: false, call: "s", reason: "timeout" });
  });

  it("a late callback after the timeout changes nothing", async () => {
    const p = officeCall("late", 50, (cb) => setTimeout(() => cb({ status: "succeeded", value: 1 }), 500));
    await jest.advanceTimersByTimeAsync(1000);
    await expect(p).resolves.toMatchObject({ ok: false, reason: "timeout" });
  });
});

describe("typed reads", () => {
  const answer = (value: unknown) => (cb: (r: unknown) => void) => cb({ status: "succeeded", value });

  it("maps recipients with their field and recipientType, dropping empty entries", async () => {
    const item = { cc: { getAsync: answer([{ emailAddress: "a@x.test", displayName: "A", recipientType: "externalUser" }, { emailAddress: "" }, { emailAddress: "b@y.test", recipientType: "weird" }]) } };
    await expect(getRecipients(item, "cc", 100)).resolves.toEqual({
      ok: true,
      value: [
        { email: "a@x.test", name: "A", field: "cc", recipientType: "externalUser" },
        { email: "b@y.test", field: "cc", recipientType: "unknown" },
      ],
    });
  });

  it("maps the attachment list and content formats", async () => {
    const item = {
      getAttachmentsAsync: answer([{ id: "1", name: "a.xlsx", size: 10, attachmentType: "file" }, { id: "2", name: "Re: x", size: 5, attachmentType: "item", isInline: false }, { name: "no id" }]),
      getAttachmentContentAsync: (_id: string, cb: (r: unknown) => void) => cb({ status: "succeeded", value: { format: "eml", content: "Subject: x" } }),
    };
    await expect(getAttachments(item, 100)).resolves.toEqual({
      ok: true,
      value: [
        { id: "1", name: "a.xlsx", size: 10, type: "file" },
        { id: "2", name: "Re: x", size: 5, type: "item" },
      ],
    });
    await expect(getAttachmentContent(item, "2", 100)).resolves.toEqual({ ok: true, value: { format: "eml", content: "Subject: x" } });
  });

  it("isSetSupported: a throwing host counts as unsupported", () => {
    expect(isSetSupported({ context: { requirements: { isSetSupported: () => true } } }, "Mailbox", "1.14")).toBe(true);
    expect(isSetSupported({ context: { requirements: { isSetSupported: () => { throw new Error("x"); } } } }, "Mailbox", "1.14")).toBe(false);
    expect(isSetSupported(undefined, "Mailbox", "1.14")).toBe(false);
  });
});

describe("at most three Office calls at once (Outlook on the web's limit)", () => {
  it("queues the fourth call until one of the first three answers, and times it from when it was queued", async () => {
    expect(MAX_CONCURRENT_CALLS).toBe(3);
    const pending: Array<(r: unknown) => void> = [];
    let started = 0;
    let maxRunning = 0;
    const call = (name: string, timeoutMs = 5000) =>
      officeCall<string>(name, timeoutMs, (cb) => {
        started++;
        maxRunning = Math.max(maxRunning, callsInFlight().running);
        pending.push(cb);
      });
    const results = [call("a"), call("b"), call("c"), call("d"), call("e", 30)];
    expect(started).toBe(3);
    expect(callsInFlight()).toEqual({ running: 3, waiting: 2 });
    // "e" waits longer than its 30 ms timeout: it times out in the queue and is never started.
    await new Promise((r) => setTimeout(r, 60));
    expect(await results[4]).toEqual({ ok: false, call: "e", reason: "timeout" });
    expect(callsInFlight()).toEqual({ running: 3, waiting: 1 });
    pending[0]!({ status: "succeeded", value: "A" });
    expect(await results[0]).toEqual({ ok: true, value: "A" });
    expect(started).toBe(4); // "d" took the freed slot
    for (const cb of pending.slice(1)) cb({ status: "succeeded", value: "x" });
    await Promise.all(results);
    expect(maxRunning).toBe(3);
    expect(callsInFlight()).toEqual({ running: 0, waiting: 0 });
  });

  it("a call that hangs frees its slot when it times out", async () => {
    const hung = [1, 2, 3].map((i) => officeCall("hung" + i, 20, () => undefined));
    const next = officeCall<string>("next", 1000, (cb) => cb({ status: "succeeded", value: "ok" }));
    expect(callsInFlight().waiting).toBe(1);
    expect((await Promise.all(hung)).map((r) => r.ok)).toEqual([false, false, false]);
    expect(await next).toEqual({ ok: true, value: "ok" });
  });
});
