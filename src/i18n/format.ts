/**
 * Template filling and text helpers for localized strings. Hand-written (a few lines): message-format libraries
 * (ICU MessageFormat, i18next) are far larger than the send-handler bundle should carry and need Intl, which the
 * JavaScript-only runtime is not documented to have. ES2016, pure.
 */

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fills `{name}` placeholders; an unknown placeholder is left as is (so a test can see it). */
export function format(template: string, vars: { [name: string]: string | number }): string {
  return template.replace(PLACEHOLDER, (whole: string, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** The placeholder names of a template, sorted and unique. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  template.replace(PLACEHOLDER, (whole: string, name: string) => {
    if (names.indexOf(name) < 0) names.push(name);
    return whole;
  });
  return names.sort();
}

/** Unicode isolates (UAX #9): an LTR fragment inside right-to-left text, or a fragment of unknown direction. */
export const LRI = "\u2066";
export const FSI = "\u2068";
export const PDI = "\u2069";

/**
 * Removes characters that must never reach a dialog from outside data (file names, titles): controls, line breaks and
 * bidi overrides/isolates (a file name could otherwise reorder the warning around it).
 */
export function sanitize(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Shortens to at most `max` UTF-16 units with an ellipsis, keeping a short file extension and never splitting a surrogate pair. */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…";
  const dot = text.lastIndexOf(".");
  const ext = dot > 0 && text.length - dot <= 8 && text.length - dot < max - 2 ? text.slice(dot) : "";
  let head = max - 1 - ext.length;
  const code = text.charCodeAt(head - 1);
  if (code >= 0xd800 && code <= 0xdbff) head -= 1;
  return text.slice(0, Math.max(0, head)) + "…" + ext;
}

/**
 * Makes outside text (file names, custom pattern ids, policy titles, part names) inert in Smart Alerts Markdown, so the
 * policy's citation URL stays the only link in the dialog. Replaced by look-alikes rather than backslash-escaped (the
 * dialog's Markdown subset does not document escapes):
 *   - Markdown syntax: `*`, `_`, backquote, `~`, brackets and backslash (emphasis, code, strike-through, links);
 *   - HTML and autolinks: `<`, `>` and `&` (raw tags, `<https://…>`, entities that would decode to either);
 *   - bare URLs a client may linkify: `://`, `www.`, `mailto:` and the `@` of an address are broken up.
 */
export function markdownInert(text: string): string {
  return text
    .replace(/\*/g, "\u2217")
    .replace(/_/g, "\uff3f")
    .replace(/`/g, "\u02cb")
    .replace(/~/g, "\u223c")
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(/\\/g, "\u29f5")
    .replace(/</g, "\u2039")
    .replace(/>/g, "\u203a")
    .replace(/&/g, "\uff06")
    .replace(/:\/\//g, "\u2236//")
    .replace(/\b(www)\./gi, "$1\u2024")
    .replace(/\b(mailto):/gi, "$1\u2236")
    .replace(/@/g, "\uff20");
}
