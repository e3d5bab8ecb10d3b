/**
 * Outlook .msg ([MS-OXMSG]) → a MailItem: subject, sender, recipients (To/Cc/Bcc from the recipient storages), the
 * plain body (PidTagBody), else the HTML body (PidTagHtml / PidTagBodyHtml), else the compressed RTF body
 * (PidTagRtfCompressed, decompressed and turned into text by rtf.ts, HTML encapsulated in RTF included), and the
 * attachments: files by value, embedded messages (attach method 5, rendered as RFC 822 the way Office returns item
 * attachments, so they travel the same path as attached .eml files), OLE objects holding a Word, Excel or PowerPoint
 * document (read in place). S/MIME items (message class IPM.Note.SMIME: encrypted or opaque-signed) are `encrypted`;
 * clear-signed ones (IPM.Note.SMIME.MultipartSigned) are read from their MIME attachment.
 *
 * Hand-written on cfb.ts rather than `@kenjiuno/msgreader` 1.28: measured with the handler's webpack settings, that
 * library weighs 328 KB minified / 182 KB gzip (iconv-lite's code page tables; more than the whole 150 KB budget of
 * launchevent.js), 56 KB / 14 KB gzip even with iconv-lite stubbed out (then without 8-bit code pages), reads with its
 * own unbounded CFB walker and has no clock hook. This reader is a few KB and shares the bounded CFB reader.
 */
import { CfbEntry, CfbFile, STORAGE, STREAM, u16, u32 } from "./cfb";
import { Context, joinPart, PartFailure } from "./context";
import { htmlToText } from "./html";
import { MAX_MSG_ATTACHMENTS, MAX_MSG_RECIPIENTS, MAX_NESTING_DEPTH } from "./limits";
import type { MailAddress, MailAttachment, MailItem } from "./mail-types";
import { decompressRtf, rtfToText } from "./rtf";
import { decodeText, decodeUtf16 } from "./text-decode";

/** MAPI property types ([MS-OXCDATA] 2.11.1). */
const PT_LONG = 0x0003;
const PT_BOOLEAN = 0x000b;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;

/** Property ids ([MS-OXPROPS]). */
const P = {
  messageClass: 0x001a,
  subject: 0x0037,
  sentRepresentingName: 0x0042,
  sentRepresentingEmail: 0x0065,
  senderName: 0x0c1a,
  senderEmail: 0x0c1f,
  senderSmtp: 0x5d01,
  sentRepresentingSmtp: 0x5d02,
  displayTo: 0x0e04,
  recipientType: 0x0c15,
  displayName: 0x3001,
  addressType: 0x3002,
  emailAddress: 0x3003,
  smtpAddress: 0x39fe,
  body: 0x1000,
  rtfCompressed: 0x1009,
  html: 0x1013,
  internetCodepage: 0x3fde,
  messageCodepage: 0x3ffd,
  attachData: 0x3701,
  attachExtension: 0x3703,
  attachFilename: 0x3704,
  attachMethod: 0x3705,
  attachLongFilename: 0x3707,
  attachLongPathname: 0x370d,
  attachMimeTag: 0x370e,
  attachContentId: 0x3712,
  attachmentHidden: 0x7ffe,
};

/** PidTagAttachMethod values ([MS-OXCMSG] 2.2.2.9). */
const AF_BY_VALUE = 1;
const AF_EMBEDDED_MESSAGE = 5;
const AF_STORAGE = 6;
/** [MS-OXCMSG] 2.2.2.9 afByWebReference: a cloud attachment; PidTagAttachLongPathname holds its URL. */
const AF_BY_WEB_REFERENCE = 7;

/** Size of the property stream header before the 16-byte entries ([MS-OXMSG] 2.4.1). */
const HEADER_TOP = 32;
const HEADER_EMBEDDED = 24;
const HEADER_SUB = 8;

const PROPERTIES = "__properties_version1.0";
const hex4 = (n: number) => ("000" + n.toString(16).toUpperCase()).slice(-4);

