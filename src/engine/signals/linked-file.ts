/**
 * The `linked-file` signal: a file that travels as a link instead of an attachment — a cloud attachment (Office
 * AttachmentType "cloud"), or a sharing link to a file host in the body, the subject or an attachment's text. Think
 * First cannot read the file behind a link (no network at send time), so it names the HOST, never the URL: a sharing
 * URL's path and query carry access tokens, user and file names ("/personal/jane_doe_contoso_com/…?e=Ab3dE"), and a
 * finding's `masked` form is shown, logged and stamped. The policy's `links.hosts` lists the hosts (default below);
 * a host entry covers its subdomains ("sharepoint.com" covers "contoso-my.sharepoint.com") and may end in a path
 * prefix that a link must start with ("teams.microsoft.com/l/file": Teams file links, not meeting links).
 *
 * Finding links: every "/" in the text is looked at once; the host is the run of host characters just before it
 * (at most 253), taken when it follows "://", "//", the start of the text or a character that is not part of a URL
 * path — so "https://1drv.ms/x", "www.dropbox.com/s/…" and a bare "we.tl/t-abc" are found, while "dropbox.com" inside
 * another link's path ("https://example.org/go/dropbox.com/x") is not. A port ("host:443/") is stepped over. Outlook's
 * Safe Links ("….safelinks.protection.outlook.com/?url=https%3A%2F%2F…") are unwrapped to the link they stand for.
 * Linear in the text: each character is visited a bounded number of times; no regex backtracks over it.
 */
import type { Finding } from "../types";
import type { Signal } from "../detectors/detector";

/**
 * Default `links.hosts`: file-sharing services common in the countries served (Slovakia/Czechia, Norway, Finland,
 * India, Pakistan) and worldwide. One entry each; the policy may add or remove entries (docs/policy.md).
 */
export const DEFAULT_LINK_HOSTS: readonly string[] = [
  // Microsoft: OneDrive (personal and business), SharePoint (every tenant, incl. "-my" OneDrive sites), Teams files
  "1drv.ms",
  "onedrive.live.com",
  "onedrive.com",
  "sharepoint.com",
  "teams.microsoft.com/l/file",
  // Google Drive, Docs/Sheets/Slides, Photos
  "drive.google.com",
  "docs.google.com",
  "drive.usercontent.google.com",
  "photos.google.com",
  "photos.app.goo.gl",
  // Dropbox, Box, WeTransfer, iCloud, MEGA
  "dropbox.com",
  "dropboxusercontent.com",
  "db.tt",
  "box.com",
  "box.net",
  "wetransfer.com",
  "we.tl",
  "icloud.com",
  "mega.nz",
  // Other transfer and storage services
  "hightail.com",
  "sendspace.com",
  "mediafire.com",
  "pcloud.com",
  "pcloud.link",
  "fromsmash.com",
  "swisstransfer.com",
  "transfernow.net",
  "tresorit.com",
  "sync.com",
  "egnyte.com",
  "sharefile.com",
  "drive.proton.me",
  "files.slack.com",
  "file.io",
  "gofile.io",
  "disk.yandex.ru",
  "disk.yandex.com",
  "yadi.sk",
  "terabox.com",
  "workdrive.zoho.com",
  "workdrive.zoho.in",
  // Norway and Finland: Filemail, Jottacloud, the national research networks' FileSender
  "filemail.com",
  "jottacloud.com",
  "filesender.sikt.no",
  "filesender.funet.fi",
  // Czechia and Slovakia: Úschovna, Letecká pošta, Uloz.to, Webshare
  "uschovna.cz",
  "leteckaposta.cz",
  "uloz.to",
  "ulozto.cz",
  "ulozto.sk",
  "webshare.cz",
];

/** A link found in a text. `key` (host and path, lower-case) exists only while scanning, to count a link once. */
export interface FoundLink {
  start: number;
  end: number;
  host: string;
  key: string;
}

interface HostEntry {
  domain: string;
  /** Path prefix ("/l/file"), "" for any path. */
  path: string;
}

/** A compiled `links.hosts` list. */
export interface LinkHosts {
  entries: HostEntry[];
}

/** Compiles host entries ("sharepoint.com", "teams.microsoft.com/l/file"); malformed entries are skipped. */
export function compileLinkHosts(hosts: readonly string[]): LinkHosts {
  const entries: HostEntry[] = [];
  for (const raw of hosts) {
    if (typeof raw !== "string") continue;
    const h = raw.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
    const slash = h.indexOf("/");
    const domain = (slash < 0 ? h : h.slice(0, slash)).replace(/^\.+|\.+$/g, "");
    if (domain.indexOf(".") < 0) continue;
    entries.push({ domain, path: slash < 0 ? "" : h.slice(slash).replace(/\/+$/, "") });
  }
  return { entries };
}

