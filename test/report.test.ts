/**
 * `dlp report` on .eml files written by the test: messages stamped by the add-in's own composer over several ISO weeks,
 * messages without the headers (external, internal, inbound), malformed and forged headers, a journal report, folded
 * and encoded fields. The CLI is spawned as compliance staff run it; the figures are counted from what the test wrote.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadPolicy } from "../src/engine/policy/load";
import type { Action, Decision } from "../src/engine/types";
import { AUDIT_HEADER_NAMES, composeAuditHeaders, formatHeaderField } from "../src/pipeline/audit-headers";
import type { Justification } from "../src/pipeline/justification";
import { policyVersion } from "../src/engine/policy/version";
import { headerFields, readMessageHeaders } from "../src/cli/report-headers";
import { buildReport, isoWeek, renderReportCsv, renderReportText, reportMessage, CSV_COLUMNS, TALLY_COLUMNS } from "../src/cli/report";
import { escapeHtml, renderReportHtml } from "../src/cli/report-html";

const ROOT = path.resolve(__dirname, "..");
const policy = loadPolicy(fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");
const PV = policyVersion(policy);
let dir: string;

function dlp(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/dlp.js"), ...args], { cwd: dir, encoding: "utf8", timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function decision(action: Action, rules: string[], counts: Record<string, number> = {}): Decision {
  return { action, rules: rules.map((id) => ({ id, action, message: "default", detectors: [] })), counts, examples: [], fixes: [], unscanned: [], visibleExternalRecipients: 0 };
}

function stamped(d: Decision, justification?: Justification): string[] {
  const h = composeAuditHeaders({ decision: d, policy, product: "1.0.0", justification });
  return AUDIT_HEADER_NAMES.map((n) => formatHeaderField(n, h[n]!));
}

function eml(date: string, headers: string[], to = "Bob <bob@partner.test>", from = "Alice <alice@example.com>"): string {
  return [`From: ${from}`, `To: ${to}`, "Subject: Quarterly figures", `Date: ${date}`, "MIME-Version: 1.0", ...headers, "Content-Type: text/plain; charset=utf-8", "", "Hello.", ""].join("\r\n");
}

// Three ISO weeks: 2026-W02 (5–11 Jan), 2026-W03 (12–18 Jan), 2026-W04 (19–25 Jan)
const W2 = "Tue, 06 Jan 2026 10:00:00 +0000";
const W3 = "Wed, 14 Jan 2026 16:30:00 +0100";
const W4 = "Mon, 19 Jan 2026 00:30:00 +0000";
const files: Record<string, string> = {
  "w2-allow.eml": eml(W2, stamped(decision("allow", []))),
  "w2-warn.eml": eml(W2, stamped(decision("warn", ["warn-customer-list"], { "email-list": 14 }))),
  "w2-unchecked.eml": eml(W2, []),
  "w3-warn-reason.eml": eml(W3, stamped(decision("warn", ["warn-customer-list", "warn-visible-recipients"], { "email-list": 12, "visible-external-recipients": 11 }), { code: "business-need", text: "Approved by the team lead, ticket INC-4411" })),
  "w3-warn-reason-2.eml": eml(W3, stamped(decision("warn", ["warn-customer-list"], { "email-list": 30 }), { code: "business-need", text: "Approved by the team lead, ticket INC-4411" })),
  "w3-allow-internal.eml": eml(W3, stamped(decision("allow", [])), "Carol <carol@example.com>"),
  "w3-internal-unchecked.eml": eml(W3, [], "Carol <carol@example.com>, dave@sales.example.com"),
  "w3-inbound.eml": eml(W3, [], "Alice <alice@example.com>", "Eve <eve@partner.test>"),
  "w4-block-delivered.eml": eml(W4, stamped(decision("block", ["block-identifiers-external"], { "payment-card": 1 }))),
  "w4-unchecked-encoded.eml": eml(W4, [], "=?UTF-8?B?QsO2cmplIEvDpHJu?= <borje@partner.test>"),
  // a header forged by hand: a reason text holding an identifier is withheld, never printed
  "w4-forged.eml": eml(W4, ["X-ThinkFirst-Verdict: warn", `X-ThinkFirst-Check: v=1; product=1.0.0; policy=${PV}; rules=warn-customer-list; counts=-; unscanned=-`, "X-ThinkFirst-Reason: code=other; text=card 4111 1111 1111 1111"]),
  "malformed-verdict.eml": eml(W4, ["X-ThinkFirst-Verdict: maybe", "X-ThinkFirst-Check: v=1; rules=Bad Rule"]),
  "no-date.eml": eml("", stamped(decision("warn", ["warn-customer-list"]))).replace("Date: \r\n", ""),
  "twice.eml": eml(W4, [...stamped(decision("allow", [])), "X-ThinkFirst-Verdict: warn"]),
};

/** A journal report: the envelope's own headers, the original message attached as message/rfc822. */
function journalReport(original: string): string {
  return [
    "From: Microsoft Exchange <journal@example.com>",
    "To: journal@example.com",
    "Subject: Journal report",
    `Date: ${W4}`,
    "X-MS-Journal-Report: ",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="jr"',
    "",
    "--jr",
    "Content-Type: text/plain",
    "",
    "Sender: alice@example.com",
    "Recipient: bob@partner.test",
    "--jr",
    "Content-Type: message/rfc822",
    "",
    original,
    "--jr--",
    "",
  ].join("\r\n");
}
files["journal/w4-journaled-warn.eml"] = journalReport(eml(W4, stamped(decision("warn", ["warn-customer-list"], { "email-list": 10 }))));
files["journal/ignored.txt"] = "not an eml: folders give only .eml files";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dlp-report-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("isoWeek", () => {
  it("follows ISO 8601 at year ends", () => {
    expect(isoWeek(new Date(Date.UTC(2026, 0, 1)))).toBe("2026-W01"); // a Thursday
    expect(isoWeek(new Date(Date.UTC(2024, 11, 30)))).toBe("2025-W01"); // Monday of the week holding 2 Jan 2025
    expect(isoWeek(new Date(Date.UTC(2021, 0, 3)))).toBe("2020-W53"); // a Sunday
    expect(isoWeek(new Date(Date.UTC(2026, 0, 5)))).toBe("2026-W02");
  });
});

