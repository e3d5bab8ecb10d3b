/**
 * A synchronous MIME walker for .eml / message/rfc822: headers (RFC 2047 encoded words), multipart boundaries,
 * base64 / quoted-printable, charsets (RFC 2231 parameters), nested messages and attachments.
 * The one MIME parser of the project (mail.ts builds MailItems on it; the measurement against postal-mime is in mail.ts):
 * synchronous, so extractText can run it within a deadline, with the limits (depth, part count, clock) checked between
 * parts. S/MIME envelopes (application/pkcs7-mime) are reported `encrypted`; detached signatures are skipped.
 */
import { decodeBase64 } from "./base64";
import { Context, PartFailure } from "./context";
import { htmlToText } from "./html";
import { MAX_MIME_PARTS } from "./limits";
import { decodeText, latin1 } from "./text-decode";

export interface MimeHeaders {
  [lowerName: string]: string;
}

export interface MimeAttachment {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  isMessage: boolean;
  inline: boolean;
}

export interface MimeSink {
  /** Header fields of the message itself (the top-level entity). */
  headers(headers: MimeHeaders): void;
  /** A body part as text ("text/plain", "text/html" as text, …). */
  text(part: string, text: string): void;
  /** An attachment or attached message. */
  attachment(a: MimeAttachment): void;
  /** A part that cannot be read (S/MIME envelopes). */
  refuse(part: string, reason: "encrypted" | "limit", detail: string): void;
}

const KNOWN = /^(from|to|cc|bcc|subject|date|mime-version|received|message-id|content-type|return-path|reply-to|x-[\w-]+|delivered-to|sender|thread-topic|thread-index|in-reply-to|references|dkim-signature|authentication-results)$/i;

/** Content sniff: the first lines are RFC 5322 header fields, at least two of them well-known. */
export function looksLikeMessage(head: string): boolean {
  const end = head.search(/\r?\n\r?\n/);
  const block = end < 0 ? head : head.slice(0, end);
  const lines = block.split(/\r?\n/);
  if (!/^[!-9;-~]+:/.test(lines[0] || "")) return false;
  let known = 0;
  for (let i = 0; i < lines.length && i < 200; i++) {
    const line = lines[i] as string;
    if (/^[ \t]/.test(line)) continue;
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) return false;
    if (KNOWN.test(m[1] as string)) known++;
  }
  return known >= 2;
}

function splitHead(s: string, start: number, end: number): { headers: MimeHeaders; bodyStart: number } {
  const sep = s.indexOf("\n\n", start);
  const sep2 = s.indexOf("\r\n\r\n", start);
  let bodyStart = end;
  let headEnd = end;
  if (sep2 >= 0 && sep2 < end && (sep < 0 || sep2 <= sep)) {
    headEnd = sep2;
    bodyStart = sep2 + 4;
  } else if (sep >= 0 && sep < end) {
    headEnd = sep;
    bodyStart = sep + 2;
  }
  // A part that starts with a blank line has no headers.
  if (s.charAt(start) === "\n") {
    headEnd = start;
    bodyStart = start + 1;
  } else if (s.charAt(start) === "\r" && s.charAt(start + 1) === "\n") {
    headEnd = start;
    bodyStart = start + 2;
  }
  const headers: MimeHeaders = {};
  const raw = s.slice(start, headEnd).replace(/\r?\n[ \t]+/g, " ");
  const lines = raw.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const c = line.indexOf(":");
    if (c <= 0) continue;
    const name = line.slice(0, c).replace(/\s+$/, "").toLowerCase();
    const value = line.slice(c + 1).trim();
    headers[name] = headers[name] !== undefined && name !== "content-type" ? headers[name] + ", " + value : headers[name] || value;
  }
  return { headers, bodyStart };
}

/** Latin-1 string (one char per byte) → bytes. */
function toBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255;
  return b;
}

export function decodeQuotedPrintable(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      const h = s.substr(i + 1, 2);
      if (/^[0-9A-Fa-f]{2}$/.test(h)) {
        out[o++] = parseInt(h, 16);
        i += 2;
        continue;
      }
      // Soft line break "=\r\n" / "=\n".
      if (s.charAt(i + 1) === "\r" && s.charAt(i + 2) === "\n") {
        i += 2;
        continue;
      }
      if (s.charAt(i + 1) === "\n") {
        i += 1;
        continue;
      }
    }
    out[o++] = c & 255;
  }
  return out.subarray(0, o);
}

/** RFC 2047 encoded words in a header value (whitespace between adjacent encoded words is dropped). */
export function decodeHeader(value: string): string {
  if (value.indexOf("=?") < 0) return bytesOfLatin1Utf8(value);
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?\s]+)\?([BbQq])\?([^?]*)\?=/g, (_m: string, charset: string, enc: string, data: string) => {
      const cs = charset.replace(/\*.*$/, "");
      const bytes = enc === "B" || enc === "b" ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, " "));
      return decodeText(bytes, cs);
    });
}

/** Raw 8-bit header bytes (read as Latin-1) are most often UTF-8 today: re-decode them when they form valid UTF-8. */
function bytesOfLatin1Utf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value)) return value;
  return decodeText(toBytes(value));
}

