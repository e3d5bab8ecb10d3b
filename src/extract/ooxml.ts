/**
 * Office Open XML (docx, pptx; xlsx in xlsx.ts) and OpenDocument (odt, ods, odp): which parts hold text, in which order,
 * and the XML walking rules for each. Parts are read through a callback so this module stays free of zip details.
 */
import { Context } from "./context";
import { attr, walkXml, WalkRules } from "./xml";
import { expandExponent, parseSharedStrings, sheetText } from "./xlsx";

export type PackageKind = "docx" | "xlsx" | "pptx" | "odf";

/** Reads an inner part as a string, or returns null after recording why it could not be read. */
export type ReadPart = (name: string) => string | null;

const set = (...names: string[]) => {
  const o: { [k: string]: true } = {};
  for (let i = 0; i < names.length; i++) o[names[i] as string] = true;
  return o;
};

/**
 * Table layout shared by WordprocessingML and DrawingML: a row is one line, its cells separated by tabs, and
 * paragraphs inside a cell joined by spaces (so a table of names and e-mails reads like a sheet).
 */
function tableRules(rules: WalkRules): WalkRules {
  let cellDepth = 0;
  rules.onStart = (local) => {
    if (local === "tc") cellDepth++;
    return undefined;
  };
  rules.onEnd = (local) => {
    if (local === "tc") {
      if (cellDepth > 0) cellDepth--;
      return "\t";
    }
    if (local === "p" && cellDepth > 0) return " ";
    return undefined;
  };
  return rules;
}

/** WordprocessingML: w:t (and deleted text, still in the file), tabs, breaks, paragraphs; mc:Fallback duplicates text boxes. */
export const docxRules = (): WalkRules =>
  tableRules({ text: set("t", "delText"), newline: set("p", "br", "cr", "tr"), tab: set("tab"), skip: set("Fallback", "instrText") });

/** DrawingML (slides, notes, charts, SmartArt): a:t runs, a:p paragraphs, a:br breaks, table cells. */
export const drawingmlRules = (): WalkRules => tableRules({ text: set("t"), newline: set("p", "br", "tr"), tab: {}, skip: set("Fallback") });

/** SpreadsheetML comments and similar parts with <t> runs. */
const SML_TEXT_RULES: WalkRules = { text: set("t"), newline: set("si", "comment", "text"), tab: {}, skip: set("rPh") };

/** Core document properties: title, subject, author, keywords, description. */
const CORE_FIELDS = set("title", "subject", "creator", "keywords", "description", "lastModifiedBy", "category");
const CORE_RULES: WalkRules = { text: CORE_FIELDS, newline: CORE_FIELDS, tab: {} };

export interface PackageInfo {
  kind: PackageKind;
  /** The main part: word/document.xml, xl/workbook.xml, ppt/presentation.xml (or what the package relationships say). */
  main: string;
  /** ODF text documents only: their headers and footers (in styles.xml) are read too. */
  odfText?: boolean;
}

/** Parts of a WordprocessingML package that are never the main part (used only when _rels/.rels is missing). */
const WORD_AUX = /^word\/(styles|settings|webSettings|fontTable|numbering|footnotes|endnotes|comments\w*|header\d*|footer\d*|people|glossary\w*|stylesWithEffects)\.xml$/;

/**
 * Detects the package kind: ODF by its mimetype entry; OOXML by the main part that the package relationships
 * (_rels/.rels, relationship type …/officeDocument) point to, which is how Office itself finds it (the main part is not
 * always word/document.xml); without relationships, by the folder the parts are in.
 */
export function packageKind(names: string[], readMime: () => string, readRels: () => string | null): PackageInfo | null {
  const has: { [k: string]: true } = {};
  for (let i = 0; i < names.length; i++) has[names[i] as string] = true;
  if (has["mimetype"] && has["content.xml"]) {
    const mime = readMime();
    if (/^application\/vnd\.oasis\.open/.test(mime)) return { kind: "odf", main: "content.xml", odfText: /\.text/.test(mime) };
  }
  let main = "";
  if (has["_rels/.rels"]) {
    const rels = readRels() || "";
    const re = /<(?:\w+:)?Relationship\b[^>]*>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rels))) {
      if (!/Type\s*=\s*"[^"]*\/officeDocument"/.test(m[0])) continue;
      const t = /Target\s*=\s*"([^"]*)"/.exec(m[0]);
      if (t) main = (t[1] as string).replace(/^\.?\//, "");
      break;
    }
  }
  if (!main || !has[main]) {
    main = "";
    for (let i = 0; i < names.length && !main; i++) {
      const n = names[i] as string;
      if (n === "xl/workbook.xml" || n === "ppt/presentation.xml") main = n;
      else if (/^word\/[\w-]+\.xml$/.test(n) && !WORD_AUX.test(n)) main = n;
    }
  }
  if (!main) return null;
  const top = main.slice(0, main.indexOf("/") + 1);
  if (top === "word/") return { kind: "docx", main };
  if (top === "xl/") return { kind: "xlsx", main };
  if (top === "ppt/") return { kind: "pptx", main };
  return null;
}