/** The fixed-size properties of one object, and its string/binary properties read from their streams. */
class Props {
  private fixed: { [tag: number]: number } = {};
  codepage = "";
  constructor(ctx: Context, private readonly cfb: CfbFile, readonly storage: CfbEntry, headerBytes: number) {
    const stream = cfb.child(storage, PROPERTIES);
    if (stream && stream.type === STREAM) {
      const b = cfb.read(stream);
      for (let o = headerBytes; o + 16 <= b.length; o += 16) {
        ctx.tick(256);
        const type = u16(b, o);
        const id = u16(b, o + 2);
        // Fixed-size values are inline (the first 4 bytes are enough for LONG and BOOLEAN).
        if (type === PT_LONG || type === PT_BOOLEAN) this.fixed[id] = u32(b, o + 8);
      }
    }
  }

  long(id: number): number | undefined {
    const v = this.fixed[id];
    return v === undefined ? undefined : v | 0;
  }

  stream(id: number, type: number): CfbEntry | undefined {
    const e = this.cfb.child(this.storage, "__substg1.0_" + hex4(id) + hex4(type));
    return e && e.type === STREAM ? e : undefined;
  }

  str(id: number): string {
    const u = this.stream(id, PT_UNICODE);
    if (u) return trimNul(decodeUtf16(this.cfb.read(u), true));
    const a = this.stream(id, PT_STRING8);
    if (a) return trimNul(decodeText(this.cfb.read(a), this.codepage || undefined));
    return "";
  }

  bin(id: number): Uint8Array | null {
    const e = this.stream(id, PT_BINARY);
    return e ? this.cfb.read(e) : null;
  }

  objectStorage(id: number): CfbEntry | undefined {
    const e = this.cfb.child(this.storage, "__substg1.0_" + hex4(id) + hex4(PT_OBJECT));
    return e && e.type === STORAGE ? e : undefined;
  }
}

function trimNul(s: string): string {
  const i = s.indexOf("\u0000");
  return i < 0 ? s : s.slice(0, i);
}

/** Windows code page number → a charset label decodeText understands (TextDecoder labels for the others). */
export function codepageLabel(cp: number | undefined): string {
  if (!cp) return "";
  const named: { [cp: number]: string } = {
    65001: "utf-8", 1200: "utf-16le", 1201: "utf-16be", 20127: "us-ascii", 932: "shift_jis", 936: "gbk", 949: "euc-kr",
    950: "big5", 20866: "koi8-r", 21866: "koi8-u", 50220: "iso-2022-jp", 51932: "euc-jp", 54936: "gb18030",
  };
  if (named[cp]) return named[cp] as string;
  if (cp >= 28591 && cp <= 28606) return "iso-8859-" + (cp - 28590);
  return "windows-" + cp;
}

/** Hooks of the reader into the dispatcher: legacy Office documents held as OLE objects are read in place. */
export interface MsgReaderHooks {
  /** Text of an OLE storage holding a Word/Excel/PowerPoint document, or null when it is none of these. */
  oleText(storage: CfbEntry): { part: string; text: string }[] | null;
  /** The .eml rendering of a message item (for embedded messages). */
  render(item: MailItem): Uint8Array;
  /** A MIME entity (clear-signed S/MIME body) as a MailItem. */
  readMime(bytes: Uint8Array): MailItem;
}