let lastHosts: readonly string[] | null = null;
let lastCompiled: LinkHosts = { entries: [] };

/** compileLinkHosts, remembered for the last list (the policy's list is the same array on every call). */
export function linkHostsOf(hosts: readonly string[]): LinkHosts {
  if (hosts !== lastHosts) {
    lastCompiled = compileLinkHosts(hosts);
    lastHosts = hosts;
  }
  return lastCompiled;
}

/** Is `host` (with `path`) one of the listed file hosts? Subdomains of an entry count; a path prefix must match. */
export function isListedHost(hosts: LinkHosts, host: string, path: string): boolean {
  for (const e of hosts.entries) {
    const d = e.domain;
    if (host !== d && !(host.length > d.length && host.charCodeAt(host.length - d.length - 1) === 46 && host.slice(host.length - d.length) === d)) continue;
    if (!e.path) return true;
    const p = path.toLowerCase();
    if (p.slice(0, e.path.length) === e.path && (p.length === e.path.length || "/?#".indexOf(p.charAt(e.path.length)) >= 0)) return true;
  }
  return false;
}

const MAX_HOST = 253;
const MAX_PATH = 4096;

/** Letters, digits, "-" and "." (host names; IDNs are found in their punycode form). */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/** Characters that end a URL in running text: white space, quotes, angle brackets, and what cannot appear in one. */
function endsUrl(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 96 || c === 0x7f || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029;
}

/** A plausible host: at least two labels, no empty label, a last label of 2+ letters (or punycode). */
function plausibleHost(h: string): boolean {
  const dot = h.lastIndexOf(".");
  if (dot <= 0 || h.indexOf("..") >= 0 || h.charAt(0) === "-") return false;
  const tld = h.slice(dot + 1);
  return /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld);
}

/** Percent-decodes what it can (a Safe Links `url=` value); never throws. */
function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s.replace(/%2f/gi, "/").replace(/%3a/gi, ":");
  }
}

/** Host and path of an absolute or scheme-relative URL ("https://a.b/c", "//a.b/c", "a.b/c"), lower-case host. */
export function splitUrl(url: string): { host: string; path: string } | null {
  let s = url.trim();
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  else if (s.slice(0, 2) === "//") s = s.slice(2);
  const at = s.search(/[/?#]/);
  let authority = at < 0 ? s : s.slice(0, at);
  const path = at < 0 ? "" : s.slice(at);
  authority = authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "").replace(/\.$/, "");
  const host = authority.toLowerCase();
  if (!host || host.length > MAX_HOST || !plausibleHost(host) || /[^a-z0-9.-]/.test(host)) return null;
  return unwrapSafeLink(host, path);
}

/** An Outlook Safe Links wrapper stands for the link in its `url` parameter. */
function unwrapSafeLink(host: string, path: string): { host: string; path: string } {
  if (!/(^|\.)safelinks\.protection\.outlook\.com$/.test(host)) return { host, path };
  const m = /[?&]url=([^&#]{1,4096})/i.exec(path);
  if (!m) return { host, path };
  const inner = percentDecode(m[1] as string);
  if (/safelinks\.protection\.outlook\.com/i.test(inner.slice(0, 300))) return { host, path };
  return splitUrl(inner) || { host, path };
}

/** Host of a URL (a cloud attachment's), "" when it has none. Never the path. */
export function linkHost(url: string): string {
  if (typeof url !== "string") return "";
  const u = splitUrl(url.slice(0, MAX_PATH));
  return u ? u.host : "";
}

/** Links in `text` to listed hosts, in order, each distinct link once. */
export function findLinks(text: string, hosts: LinkHosts): FoundLink[] {
  const out: FoundLink[] = [];
  if (typeof text !== "string" || !text || !hosts.entries.length) return out;
  const seen: { [key: string]: true } = {};
  const n = text.length;
  let p = text.indexOf("/");
  while (p >= 0) {
    let next = p + 1;
    const found = linkAt(text, p);
    if (found) {
      const u = unwrapSafeLink(found.host, found.path);
      if (isListedHost(hosts, u.host, u.path)) {
        // The rest of a listed link is its own path; an unlisted link's path may still hold one (a redirect).
        next = Math.max(next, found.end);
        const key = u.host + u.path.toLowerCase().replace(/[.,;:!?)\]}]+$/, "");
        if (!seen[key]) {
          seen[key] = true;
          out.push({ start: found.start, end: found.end, host: u.host, key });
        }
      }
    }
    if (next >= n) break;
    p = text.indexOf("/", next);
  }
  return out;
}