function numbered(names: string[], re: RegExp): string[] {
  const picked = names.filter((n) => re.test(n));
  const num = (n: string) => {
    const m = /(\d+)\.xml$/.exec(n);
    return m ? parseInt(m[1] as string, 10) : 0;
  };
  return picked.sort((a, b) => num(a) - num(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export interface PackagePart {
  part: string;
  text: string;
}

/** Extracts a package's text part by part, calling `emit` for each part read. */
export function extractPackage(ctx: Context, pkg: PackageInfo, names: string[], read: ReadPart, emit: (p: PackagePart) => void): void {
  const kind = pkg.kind;
  const walk = (name: string, rules: WalkRules) => {
    const xml = read(name);
    if (xml !== null) emit({ part: name, text: tidy(walkXml(ctx, xml, rules)) });
  };
  if (kind === "docx") {
    walk(pkg.main, docxRules());
    const others = numbered(names, /^word\/(header|footer)\d*\.xml$/).concat(
      names.filter((n) => /^word\/(footnotes|endnotes|comments|commentsExtended)\.xml$/.test(n) && n !== "word/commentsExtended.xml"),
    );
    for (let i = 0; i < others.length; i++) walk(others[i] as string, docxRules());
  } else if (kind === "pptx") {
    const slides = numbered(names, /^ppt\/slides\/slide\d+\.xml$/)
      .concat(numbered(names, /^ppt\/notesSlides\/notesSlide\d+\.xml$/))
      .concat(numbered(names, /^ppt\/comments\/[^/]+\.xml$/));
    for (let i = 0; i < slides.length; i++) walk(slides[i] as string, /comments\//.test(slides[i] as string) ? SML_TEXT_RULES : drawingmlRules());
  } else if (kind === "xlsx") {
    let shared: string[] = [];
    const sstName = names.filter((n) => /^xl\/sharedStrings\.xml$/i.test(n))[0];
    if (sstName) {
      const sst = read(sstName);
      if (sst !== null) {
        shared = parseSharedStrings(ctx, sst);
        ctx.parts.push(sstName);
      }
    }
    const sheets = numbered(names, /^xl\/worksheets\/sheet\d+\.xml$/);
    for (let i = 0; i < sheets.length; i++) {
      const name = sheets[i] as string;
      const xml = read(name);
      if (xml === null) continue;
      const m = /sheet(\d+)\.xml$/.exec(name);
      emit({ part: "sheet" + (m ? m[1] : String(i + 1)), text: sheetText(ctx, xml, shared) });
    }
    const comments = numbered(names, /^xl\/comments\d*\.xml$/);
    for (let i = 0; i < comments.length; i++) walk(comments[i] as string, SML_TEXT_RULES);
  } else {
    walk("content.xml", odfRules());
    if (pkg.odfText && names.indexOf("styles.xml") >= 0) {
      // Headers and footers live in styles.xml (master pages); only their text elements are of interest.
      const xml = read("styles.xml");
      if (xml !== null) {
        const pieces = xml.match(/<style:(header|footer)\b[\s\S]*?<\/style:\1>/g) || [];
        const text = tidy(walkXml(ctx, pieces.join("\n"), odfRules()));
        emit({ part: "styles.xml", text });
      }
    }
  }
  if (kind !== "odf" && names.indexOf("docProps/core.xml") >= 0) walk("docProps/core.xml", CORE_RULES);
}

/** OpenDocument: all character data; paragraphs and rows end lines, cells end with a tab; a cell's office:value is exact. */
function odfRules(): WalkRules {
  let cellDepth = 0;
  return {
    onEnd: (local) => {
      if (local === "table-cell" || local === "covered-table-cell") {
        if (cellDepth > 0) cellDepth--;
        return "\t";
      }
      if (cellDepth > 0 && (local === "p" || local === "h")) return " ";
      return undefined;
    },
    newline: set("p", "h", "line-break", "table-row"),
    tab: set("tab"),
    startTags: true,
    skip: set("annotation-end", "tracked-changes", "binary-data", "script", "forms"),
    onStart: (local, tag) => {
      if (local === "s") {
        const c = parseInt(attr(tag, "c") || "1", 10);
        return { emit: c > 1 && c < 64 ? new Array(c + 1).join(" ") : " " };
      }
      if (local === "table-cell" || local === "covered-table-cell") {
        const type = attr(tag, "value-type");
        const v = attr(tag, "value");
        if (type && type !== "string" && v !== undefined) return { emit: expandExponent(v) + "\t", skipContent: true };
        if (tag.charAt(tag.length - 2) === "/") return { emit: "\t" };
        cellDepth++;
        return undefined;
      }
      return undefined;
    },
  };
}

/** Removes the cell separators that end ODF rows and collapses runs of blank lines. */
function tidy(s: string): string {
  let t = s;
  if (t.indexOf(" \t") >= 0) t = t.replace(/ +\t/g, "\t");
  if (t.indexOf(" \n") >= 0 || t.indexOf("\t\n") >= 0) t = t.replace(/[ \t]+\n/g, "\n");
  if (t.indexOf("\n\n\n") >= 0) t = t.replace(/\n{3,}/g, "\n\n");
  return t.trim();
}