describe("reading headers", () => {
  it("unfolds, decodes encoded words, keeps repeated fields, stops at the body", () => {
    const h = headerFields(new TextEncoder().encode("Subject: =?UTF-8?Q?K=C3=A4rn?=\r\nX-A: one\r\n two\r\nX-A: three\r\nbroken line\r\n\r\nX-B: body\r\n"));
    expect(h.fields).toEqual({ subject: ["Kärn"], "x-a": ["one two", "three"] });
    expect(h.malformedLines).toBe(1);
  });

  it("reads the original inside a journal report", () => {
    const r = readMessageHeaders(new TextEncoder().encode(files["journal/w4-journaled-warn.eml"]!));
    expect(r.fromJournalReport).toBe(true);
    expect(r.fields["x-thinkfirst-verdict"]).toEqual(["warn"]);
    expect(r.fields["to"]).toEqual(["Bob <bob@partner.test>"]);
  });
});

describe("dlp report", () => {
  it("counts checks, warnings, blocks, unchecked external mail and reasons per ISO week (text)", () => {
    const { code, out, err } = dlp("report", ".");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain("Think First report: 15 messages");
    // checked: w2-allow, w2-warn, w3 ×2 warn, w3-allow-internal, w4-block, w4-forged (warn), no-date (warn), twice (allow), journal (warn)
    expect(out).toContain("checked 10 (allow 3, warn 6, block 1; 3 with a reason), unchecked external 2, internal without header 1, inbound 1, malformed 1");
    const row = (week: string) => out.split("\n").find((l) => l.trim().startsWith(week))!.trim().split(/\s{2,}/).slice(1).map(Number);
    //                messages checked allow warn block reason unchecked internal inbound malformed
    expect(row("2026-W02")).toEqual([3, 2, 1, 1, 0, 0, 1, 0, 0, 0]);
    expect(row("2026-W03")).toEqual([5, 3, 1, 2, 0, 2, 0, 1, 1, 0]);
    expect(row("2026-W04")).toEqual([6, 4, 1, 2, 1, 1, 1, 0, 0, 1]);
    expect(row("unknown")).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(row("total")).toEqual([15, 10, 3, 6, 1, 3, 2, 1, 1, 1]);
    expect(out).toMatch(/warn-customer-list +6 +0 +6 +0 +3/);
    expect(out).toMatch(/block-identifiers-external +1 +0 +0 +1 +0/);
    expect(out).toContain(`business-need: 2\n    "Approved by the team lead, ticket INC-4411" ×2`);
    expect(out).toContain("other: 1\n    1 text withheld (did not pass the reason check)");
    expect(out).toMatch(/email-list +4 +66/);
    expect(out).toMatch(new RegExp(`${PV} +1\\.0\\.0 +10`));
    expect(out).toContain("no-date.eml: no Date header");
    expect(out).toContain("twice.eml: X-ThinkFirst-Verdict appears 2 times");
    expect(out).toContain("malformed-verdict.eml: X-ThinkFirst-Verdict is not allow, warn or block");
    expect(out).not.toContain("4111");
    expect(out).not.toContain("ignored.txt");
  });

  it("writes CSV (RFC 4180, one table) and JSON with the same figures", () => {
    const csv = dlp("report", "--format", "csv", ".");
    expect(csv.code).toBe(0);
    const lines = csv.out.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toContain("week,2026-W03,5,3,1,2,0,2,0,1,1,0,,");
    expect(lines).toContain("total,all,15,10,3,6,1,3,2,1,1,1,,");
    expect(lines).toContain('reason-text,business-need,2,,,,,,,,,,,"Approved by the team lead, ticket INC-4411"');
    expect(lines.every((l) => l.split(",").length >= CSV_COLUMNS.length || l.includes('"'))).toBe(true);
    const json = JSON.parse(dlp("report", "--format", "json", ".").out);
    expect(json.report.totals).toEqual({ messages: 15, checked: 10, allow: 3, warn: 6, block: 1, withReason: 3, uncheckedExternal: 2, internalUnchecked: 1, inbound: 1, malformed: 1 });
    expect(json.messages.find((m: { file: string }) => m.file.endsWith("w4-journaled-warn.eml")).verdict).toBe("warn");
  });

  it("writes a self-contained HTML page with an inline SVG chart", () => {
    const r = dlp("report", "--format", "html", "--out", "report.html", ".");
    expect(r.code).toBe(0);
    expect(r.err).toContain("15 messages → report.html");
    const html = fs.readFileSync(path.join(dir, "report.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<svg");
    expect((html.match(/<rect /g) || []).length).toBe(10); // W2: allow, warn, unchecked; W3: allow, warn; W4: allow, warn, block, unchecked; unknown: warn
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.match(/(?:src|href)=/gi)).toBeNull();
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain("4111");
  });

  it("refuses what it cannot read, and formats that are not for report", () => {
    expect(dlp("report", "missing.eml")).toMatchObject({ code: 3, err: expect.stringContaining("cannot read missing.eml: ENOENT") });
    expect(dlp("report", "--format", "jsonl", ".")).toMatchObject({ code: 3, err: expect.stringContaining('--format must be text, csv, html or json for report, got "jsonl"') });
    expect(dlp("scan", "--out", "x.html", "w2-allow.eml")).toMatchObject({ code: 3, err: expect.stringContaining("--out is for report and customers build only") });
    expect(dlp("report", "journal/ignored.txt").code).toBe(0); // a file given by name is read whatever its extension
    expect(dlp("report")).toMatchObject({ code: 3, err: expect.stringContaining("report needs at least one .eml file or folder") });
  });
});

