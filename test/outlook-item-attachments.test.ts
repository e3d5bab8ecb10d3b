/**
 * Item attachments in every form Office returns them (Eml, ICalendar, Base64 .msg on some clients) are read by content
 * through the extractor's mail path; contact/task items that Office refuses and drag-and-drop items whose content call
 * throws become explicit unscanned parts with a reason, never a failed send. Runs the real handler on the fake Office.
 */
import { defaultPolicy, withPolicy } from "./helpers/outlook-policy";
import { fakeEvent, fakeOffice, type FakeMessage } from "./helpers/fake-office";
import { handleSend } from "../src/outlook/on-message-send";
import { contentBytes } from "../src/outlook/read-message";
import type { CompletedOptions, PaneContext } from "../src/outlook/completed-options";
import { msgFile } from "../src/extract/test-fixtures-cfb";

const card = "4111 1111 1111 1111";
const ext = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" });
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString("base64");

async function send(msg: FakeMessage, policy = defaultPolicy) {
  const office = fakeOffice({ from: "me@example.com", to: [ext("partner@example.org")], subject: "Fwd", body: "See the attached item.", ...msg });
  const { event, completed } = fakeEvent();
  await handleSend(event, { office: office.globals, policy });
  await new Promise((r) => setTimeout(r, 20));
  expect(completed).toHaveLength(1);
  const options = completed[0]!.options as CompletedOptions;
  return { options, context: options.contextData ? (JSON.parse(options.contextData) as PaneContext) : undefined };
}

const item = (id: string, name: string, extra: object) => ({ id, name, size: 1000, attachmentType: "item", ...extra });

describe("contentBytes: the name the extractor sees for each Office content format", () => {
  const info = { id: "i", name: "Meeting notes", size: 10, type: "item" as const };
  it("Eml → .eml, ICalendar → .ics, Base64 .msg (compound file) → .msg, Base64 MIME → .eml; file attachments keep their name", () => {
    expect(contentBytes(info, { format: "eml", content: "From: a@b.c\r\n\r\nx" })).toMatchObject({ name: "Meeting notes.eml" });
    expect(contentBytes(info, { format: "iCalendar", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR" })).toMatchObject({ name: "Meeting notes.ics" });
    expect(contentBytes(info, { format: "base64", content: b64(msgFile({ subject: "s", body: "b" })) })).toMatchObject({ name: "Meeting notes.msg" });
    expect(contentBytes(info, { format: "base64", content: b64("From: a@b.c\r\nTo: d@e.f\r\n\r\nx") })).toMatchObject({ name: "Meeting notes.eml" });
    expect(contentBytes({ ...info, type: "file", name: "a.msg" }, { format: "base64", content: b64("x") })).toMatchObject({ name: "a.msg" });
    expect(contentBytes(info, { format: "other", content: "" })).toEqual({ part: "Meeting notes", reason: "unsupported", detail: "unknown content format" });
  });
});

describe("item attachments through the send handler", () => {
  it("an attached mail as Eml with a card number → block, found in the attachment", async () => {
    const eml = "From: a@example.com\r\nTo: b@example.com\r\nSubject: old\r\n\r\nThe card is " + card + "\r\n";
    const { options, context } = await send({ attachments: [item("e", "old mail", { format: "eml", text: eml })] });
    expect(options.allowEvent).toBe(false);
    expect(context!.examples.some((e) => e.detector === "payment-card" && e.location.kind === "attachment")).toBe(true);
  });

  it("an attached mail as Base64 .msg (some clients) → read by content, its card found", async () => {
    const msg = msgFile({ subject: "old", body: "The card is " + card });
    const { options, context } = await send({ attachments: [item("m", "old mail", { base64: b64(msg) })] });
    expect(options.allowEvent).toBe(false);
    expect(context!.examples.some((e) => e.detector === "payment-card")).toBe(true);
  });

  it("a meeting as ICalendar → read as text", async () => {
    const ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Payment\r\nDESCRIPTION:Card " + card + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const { options, context } = await send({ attachments: [item("c", "Payment call", { format: "iCalendar", text: ics })] });
    expect(options.allowEvent).toBe(false);
    expect(context!.examples.some((e) => e.detector === "payment-card")).toBe(true);
  });

  it("a contact or task item Office refuses, and a drag-and-drop item whose content call throws → unscanned with a reason, the send completes", async () => {
    const { options, context } = await send(
      {
        attachments: [
          item("k", "Ann Example (contact)", { contentFault: { errorName: "AttachmentTypeNotSupported" } }),
          item("d", "Dragged mail", { contentFault: "throw" }),
        ],
      },
      withPolicy({ onUnscanned: "warn" }),
    );
    expect(options.allowEvent).toBe(false);
    const parts = context!.unscanned;
    expect(parts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ part: "Ann Example (contact)", reason: "unavailable" }),
        expect.objectContaining({ part: "Dragged mail", reason: "unavailable" }),
      ]),
    );
    for (const p of parts) expect(p.detail || "").toMatch(/getAttachmentContentAsync/);
  });
});
