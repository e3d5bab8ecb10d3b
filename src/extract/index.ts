/**
 * Public entry of text extraction: bytes → text, for the send handler, the task pane, the CLI and the playground.
 * Pure (no Office, DOM or Node), synchronous, and never throws: every failure becomes an `unscanned` entry with a reason
 * (encrypted | too-large | unsupported | corrupt | limit | timeout). The format is detected from the content first
 * (zip, CFB, %PDF, MIME headers, BOM/UTF-16, HTML) and from the extension only for text flavours. Limits: limits.ts.
 */
import { cfbKind, isCfb, readCfb } from "./cfb";
import { Context, contextFor, joinPart, PartFailure, Stop } from "./context";
import { htmlToText, looksLikeHtml } from "./html";
import { legacyOfficeText } from "./legacy";
import { DEFAULT_TIME_BUDGET_MS, MAX_ATTACHMENT_BYTES, MAX_NESTING_DEPTH } from "./limits";
import { extractMail, mailItemOf, readMime } from "./mail";
import { looksLikeMessage } from "./mime";
import { extractPackage, packageKind } from "./ooxml";
import { extractPdf, isPdf } from "./pdf";
import { decodeText, decodeXml, guessUtf16, isValidUtf8, latin1 } from "./text-decode";
import type { ExtractResult } from "./types";
import { hasEntityDeclarations, walkXml } from "./xml";
import { isZip, readZipDirectory, readZipEntry, ZipEntry } from "./zip";

export * from "./types";
export * from "./mail-types";
export { decodeBase64, decodeBase64Bytes } from "./base64";
export { decodeText, decodeUtf8 } from "./text-decode";
export { htmlToText } from "./html";
export { readMail, isMailFile, isMailFileNamed, mailBodyText, headersText, formatAddress, type ReadMailOptions } from "./mail";

export interface ExtractOptions {
  /** Absolute deadline in ms, compared with `now()`. Default: now() + DEFAULT_TIME_BUDGET_MS. */
  deadline?: number;
  now?: () => number;
}

export type DetectedFormat = "zip" | "cfb" | "pdf" | "eml" | "html" | "xml" | "text" | "binary";

/** Format from content (and, for text flavours, the extension). */
export function detectFormat(fileName: string, bytes: Uint8Array): DetectedFormat {
  if (isZip(bytes)) return "zip";
  if (isCfb(bytes)) return "cfb";
  const head = headText(bytes);
  // %PDF- at the start; elsewhere in the first KB (allowed by the spec) only if the file is not text, so a note that
  // quotes "%PDF-1.7" is still read as text.
  if (bytes.length >= 5 && isPdf(bytes) && (head === null || /^%PDF-/.test(head))) return "pdf";
  const ext = extension(fileName);
  if (head === null) return "binary";
  if (ext === "eml" || ext === "mht" || ext === "mhtml" || looksLikeMessage(head)) return looksLikeMessage(head) || ext === "eml" ? "eml" : "text";
  if (ext === "html" || ext === "htm" || looksLikeHtml(head)) return "html";
  if (ext === "xml" || /^\s*<\?xml\b/.test(head)) return "xml";
  return "text";
}

function extension(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? (m[1] as string).toLowerCase() : "";
}

/** The first 4 KB as text, or null when the bytes look binary (NULs not explained by UTF-16, many control bytes). */
function headText(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096);
  const head = b.subarray(0, n);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || guessUtf16(head) !== null) {
    return decodeText(head);
  }
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i] as number;
    if (c === 0) return null;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  if (control > n * 0.05) return null;
  if (!isValidUtf8(head, n) && control > 0) return null;
  return latin1(head);
}

/** Extracts the text of one file. Never throws. */
export function extractText(fileName: string, bytes: Uint8Array, options: ExtractOptions = {}): ExtractResult {
  const ctx = contextFor(options, DEFAULT_TIME_BUDGET_MS);
  try {
    extractInto(ctx, fileName, bytes, "", 0);
  } catch (e) {
    if (e instanceof Stop || e instanceof PartFailure) ctx.refuse(fileName, e.reason, e.detail);
    else ctx.refuse(fileName, "corrupt", "unexpected: " + describe(e));
  }
  return { text: ctx.texts.join("\n\n"), parts: ctx.parts, unscanned: ctx.unscanned };
}

function describe(e: unknown): string {
  try {
    return e instanceof Error ? e.name + ": " + e.message : String(e);
  } catch (_x) {
    return "error";
  }
}

/**
 * Extracts one file (top level or nested) into ctx. `prefix` names its container ("" at the top level, where the inner
 * part names are used as they are). PartFailure is recorded for this file and swallowed; Stop propagates.
 */