describe("report output is safe to open", () => {
  it("HTML-escapes file names and texts; CSV defuses formulas", () => {
    const m = reportMessage("<img src=x onerror=alert(1)>.eml", new TextEncoder().encode(eml(W2, stamped(decision("warn", ["warn-customer-list"]), { code: "other", text: "=HYPERLINK(\"x\") <b>" }))), policy);
    m.problems.push("a problem");
    const report = buildReport([m]);
    const html = renderReportHtml(report);
    expect(html).not.toContain("<img");
    expect(html).toContain(escapeHtml("<img src=x onerror=alert(1)>.eml"));
    expect(html).toContain("=HYPERLINK(&quot;x&quot;) &lt;b&gt;");
    const csv = renderReportCsv(report);
    expect(csv).toContain(`reason-text,other,1,,,,,,,,,,,"'=HYPERLINK(""x"") <b>"`);
  });

  it("the text and HTML week tables have the same columns; the HTML one says what warn means", () => {
    const report = buildReport([reportMessage("a.eml", new TextEncoder().encode(eml(W2, stamped(decision("warn", ["warn-customer-list"])))), policy)]);
    const heads = TALLY_COLUMNS.map((c) => c[1]);
    expect(heads).toContain("warn");
    const text = renderReportText(report);
    for (const h of heads) expect(text).toContain(h);
    const html = renderReportHtml(report);
    const htmlHeads = heads.map((h) => (h === "warn" ? "warn (Send Anyway)" : h));
    expect(html).toContain("<th>week</th>" + htmlHeads.map((h) => `<th class="n">${escapeHtml(h)}</th>`).join(""));
  });
});
