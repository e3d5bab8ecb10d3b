/**
 * Bench section "handler": end-to-end decision time of onMessageSendHandler for a message with a 5 MB xlsx, a 2 MB docx
 * and a 1 MB pdf (built in memory), through the fake mailbox, compared in the same run with the time it takes just to
 * base64-decode the same attachments (the floor: every byte must at least be decoded). Goal: under 1 s, never past the
 * policy's time budget. `npm run bench -- handler`
 */
import { defaultPolicy } from "../../test/helpers/outlook-policy";
import { fakeEvent, fakeOffice } from "../../test/helpers/fake-office";
import { b64, buildDocx, buildPdf, buildXlsx, denseIdentifierText } from "../../test/helpers/outlook-fixtures";
import { decodeBase64 } from "../../src/extract/base64";
import { handleSend, prescan } from "../../src/outlook/on-message-send";
import { scanAttachment } from "../../src/pipeline/check-message";
import type { CompletedOptions } from "../../src/outlook/completed-options";

/** Deterministic pseudo-random numbers, so every run builds the same files. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
const WORDS = ["order", "invoice", "delivery", "shipped", "pending", "returned", "Oslo", "Bratislava", "Helsinki", "Lahore", "Delhi", "blue", "large", "widget", "service", "renewal"];

function sheetRows(n: number, r: () => number): (string | number)[][] {
  const rows: (string | number)[][] = [["Order", "Product", "Qty", "Price", "Note"]];
  for (let i = 0; i < n; i++) {
    rows.push([100000 + i, "P-" + Math.floor(r() * 1e6), 1 + Math.floor(r() * 20), Math.round(r() * 1e5) / 100, WORDS[Math.floor(r() * WORDS.length)]! + " " + Math.floor(r() * 1e4)]);
  }
  return rows;
}

function sentences(n: number, r: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words: string[] = [];
    for (let k = 0; k < 12; k++) words.push(r() < 0.15 ? String(Math.floor(r() * 1e6)) : WORDS[Math.floor(r() * WORDS.length)]!);
    out.push(words.join(" ") + ".");
  }
  return out;
}

/** Grows `make(n)` until its size reaches `target` bytes. */
async function sized(target: number, start: number, make: (n: number) => Uint8Array | Promise<Uint8Array>): Promise<Uint8Array> {
  let n = start;
  let bytes = await make(n);
  while (bytes.length < target) {
    n = Math.ceil((n * target * 1.02) / Math.max(1, bytes.length));
    bytes = await make(n);
  }
  return bytes;
}

const ms = (t: bigint) => Number(t) / 1e6;
const median = (a: number[]) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