function extractInto(ctx: Context, fileName: string, bytes: Uint8Array, prefix: string, depth: number): void {
  const self = prefix ? joinPart(prefix, fileName) : fileName;
  try {
    ctx.checkTime();
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new PartFailure("too-large", bytes.length + " bytes (limit " + MAX_ATTACHMENT_BYTES + ")");
    const format = detectFormat(fileName, bytes);
    if (depth > MAX_NESTING_DEPTH && (format === "zip" || format === "eml" || format === "cfb")) {
      throw new PartFailure("limit", "nested deeper than " + MAX_NESTING_DEPTH + " containers");
    }
    switch (format) {
      case "zip":
        return extractZip(ctx, fileName, bytes, prefix, depth);
      case "cfb":
        return extractCfb(ctx, fileName, bytes, prefix, depth);
      case "pdf": {
        const { pages, unreadable } = extractPdf(ctx, bytes);
        for (let i = 0; i < pages.length; i++) ctx.addText(joinPart(prefix, "page" + (i + 1)), pages[i] as string);
        if (!pages.length) throw new PartFailure("unsupported", "no pages with readable content");
        if (unreadable) ctx.refuse(self, "unsupported", unreadable + " content stream(s) use an unsupported filter");
        if (!/\S/.test(pages.join(""))) ctx.refuse(self, "unsupported", "no text layer (scanned images?)");
        return;
      }
      case "eml":
        return extractMail(ctx, readMime(ctx, bytes), self, (a) => extractInto(ctx, a.name, a.bytes, self, depth + 1));
      case "html":
        return ctx.addText(self, htmlToText(decodeText(bytes)));
      case "xml": {
        const xml = decodeText(bytes);
        if (hasEntityDeclarations(xml)) ctx.refuse(self, "limit", "DTD entity declarations are not expanded");
        return ctx.addText(self, walkXml(ctx, xml, { newline: {}, tab: {} }).replace(/\n{3,}/g, "\n\n"));
      }
      case "text":
        return ctx.addText(self, textOf(fileName, bytes));
      default:
        throw new PartFailure("unsupported", "binary file of unknown format");
    }
  } catch (e) {
    if (e instanceof PartFailure) ctx.refuse(self, e.reason, e.detail);
    else throw e;
  }
}

function textOf(fileName: string, bytes: Uint8Array): string {
  const text = decodeText(bytes);
  const ext = extension(fileName);
  if (ext === "json") return text.indexOf("\\u") >= 0 ? text.replace(/\\u([0-9a-fA-F]{4})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))) : text;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A compound file: an Outlook message (through the one mail path), a legacy Office document, or encrypted OOXML. */
function extractCfb(ctx: Context, fileName: string, bytes: Uint8Array, prefix: string, depth: number): void {
  const self = prefix ? joinPart(prefix, fileName) : fileName;
  const inner = prefix ? self : "";
  const cfb = readCfb(ctx, bytes);
  const kind = cfbKind(cfb.children(cfb.root).map((e) => e.name));
  if (kind === "outlook-msg") {
    return extractMail(ctx, mailItemOf(ctx, bytes, depth), self, (a) => extractInto(ctx, a.name, a.bytes, self, depth + 1));
  }
  const texts = legacyOfficeText(ctx, cfb, cfb.root);
  if (!texts) throw new PartFailure("unsupported", "compound file (OLE2) of unknown kind");
  for (let i = 0; i < texts.length; i++) ctx.addText(joinPart(inner, (texts[i] as { part: string }).part), (texts[i] as { text: string }).text);
}

function extractZip(ctx: Context, fileName: string, bytes: Uint8Array, prefix: string, depth: number): void {
  const self = prefix ? joinPart(prefix, fileName) : fileName;
  const inner = prefix ? self : "";
  const entries = readZipDirectory(ctx, bytes);
  const byName: { [name: string]: ZipEntry } = {};
  const names: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ZipEntry;
    byName[e.name] = e;
    names.push(e.name);
  }
  const readBytes = (name: string): Uint8Array | null => {
    const e = byName[name];
    if (!e) return null;
    try {
      return readZipEntry(ctx, bytes, e);
    } catch (err) {
      if (err instanceof PartFailure) {
        ctx.refuse(joinPart(inner, name), err.reason, err.detail);
        return null;
      }
      throw err;
    }
  };
  const kind = packageKind(
    names,
    () => {
      const b = readBytes("mimetype");
      return b ? latin1(b, 0, Math.min(b.length, 200)) : "";
    },
    () => {
      const b = readBytes("_rels/.rels");
      return b ? decodeXml(b) : null;
    },
  );
  if (kind) {
    const readPart = (name: string): string | null => {
      const b = readBytes(name);
      if (!b) return null;
      const xml = decodeXml(b);
      if (hasEntityDeclarations(xml)) ctx.refuse(joinPart(inner, name), "limit", "DTD entity declarations are not expanded");
      return xml;
    };
    let any = false;
    extractPackage(ctx, kind, names, readPart, (p) => {
      any = true;
      ctx.addText(joinPart(inner, p.part), p.text);
    });
    if (!any && !ctx.unscanned.length) throw new PartFailure("corrupt", "office package without readable parts");
    return;
  }
  // A plain archive: every file, recursively.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ZipEntry;
    if (e.name.charAt(e.name.length - 1) === "/") continue;
    ctx.checkTime();
    const b = readBytes(e.name);
    if (b) extractInto(ctx, e.name, b, self, depth + 1);
  }
}

