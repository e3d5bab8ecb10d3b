/**
 * HTML → text: drops script/style/comments and tags, turns block elements into line breaks and decodes entities
 * (XML's five, numeric, and HTML's Latin-1 and common typographic names). Regex based: no DOM in the JavaScript-only
 * runtime, and DLP needs the words, not the layout. Link targets (href) and image alt text are kept, as they can carry
 * data (mailto: lists, ids in URLs).
 */
import { decodeEntities } from "./xml";

const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para " +
  "middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute " +
  "Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute " +
  "THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde " +
  "ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

const HTML_ENTITIES: { [name: string]: string } = (function () {
  const t: { [name: string]: string } = {};
  const names = LATIN1.split(" ");
  for (let i = 0; i < names.length; i++) t[names[i] as string] = String.fromCharCode(160 + i);
  const more: [string, number][] = [
    ["euro", 0x20ac], ["ndash", 0x2013], ["mdash", 0x2014], ["lsquo", 0x2018], ["rsquo", 0x2019], ["sbquo", 0x201a],
    ["ldquo", 0x201c], ["rdquo", 0x201d], ["bdquo", 0x201e], ["hellip", 0x2026], ["bull", 0x2022], ["trade", 0x2122],
    ["dagger", 0x2020], ["permil", 0x2030], ["lsaquo", 0x2039], ["rsaquo", 0x203a], ["Scaron", 0x160], ["scaron", 0x161],
    ["Zcaron", 0x17d], ["zcaron", 0x17e], ["OElig", 0x152], ["oelig", 0x153], ["ensp", 0x2002], ["emsp", 0x2003],
    ["thinsp", 0x2009], ["zwnj", 0x200c], ["zwj", 0x200d], ["minus", 0x2212],
  ];
  for (let i = 0; i < more.length; i++) t[(more[i] as [string, number])[0]] = String.fromCharCode((more[i] as [string, number])[1]);
  return t;
})();

const BLOCK = /^(p|div|br|li|tr|h[1-6]|table|ul|ol|blockquote|pre|hr|section|article|header|footer|title|dd|dt)$/i;

export function htmlToText(html: string): string {
  let s = dropElements(html);
  // [^<>]* (not [^>]*): an unclosed "<a" then stops at the next "<", so hostile input stays linear.
  s = s.replace(/<\/?([A-Za-z][A-Za-z0-9]*)\b([^<>]*)>/g, (_m: string, name: string, attrs: string) => {
    let keep = "";
    const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
    if (href) keep += " " + (href[2] !== undefined ? href[2] : href[3]) + " ";
    const alt = /\balt\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
    if (alt) keep += " " + (alt[2] !== undefined ? alt[2] : alt[3]) + " ";
    if (/^t[dh]$/i.test(name)) return "\t" + keep;
    return (BLOCK.test(name) ? "\n" : "") + keep;
  });
  s = s.replace(/<![^<>]*>/g, " ");
  s = decodeEntities(s, HTML_ENTITIES);
  return s
    .replace(/\u00a0/g, " ")
    .replace(/[ \t\r\f\v]*\n[ \t\r\f\v]*/g, "\n")
    .replace(/[ \f\v\r]{2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Most link targets taken from one HTML text (a newsletter has hundreds; more is not a mail anyone writes). */
export const MAX_HREFS = 10000;

/**
 * The link targets (`href` values) of an HTML text, entity-decoded, in order, at most MAX_HREFS. Each value is read up
 * to 4,096 characters, so an unclosed quote costs at most that much per attribute (linear in the text).
 */
export function htmlHrefs(html: string): string[] {
  const out: string[] = [];
  const re = /\bhref\s*=\s*(?:"([^"]{0,4096})"|'([^']{0,4096})'|([^\s"'<>]{1,4096}))/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null && out.length < MAX_HREFS) {
    const v = m[1] !== undefined ? m[1] : m[2] !== undefined ? m[2] : (m[3] as string);
    if (v) out.push(decodeEntities(v, HTML_ENTITIES));
  }
  return out;
}

const OPENERS = ["<!--", "<script", "<style"];
const CLOSERS = ["--", "</script", "</style"];

/** Removes <script> and <style> elements with a linear indexOf walk (a lazy regex would be quadratic when unclosed). */
function dropElements(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let pos = 0;
  const next = [-2, -2, -2];
  for (;;) {
    let start = -1;
    let close = "";
    for (let k = 0; k < OPENERS.length; k++) {
      let i = next[k] as number;
      if (i !== -1 && i < pos) next[k] = i = lower.indexOf(OPENERS[k] as string, pos);
      if (i >= 0 && (start < 0 || i < start)) {
        start = i;
        close = CLOSERS[k] as string;
      }
    }
    if (start < 0) break;
    const end = lower.indexOf(close, start + 4);
    out.push(html.slice(pos, start), " ");
    if (end < 0) return out.join("");
    const gt = lower.indexOf(">", end);
    pos = gt < 0 ? html.length : gt + 1;
  }
  out.push(html.slice(pos));
  return out.join("");
}

/** Cheap sniff: does this text look like an HTML document or fragment? */
export function looksLikeHtml(head: string): boolean {
  return /^\s*(<!doctype html|<html\b|<head\b|<body\b|<meta\b|<div\b|<p\b|<table\b)/i.test(head);
}