export async function run(): Promise<void> {
  const MB = 1024 * 1024;
  const xlsx = await sized(5 * MB, 60000, (n) => buildXlsx(sheetRows(n, rng(1))));
  const docx = await sized(2 * MB, 40000, (n) => buildDocx(sentences(n, rng(2))));
  const pdf = await sized(1 * MB, 4000, (n) => buildPdf(sentences(n, rng(3)).concat(["Visa card 4111 1111 1111 1111"])));
  const files = [
    { id: "x", name: "orders.xlsx", bytes: xlsx },
    { id: "d", name: "report.docx", bytes: docx },
    { id: "p", name: "statement.pdf", bytes: pdf },
  ];
  const encoded = files.map((f) => ({ id: f.id, name: f.name, size: f.bytes.length, base64: b64(f.bytes) }));
  console.log("attachments: " + files.map((f) => `${f.name} ${(f.bytes.length / MB).toFixed(2)} MB`).join(", "));

  const rounds = 5;
  const decode: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    let total = 0;
    for (const e of encoded) total += decodeBase64(e.base64).length;
    decode.push(ms(process.hrtime.bigint() - t0));
    if (total <= 0) throw new Error("decode failed");
  }

  // The same work without Office: decode, extract and scan each attachment (the pipeline's share of the handler time).
  const pipeline: number[] = [];
  const perFile: Record<string, number[]> = {};
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    for (const e of encoded) {
      const t1 = process.hrtime.bigint();
      scanAttachment(defaultPolicy, { info: { id: e.id, name: e.name, size: e.size, type: "file" }, bytes: decodeBase64(e.base64) });
      (perFile[e.name] = perFile[e.name] || []).push(ms(process.hrtime.bigint() - t1));
    }
    pipeline.push(ms(process.hrtime.bigint() - t0));
  }

  const budget = defaultPolicy.timeBudgetMs;
  const handler: number[] = [];
  let last: CompletedOptions | undefined;
  for (let i = 0; i < rounds; i++) {
    const office = fakeOffice(
      { from: "me@example.com", to: [{ emailAddress: "partner@example.org", recipientType: "externalUser" }], subject: "Quarterly files", body: "Please find the files attached.", attachments: encoded },
      { delayMs: 0 },
    );
    const { event, completed } = fakeEvent();
    const t0 = process.hrtime.bigint();
    last = await handleSend(event, { office: office.globals, policy: defaultPolicy });
    handler.push(ms(process.hrtime.bigint() - t0));
    if (completed.length !== 1) throw new Error("completed " + completed.length + " times");
  }
  // With the pre-scan: OnMessageAttachmentsChanged scanned the files while the employee was writing; Send reuses it.
  const prescanned: number[] = [];
  const roomy = { ...defaultPolicy, timeBudgetMs: 30000 };
  for (let i = 0; i < rounds; i++) {
    const office = fakeOffice(
      { from: "me@example.com", to: [{ emailAddress: "partner@example.org", recipientType: "externalUser" }], subject: "Quarterly files", body: "Please find the files attached.", attachments: encoded },
      { delayMs: 0 },
    );
    // One policy for both (cache entries record the policy they were made with); the pre-scan gets the budget's maximum.
    await prescan(fakeEvent().event, true, { office: office.globals, policy: roomy });
    const { event } = fakeEvent();
    const t0 = process.hrtime.bigint();
    const o = await handleSend(event, { office: office.globals, policy: roomy });
    prescanned.push(ms(process.hrtime.bigint() - t0));
    if (o.allowEvent) throw new Error("pre-scanned send was allowed");
  }
  const ctx = last && last.contextData ? JSON.parse(last.contextData) : undefined;
  console.log(`base64 decode only (baseline): median ${median(decode).toFixed(0)} ms`);
  console.log(`decode + extract + scan, no Office: median ${median(pipeline).toFixed(0)} ms (${Object.keys(perFile).map((n) => n + " " + median(perFile[n]!).toFixed(0)).join(", ")})`);
  console.log(`handler end to end:            median ${median(handler).toFixed(0)} ms, max ${Math.max(...handler).toFixed(0)} ms (budget ${budget} ms, goal < 1000 ms)`);
  console.log(`  = ${(median(handler) / Math.max(0.001, median(decode))).toFixed(1)} × the decode time, handler overhead over the pipeline ${(median(handler) - median(pipeline)).toFixed(0)} ms; decision: ${ctx ? ctx.action : "allow"}${ctx && ctx.unscanned.length ? ", unscanned: " + ctx.unscanned.map((u: { part: string; reason: string }) => u.part + " " + u.reason).join(", ") : ""}`);
  console.log(`handler after the pre-scan:     median ${median(prescanned).toFixed(0)} ms, max ${Math.max(...prescanned).toFixed(0)} ms (cached results from sessionData)`);
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`  goal < 1 s: cold ${verdict(median(handler) < 1000)}, after pre-scan ${verdict(median(prescanned) < 1000)}; within the budget: ${verdict(Math.max(...handler, ...prescanned) < budget)}`);

  // Worst case: a 10 MB text attachment dense with identifiers (every line a card number, an SSN and an address). The
  // scan is cut at the deadline (the attachment is reported timeout, the findings before the cut count).
  const dense = Buffer.from(denseIdentifierText(10 * MB));
  const worst: number[] = [];
  let worstCtx: { action: string; unscanned: { part: string; reason: string }[] } | undefined;
  for (let i = 0; i < 3; i++) {
    const office = fakeOffice(
      { from: "me@example.com", to: [{ emailAddress: "partner@example.org", recipientType: "externalUser" }], subject: "Export", body: "See attached.", attachments: [{ id: "d", name: "export.txt", size: dense.length, base64: dense.toString("base64") }] },
      { delayMs: 0 },
    );
    const t0 = process.hrtime.bigint();
    const o = await handleSend(fakeEvent().event, { office: office.globals, policy: defaultPolicy });
    worst.push(ms(process.hrtime.bigint() - t0));
    worstCtx = o.contextData ? JSON.parse(o.contextData) : undefined;
  }
  console.log(
    `worst case, 10 MB text dense with identifiers: median ${median(worst).toFixed(0)} ms, max ${Math.max(...worst).toFixed(0)} ms = ${(Math.max(...worst) / budget).toFixed(2)} of the ${budget} ms budget; decision: ${worstCtx ? worstCtx.action : "allow"}${worstCtx && worstCtx.unscanned.length ? " (" + worstCtx.unscanned.map((u) => u.part + " " + u.reason).join(", ") + ")" : ""}`,
  );
}

if (require.main === module) void run();