/** Reads the message in `storage` (the root for a .msg file). `depth` counts the embedded messages above it. */
export function readMsgItem(ctx: Context, cfb: CfbFile, storage: CfbEntry, depth: number, hooks: MsgReaderHooks): MailItem {
  const top = storage.id === cfb.root.id;
  const props = new Props(ctx, cfb, storage, top ? HEADER_TOP : HEADER_EMBEDDED);
  props.codepage = codepageLabel(props.long(P.messageCodepage) || props.long(P.internetCodepage));
  const item: MailItem = { format: "msg", to: [], cc: [], bcc: [], subject: props.str(P.subject), body: "", texts: [], attachments: [], unscanned: [] };
  const from = sender(props);
  if (from) item.from = from;
  const messageClass = props.str(P.messageClass);

  // Recipients and attachments: substorages named __recip_version1.0_#XXXXXXXX / __attach_version1.0_#XXXXXXXX.
  const kids = cfb.children(storage);
  const recips: CfbEntry[] = [];
  const attachments: CfbEntry[] = [];
  for (let i = 0; i < kids.length; i++) {
    ctx.tick(64);
    const k = kids[i] as CfbEntry;
    if (k.type !== STORAGE) continue;
    const n = k.name.toLowerCase();
    if (n.indexOf("__recip_version1.0_#") === 0) recips.push(k);
    else if (n.indexOf("__attach_version1.0_#") === 0) attachments.push(k);
  }
  const byName = (a: CfbEntry, b: CfbEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  recips.sort(byName);
  attachments.sort(byName);
  if (recips.length > MAX_MSG_RECIPIENTS) item.unscanned.push({ part: "recipients", reason: "limit", detail: "more than " + MAX_MSG_RECIPIENTS + " recipients" });
  for (let i = 0; i < recips.length && i < MAX_MSG_RECIPIENTS; i++) {
    const r = new Props(ctx, cfb, recips[i] as CfbEntry, HEADER_SUB);
    r.codepage = props.codepage;
    const addr = address(r.str(P.displayName), r.str(P.smtpAddress), r.str(P.emailAddress), r.str(P.addressType));
    if (!addr) continue;
    const type = r.long(P.recipientType);
    const kind = type === undefined ? 1 : type & 0xf; // high bits: flags (e.g. 0x10000000 = responsibility)
    (kind === 2 ? item.cc : kind === 3 ? item.bcc : item.to).push(addr);
  }
  if (!recips.length) {
    // No recipient storages (some writers): the display list, names only.
    const shown = props.str(P.displayTo);
    if (shown) shown.split(";").forEach((n) => n.trim() && item.to.push({ address: "", name: n.trim() }));
  }

  // S/MIME: encrypted or opaque-signed content is a PKCS #7 blob; clear-signed content is a MIME entity.
  const smime = /^ipm\.note\.smime(\.|$)/i.test(messageClass);
  const clearSigned = /^ipm\.note\.smime\.multipartsigned$/i.test(messageClass);
  if (smime && !clearSigned) {
    item.unscanned.push({ part: "", reason: "encrypted", detail: "S/MIME encrypted or opaque-signed message (" + messageClass + ")" });
    return item;
  }

  readBody(ctx, props, item);

  if (attachments.length > MAX_MSG_ATTACHMENTS) item.unscanned.push({ part: "attachments", reason: "limit", detail: "more than " + MAX_MSG_ATTACHMENTS + " attachments" });
  for (let i = 0; i < attachments.length && i < MAX_MSG_ATTACHMENTS; i++) {
    ctx.checkTime();
    const storageOf = attachments[i] as CfbEntry;
    try {
      readAttachment(ctx, cfb, storageOf, props.codepage, i + 1, depth, hooks, item, clearSigned);
    } catch (e) {
      if (!(e instanceof PartFailure)) throw e;
      item.unscanned.push({ part: "attachment-" + (i + 1), reason: e.reason, detail: e.detail });
    }
  }
  return item;
}

function sender(props: Props): MailAddress | null {
  return (
    address(props.str(P.senderName), props.str(P.senderSmtp), props.str(P.senderEmail), "") ||
    address(props.str(P.sentRepresentingName), props.str(P.sentRepresentingSmtp), props.str(P.sentRepresentingEmail), "")
  );
}

/** An address from MAPI: the SMTP address when given, else the e-mail address if it is one (not an Exchange DN). */
function address(name: string, smtp: string, email: string, type: string): MailAddress | null {
  let a = smtp || (/@/.test(email) && !/^ex$/i.test(type) ? email : "");
  a = a.replace(/^smtp:/i, "").trim();
  if (!a && !name) return null;
  const out: MailAddress = { address: a };
  if (name && name !== a) out.name = name;
  return out;
}

/** Body: PidTagBody, else the HTML body, else the RTF body; the other forms are read too when they add text. */
function readBody(ctx: Context, props: Props, item: MailItem): void {
  const plain = props.str(P.body);
  if (plain) {
    item.texts.push({ part: "text/plain", text: plain });
    item.body = plain;
    return;
  }
  let html: string;
  const htmlBytes = props.bin(P.html);
  if (htmlBytes) html = decodeText(htmlBytes, codepageLabel(props.long(P.internetCodepage)) || props.codepage || undefined);
  else html = props.str(P.html);
  if (html) {
    const text = htmlToText(html);
    item.texts.push({ part: "text/html", text });
    item.body = text;
    return;
  }
  const rtf = props.bin(P.rtfCompressed);
  if (!rtf) return;
  try {
    const text = rtfToText(ctx, decompressRtf(ctx, rtf));
    item.texts.push({ part: "text/rtf", text });
    item.body = text;
  } catch (e) {
    if (!(e instanceof PartFailure)) throw e;
    item.unscanned.push({ part: "text/rtf", reason: e.reason, detail: e.detail });
  }
}

function readAttachment(
  ctx: Context,
  cfb: CfbFile,
  storage: CfbEntry,
  codepage: string,
  n: number,
  depth: number,
  hooks: MsgReaderHooks,
  item: MailItem,
  clearSigned: boolean,
): void {
  const a = new Props(ctx, cfb, storage, HEADER_SUB);
  a.codepage = codepage;
  const method = a.long(P.attachMethod);
  const displayName = a.str(P.displayName);
  let name = a.str(P.attachLongFilename) || a.str(P.attachFilename) || displayName;
  const inline = a.long(P.attachmentHidden) === 1 || !!a.str(P.attachContentId);
  const mimeType = (a.str(P.attachMimeTag) || "").toLowerCase();

  if (method === AF_EMBEDDED_MESSAGE) {
    const inner = a.objectStorage(P.attachData);
    const label = (displayName || "message-" + n).replace(/\.msg$/i, "") + ".eml";
    if (!inner) throw new PartFailure("corrupt", "embedded message without its storage");
    if (depth + 1 > MAX_NESTING_DEPTH) {
      item.unscanned.push({ part: label, reason: "limit", detail: "nested deeper than " + MAX_NESTING_DEPTH + " containers" });
      return;
    }
    const nested = readMsgItem(ctx, cfb, inner, depth + 1, hooks);
    for (let i = 0; i < nested.unscanned.length; i++) {
      const u = nested.unscanned[i] as MailItem["unscanned"][number];
      item.unscanned.push(u.detail ? { part: joinPart(label, u.part), reason: u.reason, detail: u.detail } : { part: joinPart(label, u.part), reason: u.reason });
    }
    nested.unscanned = [];
    item.attachments.push({ name: label, bytes: hooks.render(nested), mimeType: "message/rfc822", inline: false, isMessage: true });
    return;
  }
  if (method === AF_STORAGE) {
    const ole = a.objectStorage(P.attachData);
    const label = name || "object-" + n;
    if (!ole) throw new PartFailure("corrupt", "OLE attachment without its storage");
    let texts: { part: string; text: string }[] | null;
    try {
      texts = hooks.oleText(ole);
    } catch (e) {
      if (!(e instanceof PartFailure)) throw e;
      item.unscanned.push({ part: label, reason: e.reason, detail: e.detail });
      return;
    }
    if (!texts) throw new PartFailure("unsupported", "embedded OLE object of unknown kind");
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i] as { part: string; text: string };
      item.texts.push({ part: joinPart(label, t.part), text: t.text });
    }
    return;
  }
  if (method === AF_BY_WEB_REFERENCE) {
    // The file is in the cloud: its link is text (the engine's linked-file signal names its host); no link, unscanned.
    const url = a.str(P.attachLongPathname) || "";
    if (/^https?:\/\/\S+$/i.test(url)) {
      item.texts.push({ part: (name || "attachment-" + n) + "!link", text: url });
      return;
    }
  }
  if (method !== undefined && method !== AF_BY_VALUE && method !== 0) {
    item.unscanned.push({ part: name || "attachment-" + n, reason: "unsupported", detail: "attachment by reference (link only)" });
    return;
  }
  const bytes = a.bin(P.attachData);
  if (!bytes) return; // method 0 / no data: nothing attached
  if (!name) name = "attachment-" + n + (a.str(P.attachExtension) || "");
  if (clearSigned && (mimeType === "multipart/signed" || /^smime\.p7m$/i.test(name))) {
    // IPM.Note.SMIME.MultipartSigned: the whole signed MIME entity is this attachment.
    const signed = hooks.readMime(bytes);
    mergeSigned(item, signed);
    return;
  }
  const att: MailAttachment = { name, bytes, mimeType: mimeType || "application/octet-stream", inline, isMessage: mimeType === "message/rfc822" };
  item.attachments.push(att);
}

function mergeSigned(item: MailItem, signed: MailItem): void {
  if (!item.body && signed.body) item.body = signed.body;
  for (let i = 0; i < signed.texts.length; i++) item.texts.push(signed.texts[i] as MailItem["texts"][number]);
  for (let i = 0; i < signed.attachments.length; i++) item.attachments.push(signed.attachments[i] as MailAttachment);
  for (let i = 0; i < signed.unscanned.length; i++) item.unscanned.push(signed.unscanned[i] as MailItem["unscanned"][number]);
}
