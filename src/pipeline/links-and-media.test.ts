import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import type { Policy } from "../engine/policy/types";
import { testPolicy } from "../engine/test-policy";
import * as media from "../extract/test-fixtures-media";
import { checkMessage, scanAttachment, scanText, textFindings, type MessageInput } from "./check-message";

const policy: Policy = loadPolicy(fs.readFileSync(path.resolve(__dirname, "../../assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");
const ext = { email: "partner@partner.example", field: "to" as const, recipientType: "externalUser" as const };
const message = (attachments: MessageInput["attachments"] = [], body = "Hello"): MessageInput => ({
  message: { from: "me@example.com", subject: "Files", recipients: [ext], attachments: attachments.map((a) => a.info) },
  body,
  attachments,
});
const file = (id: string, name: string, bytes: Uint8Array, extra: { isInline?: boolean; type?: "file" | "cloud" } = {}) => ({
  info: { id, name, size: bytes.length, type: extra.type || ("file" as const), ...(extra.isInline ? { isInline: true } : {}) },
  bytes,
});

describe("identifiers and linked files in one text", () => {
  test("findings in text order, the link named by its host, bounded or not", () => {
    const text = "Card 4111 1111 1111 1111, files at https://contoso-my.sharepoint.com/:x:/g/personal/jane/Eb1?e=x";
    const f = textFindings(policy, text);
    expect(scanText(policy, { kind: "body" }, "body", text, { deadline: Infinity, now: () => 0 }).findings).toEqual(f);
    expect(f.map((x) => [x.detector, x.masked])).toEqual([
      ["payment-card", "**** **** **** 1111"],
      ["linked-file", "contoso-my.sharepoint.com"],
    ]);
  });

  test("a policy compiled before links existed uses the built-in hosts; an empty list turns text links off", () => {
    expect(textFindings(testPolicy(), "https://1drv.ms/x/abc").map((x) => x.detector)).toEqual(["linked-file"]);
    expect(textFindings(testPolicy({ links: { hosts: [] } }), "https://1drv.ms/x/abc")).toEqual([]);
  });
});

describe("checkMessage", () => {
  test("a screenshot and a zip of photos to an external recipient: allowed under the default policy, listed as no text", () => {
    const { zipSync } = require("fflate") as typeof import("fflate");
    const zip = zipSync({ "a.jpg": media.jpg(), "b.png": media.png() });
    const { decision, sources } = checkMessage(message([file("1", "Screenshot.png", media.png()), file("2", "photos.zip", zip)]), policy);
    expect(decision.action).toBe("allow");
    expect(decision.unscanned).toEqual([]);
    expect(decision.noText).toEqual([
      { part: "Screenshot.png", kind: "image" },
      { part: "photos.zip!a.jpg", kind: "image" },
      { part: "photos.zip!b.png", kind: "image" },
    ]);
    expect(sources[2]!.noText).toEqual([{ part: "Screenshot.png", kind: "image" }]);
  });

  test("images: warn → the same message warns, and an inline picture still does not count", () => {
    const warn = { ...policy, attachments: { images: "warn" as const } };
    const d = checkMessage(message([file("1", "Screenshot.png", media.png())]), warn).decision;
    expect(d.action).toBe("warn");
    expect(d.rules.map((r) => r.id)).toEqual(["on-no-text"]);
    const inline = checkMessage(message([file("1", "image001.png", media.png(), { isInline: true })]), warn).decision;
    expect(inline.action).toBe("allow");
    expect(inline.noText).toEqual([{ part: "image001.png", kind: "image", inline: true }]);
  });

  test("a cloud attachment is a linked-file finding naming the host of its URL, never unscanned", () => {
    const info = { id: "c", name: "plan.docx", size: 0, type: "cloud" as const };
    const r = scanAttachment(policy, { info, cloud: { url: "https://contoso-my.sharepoint.com/personal/jane/Documents/plan.docx?web=1" } });
    expect(r).toEqual({
      location: { kind: "attachment", name: "plan.docx", attachmentId: "c" },
      findings: [{ detector: "linked-file", start: 0, end: 0, confidence: "high", reasons: ["cloud attachment"], masked: "contoso-my.sharepoint.com" }],
      unscanned: [],
      chars: 0,
    });
    const d = checkMessage(message([{ info, cloud: {} }]), policy).decision;
    expect(d.action).toBe("allow");
    expect(d.linkedFiles).toEqual([{ host: "plan.docx", count: 1 }]);
  });

  test("links only in the HTML body's link targets are found; one in both the text and the HTML counts once", () => {
    const input = message([], "See the plan (link) and https://1drv.ms/x/abc");
    input.bodyLinks = ["https://1drv.ms/x/abc", "https://contoso.sharepoint.com/sites/s/plan.docx", "mailto:x@example.com", "#top"];
    const { decision, sources } = checkMessage(input, policy);
    expect(sources[1]!.findings.map((f) => [f.masked, f.reasons[0]])).toEqual([
      ["1drv.ms", "link to a file-sharing host"],
      ["contoso.sharepoint.com", "link target in the HTML body"],
    ]);
    expect(decision.linkedFiles).toEqual([
      { host: "1drv.ms", count: 1 },
      { host: "contoso.sharepoint.com", count: 1 },
    ]);
  });

  test("a card beside a link: blocked, the link listed with the decision", () => {
    const d = checkMessage(message([], "Card 4111 1111 1111 1111 — https://www.dropbox.com/s/abc/cards.csv"), policy).decision;
    expect(d.action).toBe("block");
    expect(d.linkedFiles).toEqual([{ host: "www.dropbox.com", count: 1 }]);
    expect(d.counts["linked-file"]).toBeUndefined();
  });

  test("an Outlook .msg with a cloud attachment (by web reference): its link is read, not unscanned", () => {
    const { msgFile } = require("../extract/test-fixtures-cfb") as typeof import("../extract/test-fixtures-cfb");
    const msg = msgFile({ subject: "Plan", body: "See the attachment.", attachments: [{ name: "plan.docx", method: 7, longPathname: "https://contoso-my.sharepoint.com/personal/jane/Documents/plan.docx" }] });
    const { decision } = checkMessage(message([file("m", "fwd.msg", msg)]), policy);
    expect(decision.unscanned).toEqual([]);
    expect(decision.linkedFiles).toEqual([{ host: "contoso-my.sharepoint.com", count: 1 }]);
    const noUrl = msgFile({ subject: "Plan", attachments: [{ name: "plan.docx", method: 7 }] });
    expect(checkMessage(message([file("m", "fwd.msg", noUrl)]), policy).decision.unscanned).toEqual([
      { part: "fwd.msg!plan.docx", reason: "unsupported", detail: "attachment by reference (link only)" },
    ]);
  });
});