/** The URL whose host ends just before the "/" at `slash`, or null. */
function linkAt(t: string, slash: number): { start: number; end: number; host: string; path: string } | null {
  let he = slash;
  let hs = he;
  while (hs > 0 && he - hs <= MAX_HOST && isHostChar(t.charCodeAt(hs - 1))) hs--;
  if (hs === he || he - hs > MAX_HOST) return null;
  // "host:8443/": step over the port.
  if (hs > 0 && t.charCodeAt(hs - 1) === 58 && /^[0-9]{1,5}$/.test(t.slice(hs, he))) {
    he = hs - 1;
    hs = he;
    while (hs > 0 && he - hs <= MAX_HOST && isHostChar(t.charCodeAt(hs - 1))) hs--;
    if (hs === he || he - hs > MAX_HOST) return null;
  }
  while (hs < he && t.charCodeAt(hs) === 46) hs++; // "...dropbox.com/x": the dots are prose
  const host = t.slice(hs, he).toLowerCase().replace(/\.+$/, "");
  if (!plausibleHost(host)) return null;
  let start = hs;
  if (hs >= 2 && t.charCodeAt(hs - 1) === 47 && t.charCodeAt(hs - 2) === 47) {
    start = hs - 2;
    if (start >= 1 && t.charCodeAt(start - 1) === 58) {
      let s = start - 1;
      while (s > 0 && /[A-Za-z0-9+.-]/.test(t.charAt(s - 1)) && start - s < 32) s--;
      start = s;
    }
  } else if (hs > 0) {
    // Inside another URL's path, a query, an address or a word: not a link of its own.
    const before = t.charCodeAt(hs - 1);
    if (before === 47 || before === 64 || before === 61 || before === 38 || before === 37 || before === 95 || before === 126 || before === 92) return null;
  }
  let end = slash + 1;
  while (end < t.length && end - slash < MAX_PATH && !endsUrl(t.charCodeAt(end))) end++;
  // A link needs something after the host's "/" (a sharing link always has a path); trailing punctuation is prose.
  while (end > slash + 1 && ".,;:!?)]}".indexOf(t.charAt(end - 1)) >= 0) end--;
  if (end <= slash + 1) return null;
  return { start, end, host, path: t.slice(slash, end) };
}

const REASON_TEXT = "link to a file-sharing host";

/** One finding per distinct link: `masked` is the host. */
export function linkFindings(links: readonly FoundLink[], reason: string = REASON_TEXT): Finding[] {
  return links.map((l) => ({ detector: "linked-file", start: l.start, end: l.end, confidence: "high" as const, reasons: [reason], masked: l.host }));
}

/** The `linked-file` findings of one text for the policy's host list. */
export function findLinkedFiles(text: string, hosts: readonly string[]): Finding[] {
  return linkFindings(findLinks(text, linkHostsOf(hosts)));
}

/**
 * The finding for a cloud attachment: `masked` is the host of the URL Office gives, or the attachment's name when
 * Office gave none (the content call failed or timed out). No offsets: it is not in a text.
 */
export function cloudAttachmentFinding(url: string | undefined, name: string): Finding {
  const host = url ? linkHost(url) : "";
  return { detector: "linked-file", start: 0, end: 0, confidence: "high", reasons: [host ? "cloud attachment" : "cloud attachment (no link given)"], masked: host || name };
}

/** The `linked-file` signal: files shared as links (cloud attachments, sharing links), named by their host. */
export const linkedFile: Signal<"linked-file"> = {
  id: "linked-file",
  group: "link",
  description: "A file shared as a link (a cloud attachment, or a link to OneDrive, SharePoint, Google Drive, Dropbox… from the policy's links.hosts), named by its host only",
  names: {
    en: { name: "Linked file", count: { one: "{count} link to a shared file", other: "{count} links to shared files" } },
    sk: { name: "Prepojený súbor", count: { one: "{count} odkaz na zdieľaný súbor", few: "{count} odkazy na zdieľané súbory", other: "{count} odkazov na zdieľané súbory" } },
    nb: { name: "Lenket fil", count: { one: "{count} lenke til en delt fil", other: "{count} lenker til delte filer" } },
    fi: { name: "Linkitetty tiedosto", count: { one: "{count} linkki jaettuun tiedostoon", other: "{count} linkkiä jaettuihin tiedostoihin" } },
    hi: { name: "लिंक की गई फ़ाइल", count: { one: "{count} साझा फ़ाइल का लिंक", other: "{count} साझा फ़ाइलों के लिंक" } },
    ur: { name: "لنک شدہ فائل", count: { one: "{count} شیئر کی گئی فائل کا لنک", other: "{count} شیئر کی گئی فائلوں کے لنکس" } },
  },
};