/** Parameters of a structured header (Content-Type, Content-Disposition), RFC 2231 continuations and charsets included. */
export function headerParams(value: string): { value: string; params: { [name: string]: string } } {
  const semi = value.indexOf(";");
  const main = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params: { [name: string]: string } = {};
  const cont: { [name: string]: { [n: number]: string; charset?: string } } = {};
  const re = /;\s*([^=\s;]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    const key = (m[1] as string).toLowerCase();
    const v = m[3] !== undefined ? (m[3] as string).replace(/\\(.)/g, "$1") : (m[2] as string).replace(/\s+$/, "");
    const k = /^([^*]+)\*(\d+)?(\*)?$/.exec(key);
    if (!k) {
      params[key] = v;
      continue;
    }
    const base = k[1] as string;
    const idx = k[2] ? parseInt(k[2], 10) : 0;
    const slot = cont[base] || (cont[base] = {});
    let piece = v;
    if (k[3] || (!k[2] && key.charAt(key.length - 1) === "*")) {
      const q = /^([^']*)'[^']*'([\s\S]*)$/.exec(v);
      if (q && idx === 0) {
        slot.charset = q[1];
        piece = q[2] as string;
      }
      piece = piece.replace(/%([0-9A-Fa-f]{2})/g, (_x: string, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    slot[idx] = piece;
  }
  for (const base in cont) {
    const slot = cont[base] as { [n: number]: string; charset?: string };
    let joined = "";
    for (let i = 0; slot[i] !== undefined && i < 1000; i++) joined += slot[i];
    params[base] = slot.charset ? decodeText(toBytes(joined), slot.charset) : decodeHeader(joined);
  }
  for (const key in params) if (cont[key] === undefined) params[key] = decodeHeader(params[key] as string);
  return { value: main, params };
}

/** Walks one message (the whole file, or an attached message/rfc822). */
export function walkMessage(ctx: Context, bytes: Uint8Array, sink: MimeSink): void {
  const s = latin1(bytes);
  const counter = { parts: 0, attachments: 0 };
  walkEntity(ctx, s, 0, s.length, sink, counter, true, "", 0);
}

/** Multiparts nested inside one message (each level is a stack frame; real mail uses 3–4). */
const MAX_MULTIPART_DEPTH = 50;

function walkEntity(
  ctx: Context,
  s: string,
  start: number,
  end: number,
  sink: MimeSink,
  counter: { parts: number; attachments: number },
  top: boolean,
  inheritedType: string,
  level: number,
): void {
  if (level > MAX_MULTIPART_DEPTH) throw new PartFailure("limit", "multiparts nested deeper than " + MAX_MULTIPART_DEPTH);
  if (++counter.parts > MAX_MIME_PARTS) throw new PartFailure("limit", "more than " + MAX_MIME_PARTS + " MIME parts");
  ctx.checkTime();
  const { headers, bodyStart } = splitHead(s, start, end);
  if (top) sink.headers(headers);
  const ct = headerParams(headers["content-type"] || inheritedType || "text/plain");
  const type = ct.value || "text/plain";
  const disp = headerParams(headers["content-disposition"] || "");
  const cte = (headers["content-transfer-encoding"] || "").toLowerCase().trim();
  const name = disp.params["filename"] || ct.params["name"] || "";

  if (type.indexOf("multipart/") === 0) {
    const boundary = ct.params["boundary"];
    if (!boundary) throw new PartFailure("corrupt", "multipart without boundary");
    const delim = "--" + boundary;
    const childType = type === "multipart/digest" ? "message/rfc822" : "text/plain";
    let p = s.indexOf(delim, bodyStart);
    while (p >= 0 && p < end) {
      // The delimiter must start a line.
      if (p > bodyStart && s.charAt(p - 1) !== "\n") {
        p = s.indexOf(delim, p + delim.length);
        continue;
      }
      let after = p + delim.length;
      if (s.substr(after, 2) === "--") return;
      const eol = s.indexOf("\n", after);
      if (eol < 0 || eol >= end) return;
      after = eol + 1;
      let q = s.indexOf(delim, after);
      while (q >= 0 && q < end && s.charAt(q - 1) !== "\n") q = s.indexOf(delim, q + delim.length);
      const partEnd = q < 0 || q > end ? end : q;
      // Strip the CRLF that belongs to the next delimiter.
      let bodyEnd = partEnd;
      if (s.charAt(bodyEnd - 1) === "\n") bodyEnd--;
      if (s.charAt(bodyEnd - 1) === "\r") bodyEnd--;
      walkEntity(ctx, s, after, Math.max(after, bodyEnd), sink, counter, false, childType, level + 1);
      if (q < 0 || q >= end) return;
      p = q;
    }
    return;
  }

  const raw = s.slice(bodyStart, end);
  const body = cte === "base64" ? decodeBase64(raw) : cte === "quoted-printable" ? decodeQuotedPrintable(raw) : toBytes(raw);

  if (type === "message/rfc822" || type === "message/global") {
    counter.attachments++;
    sink.attachment({ name: name || "message-" + counter.attachments + ".eml", bytes: body, contentType: type, isMessage: true, inline: false });
    return;
  }
  // S/MIME: an enveloped (encrypted) or opaque-signed body cannot be read; a detached signature holds no content.
  if (/^application\/(x-)?pkcs7-mime$/.test(type)) {
    sink.refuse(name || "smime.p7m", "encrypted", "S/MIME encrypted or opaque-signed content");
    return;
  }
  if (/^application\/(x-)?pkcs7-signature$/.test(type)) return;
  const isAttachment = disp.value === "attachment" || type.indexOf("text/") !== 0;
  if (!isAttachment) {
    const text = decodeText(body, ct.params["charset"]);
    sink.text(type, type === "text/html" ? htmlToText(text) : text);
    return;
  }
  counter.attachments++;
  const inline = disp.value === "inline" || (!disp.value && !!headers["content-id"]);
  sink.attachment({ name: name || "attachment-" + counter.attachments, bytes: body, contentType: type, isMessage: false, inline });
}
