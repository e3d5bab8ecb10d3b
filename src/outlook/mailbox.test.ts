import { getAttachmentContent, getAttachments, getRecipients, isSetSupported, officeCall } from "./mailbox";

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
