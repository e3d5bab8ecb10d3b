/**
 * `dlp report --format html`: one self-contained page (inline CSS and SVG; no script, no external file, no link that
 * loads anything), so it can be mailed or archived as it is. Every text from the messages (file names, rule ids,
 * reason texts) is HTML-escaped.
 */
import { TALLY_COLUMNS, type Report, type Tally } from "./report";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The series of the weekly chart, stacked bottom to top. */
const SERIES: { key: keyof Tally; label: string; color: string }[] = [
  { key: "allow", label: "checked, allowed", color: "#5b8def" },
  { key: "warn", label: "warned, sent anyway", color: "#e8a33d" },
  { key: "block", label: "blocked but delivered", color: "#c8453b" },
  { key: "uncheckedExternal", label: "sent outside unchecked", color: "#7d7d7d" },
];

/** A stacked bar per ISO week (the "unknown" week last). Plain SVG with a title and text labels for screen readers. */
export function weeklyChart(report: Report): string {
  const weeks = report.weeks;
  const W = 720;
  const H = 260;
  const left = 44;
  const bottom = 40;
  const top = 16;
  const plotH = H - bottom - top;
  const max = Math.max(1, ...weeks.map((w) => SERIES.reduce((s, x) => s + w.tally[x.key], 0)));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const slot = weeks.length ? (W - left - 8) / weeks.length : 1;
  const barW = Math.max(4, Math.min(48, slot * 0.6));
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="chart-title">`);
  parts.push(`<title id="chart-title">Messages per ISO week: checked and allowed, warned and sent anyway, blocked but delivered, sent outside unchecked</title>`);
  for (let v = 0; v <= yMax; v += step) {
    parts.push(`<line x1="${left}" x2="${W - 4}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="axis">${v}</text>`);
  }
  weeks.forEach((w, i) => {
    const x = left + slot * i + (slot - barW) / 2;
    let base = 0;
    for (const s of SERIES) {
      const n = w.tally[s.key];
      if (!n) continue;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(base + n).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + n)).toFixed(1)}" fill="${s.color}"><title>${escapeHtml(w.week)}: ${n} ${escapeHtml(s.label)}</title></rect>`,
      );
      base += n;
    }
    const label = weeks.length > 16 && i % Math.ceil(weeks.length / 16) ? "" : w.week;
    if (label) parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle" class="axis">${escapeHtml(label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${W - 4}" y1="${y(0)}" y2="${y(0)}" stroke="#444"/>`);
  parts.push("</svg>");
  return parts.join("\n");
}

function niceStep(max: number): number {
  const rough = max / 5;
  const pow = Math.pow(10, Math.floor(Math.log10(rough)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= rough) return Math.max(1, m * pow);
  return Math.max(1, 10 * pow);
}

function htmlTable(head: string[], rows: (string | number)[][], numericFrom = 1): string {
  const th = head.map((h, i) => `<th${i >= numericFrom ? ' class="n"' : ""}>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => "<tr>" + r.map((c, i) => `<td${i >= numericFrom ? ' class="n"' : ""}>${escapeHtml(String(c))}</td>`).join("") + "</tr>").join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function renderReportHtml(r: Report, title = "Think First report"): string {
  const t = r.totals;
  const cols = TALLY_COLUMNS.map(([key, head]): [keyof Tally, string] => [key, key === "warn" ? "warn (Send Anyway)" : head]);
  const sections: string[] = [];
  sections.push(
    `<p class="summary">${r.files} messages: <b>${t.checked}</b> checked (${t.allow} allowed, <b>${t.warn}</b> sent anyway after a warning, ${t.block} blocked but delivered; ${t.withReason} with a reason), <b>${t.uncheckedExternal}</b> sent outside without the Think First header, ${t.internalUnchecked} internal without it, ${t.inbound} inbound, ${t.malformed} malformed.</p>`,
  );
  sections.push(`<figure>${weeklyChart(r)}<figcaption>${SERIES.map((s) => `<span class="key" style="background:${s.color}"></span>${escapeHtml(s.label)}`).join(" ")}</figcaption></figure>`);
  sections.push(
    "<h2>Per ISO week (UTC)</h2>" +
      htmlTable(["week", ...cols.map((c) => c[1])], [...r.weeks.map((w) => [w.week, ...cols.map((c) => w.tally[c[0]])]), ["total", ...cols.map((c) => t[c[0]])]]),
  );
  if (r.rules.length) sections.push("<h2>Per rule</h2>" + htmlTable(["rule", "fired", "allow", "warn", "block", "with reason"], r.rules.map((x) => [x.id, x.fired, x.allow, x.warn, x.block, x.withReason])));
  if (r.reasons.length) {
    const rows: (string | number)[][] = [];
    for (const x of r.reasons) {
      rows.push([x.code, "", x.count]);
      for (const tx of x.texts) rows.push(["", tx.text, tx.count]);
      if (x.withheld) rows.push(["", "(withheld: did not pass the reason check)", x.withheld]);
    }
    sections.push("<h2>Reasons given</h2>" + htmlTable(["code", "text", "messages"], rows, 2));
  }
  if (r.detectors.length) sections.push("<h2>Detectors</h2>" + htmlTable(["detector", "messages", "findings"], r.detectors.map((d) => [d.id, d.messages, d.findings])));
  if (r.unscanned.length) sections.push("<h2>Parts that could not be checked</h2>" + htmlTable(["reason", "messages", "parts"], r.unscanned.map((u) => [u.reason, u.messages, u.parts])));
  if (r.versions.length) sections.push("<h2>Versions</h2>" + htmlTable(["policy", "add-in", "messages"], r.versions.map((v) => [v.policy, v.product, v.messages]), 2));
  if (r.problems.length) sections.push(`<h2>Problems (${r.problems.length})</h2>` + htmlTable(["file", "problem"], r.problems.map((p) => [p.file, p.problem]), 2));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; max-width: 1100px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { border-bottom: 1px solid #ddd; padding: 3px 10px; text-align: left; }
th { background: #f4f4f4; } .n { text-align: right; font-variant-numeric: tabular-nums; } td:first-child { white-space: nowrap; }
.axis { font-size: 11px; fill: #555; } figure { margin: 12px 0; } figcaption { font-size: 12px; color: #444; }
.key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; vertical-align: baseline; }
.summary { font-size: 15px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${sections.join("\n")}
<p class="axis">warn = the message was delivered after Think First warned (Send Anyway). Unchecked external = sent from inside to outside without the X-ThinkFirst-Verdict header: the add-in did not run. See docs/audit.md.</p>
</body>
</html>
`;
}
