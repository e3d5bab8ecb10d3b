/**
 * Minimal Markdown → HTML for the simulator's copy of the Outlook dialog. Covers what Smart Alerts' errorMessageMarkdown
 * supports: **bold**, *italic* / _italic_, [links](https://…) (https only), "- " list items, paragraphs split by a blank
 * line. Everything else is shown as text; the input is HTML-escaped first, so nothing from the message becomes markup.
 */
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inline(s: string): string {
  return escapeHtml(s)
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_m, c: string) => "&#" + c.charCodeAt(0) + ";")
    .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
    .replace(/(^|\W)_([^_\s][^_]*)_(?=\W|$)/g, "$1<em>$2</em>");
}

export function markdownToHtml(md: string): string {
  const out: string[] = [];
  for (const para of md.replace(/\r\n/g, "\n").split(/\n{2,}/)) {
    const lines = para.split(/\r|\n/).filter((l) => l.trim() !== "");
    if (!lines.length) continue;
    let list: string[] = [];
    const flush = () => {
      if (list.length) out.push("<ul>" + list.map((i) => "<li>" + inline(i) + "</li>").join("") + "</ul>");
      list = [];
    };
    const text: string[] = [];
    for (const line of lines) {
      const m = /^\s*[-*] (.*)$/.exec(line);
      if (m) {
        if (text.length) out.push("<p>" + text.splice(0).map(inline).join("<br>") + "</p>");
        list.push(m[1] as string);
      } else {
        flush();
        text.push(line);
      }
    }
    flush();
    if (text.length) out.push("<p>" + text.map(inline).join("<br>") + "</p>");
  }
  return out.join("");
}
