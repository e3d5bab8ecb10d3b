/**
 * Just enough XML for text extraction: a forward scanner over the string (indexOf, no DOM: DOMParser is absent in the
 * JavaScript-only runtime and would build a tree we do not need), entity decoding, and DTD handling. Entities declared in
 * a DTD are never expanded (billion laughs); their presence is reported by `hasEntityDeclarations` so the caller can list
 * a `limit` refusal.
 */
import { Context } from "./context";

const NAMED: { [name: string]: string } = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function fromCodePoint(cp: number): string {
  if (!(cp >= 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return "\ufffd";
  if (cp < 0x10000) return String.fromCharCode(cp);
  cp -= 0x10000;
  return String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
}

/** Decodes the five XML entities and numeric references; `extra` adds named ones (HTML). Unknown names stay as written. */
export function decodeEntities(s: string, extra?: { [name: string]: string }): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[A-Za-z][A-Za-z0-9]{0,31});/g, (m: string, body: string) => {
    if (body.charAt(0) === "#") {
      const hex = body.charAt(1) === "x" || body.charAt(1) === "X";
      return fromCodePoint(parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    const v = NAMED[body];
    if (v !== undefined) return v;
    if (extra) {
      const w = extra[body] !== undefined ? extra[body] : extra[body.toLowerCase()];
      if (w !== undefined) return w;
    }
    return m;
  });
}

/**
 * True when the document's DTD declares entities (we never expand them). A DOCTYPE can only stand in the prolog, before
 * the root element, so only the start of the document is searched (not 30 MB of sheet XML).
 */
export function hasEntityDeclarations(xml: string): boolean {
  const prolog = xml.length > 65536 ? xml.slice(0, 65536) : xml;
  const d = prolog.indexOf("<!DOCTYPE");
  return d >= 0 && xml.indexOf("<!ENTITY", d) >= 0;
}

export interface WalkRules {
  /** Local names whose character data is text (OOXML). When absent, all character data is text (ODF). */
  text?: { [local: string]: true };
  /** Local names whose END (or empty element) ends a line. */
  newline: { [local: string]: true };
  /** Local names (empty or start) that stand for a tab. */
  tab: { [local: string]: true };
  /** Local names whose content is skipped entirely (e.g. mc:Fallback duplicates). */
  skip?: { [local: string]: true };
  /** Called on start tags; may return text to emit and/or true to skip the element's content. */
  onStart?: (local: string, tag: string) => { emit?: string; skipContent?: boolean } | undefined;
  /** True when onStart reads its `tag` argument (the start tag's text); otherwise "" is passed and no substring is made. */
  startTags?: boolean;
  /** Called on end tags (and empty elements); a returned string replaces the newline rule for that element. */
  onEnd?: (local: string) => string | undefined;
}

const TEXT = 1;
const NEWLINE = 2;
const TAB = 4;
const SKIP = 8;

/**
 * Walks an XML string, returning its text per the rules. Checks the clock every ~256 tags. The rules for each local name
 * are looked up once and kept as bit flags in a Map (documents use a few dozen names, hundreds of thousands of times).
 */
export function walkXml(ctx: Context, xml: string, rules: WalkRules): string {
  const out: string[] = [];
  const flagsOf = new Map<string, number>();
  const allText = !rules.text;
  let pos = 0;
  let textDepth = 0;
  let skipDepth = 0;
  let skipName = "";
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    const stop = lt < 0 ? n : lt;
    if (stop > pos && skipDepth === 0 && (allText || textDepth > 0)) out.push(decodeEntities(xml.slice(pos, stop)));
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      pos = e < 0 ? n : e + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        pos = e < 0 ? n : e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const e = xml.indexOf("]]>", lt + 9);
        const end = e < 0 ? n : e;
        if (skipDepth === 0 && (allText || textDepth > 0)) out.push(xml.slice(lt + 9, end));
        pos = e < 0 ? n : e + 3;
      } else {
        // DOCTYPE (possibly with an internal subset in [...]) or another declaration: skipped, never expanded.
        const bracket = xml.indexOf("[", lt);
        const gt = xml.indexOf(">", lt);
        if (bracket >= 0 && gt >= 0 && bracket < gt) {
          const close = xml.indexOf("]>", bracket);
          pos = close < 0 ? n : close + 2;
        } else pos = gt < 0 ? n : gt + 1;
      }
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) break;
    pos = gt + 1;
    const closing = c === 47; /* / */
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const nameStart = lt + (closing ? 2 : 1);
    let nameEnd = nameStart;
    let localStart = nameStart;
    while (nameEnd < gt) {
      const k = xml.charCodeAt(nameEnd);
      if (k === 32 || k === 47 || k === 9 || k === 10 || k === 13) break;
      if (k === 58 /* : */) localStart = nameEnd + 1;
      nameEnd++;
    }
    ctx.tick(256);
    if (skipDepth > 0) {
      if (nameEnd - nameStart === skipName.length && xml.startsWith(skipName, nameStart)) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
      }
      continue;
    }
    const local = xml.slice(localStart, nameEnd);
    let f = flagsOf.get(local);
    if (f === undefined) {
      f = (rules.text && rules.text[local] ? TEXT : 0) | (rules.newline[local] ? NEWLINE : 0) | (rules.tab[local] ? TAB : 0) | (rules.skip && rules.skip[local] ? SKIP : 0);
      flagsOf.set(local, f);
    }
    if (closing) {
      if (f & TEXT && textDepth > 0) textDepth--;
      const r = rules.onEnd ? rules.onEnd(local) : undefined;
      if (r !== undefined) out.push(r);
      else if (f & NEWLINE) out.push("\n");
      continue;
    }
    if (f & SKIP && !selfClosing) {
      skipDepth = 1;
      skipName = xml.slice(nameStart, nameEnd);
      continue;
    }
    if (f & TAB) out.push("\t");
    if (rules.onStart) {
      const r = rules.onStart(local, rules.startTags ? xml.slice(lt, gt + 1) : "");
      if (r) {
        if (r.emit) out.push(r.emit);
        if (r.skipContent && !selfClosing) {
          skipDepth = 1;
          skipName = xml.slice(nameStart, nameEnd);
          if (f & NEWLINE) out.push("\n");
          continue;
        }
      }
    }
    if (selfClosing) {
      if (f & NEWLINE) out.push("\n");
      continue;
    }
    if (f & TEXT) textDepth++;
  }
  return out.join("");
}

/** Value of an attribute in a start tag string (by local name), entity-decoded; undefined when absent. */
const attrRes: { [local: string]: RegExp } = {};
export function attr(tag: string, local: string): string | undefined {
  const re = attrRes[local] || (attrRes[local] = new RegExp("[\\s:]" + local + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')"));
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeEntities(m[2] !== undefined ? m[2] : (m[3] as string));
}
