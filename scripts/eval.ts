/**
 * npm run eval: the accuracy harness. Prints per-detector precision and recall on the labelled corpus of published
 * test vectors (eval/vectors, every positive also in its real-world forms), the worst forms, the false identifier
 * findings per MB on real text nobody on the team wrote (the docs of the installed packages), and the same figures
 * for @coffeeandfun/remove-pii and @redactpii/node, in the same run. How the corpus is built: eval/README.md.
 *
 *   npm run eval                      everything
 *   npm run eval -- --detector iban   one vector file (repeatable), and only that detector's real-text findings
 *   npm run eval -- --json            one JSON object on stdout
 *   npm run eval -- --refresh-real-text   re-pin the false-alarm corpus list from node_modules
 * Exit 0 whatever the figures (goals are checked by test/eval.test.ts against eval/floors.json); 1 if the harness fails.
 */
import { evaluate, registryGroups, publishedTestCards, scanRealText, type RealTextResult } from "./eval/run";
import { countBySource } from "./eval/corpus";
import { score, worstForms, type DetectorScore } from "./eval/score";
import { loadPeers } from "./eval/peers";
import { REAL_TEXT_LIST, refreshRealTextList } from "./eval/real-text";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? "  n/a" : (x * 100).toFixed(1).padStart(5);
}

function perMB(n: number, chars: number): number {
  return chars > 0 ? n / (chars / 1e6) : 0;
}

interface PeerResult {
  name: string;
  scores: DetectorScore[];
  realText: { falseByDetector: Record<string, number>; testCards: number; emailAddresses: number; chars: number };
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.indexOf("--json") >= 0;
  if (args.indexOf("--refresh-real-text") >= 0) console.error(`eval: ${refreshRealTextList(ROOT)} files listed in ${REAL_TEXT_LIST}`);
  const only: string[] = [];
  args.forEach((a, i) => {
    if (a === "--detector" && args[i + 1]) only.push(args[i + 1] as string);
    else if (a.startsWith("--detector=")) only.push(a.slice("--detector=".length));
  });
  const t0 = Date.now();
  const ev = evaluate(only.length ? only : undefined);
  const groups = registryGroups();
  const peers: PeerResult[] = [];
  const testCards = publishedTestCards(ev.vectors);
  for (const p of await loadPeers()) {
    const judged = Object.keys(p.groups);
    const scores = score(p.find, ev.vectors, { groups: p.groups }, ev.exclusions, { only: only.length ? only : undefined, judged }).filter(
      (s) => judged.indexOf(s.id) >= 0,
    );
    const rt: RealTextResult = scanRealText(
      ev.realFiles,
      (t) => p.find(t).map((f) => ({ ...f, masked: "" })),
      p.groups,
      testCards,
      only.length ? only : undefined,
    );
    peers.push({ name: p.name, scores, realText: { falseByDetector: rt.falseByDetector, testCards: rt.testCards.length, emailAddresses: rt.emailAddresses, chars: rt.chars } });
  }
  const rt = ev.realText;
  const mb = rt.chars / 1e6;
  const forms: Array<{ detector: string; form: string; recall: number; n: number; missed: number }> = [];
  for (const s of ev.scores) for (const w of worstForms(s, 50)) forms.push({ detector: s.id, form: w.form, recall: w.recall, n: w.n, missed: Math.round(w.n * (1 - w.recall)) });
  forms.sort((a, b) => b.missed - a.missed || a.recall - b.recall);

  if (json) {
    console.log(
      JSON.stringify(
        {
          detectors: ev.scores,
          groups,
          exclusions: { active: ev.exclusions.active.map((e) => ({ detector: e.detector, id: e.id, file: e.file })), lapsed: ev.exclusions.lapsed.map((e) => ({ detector: e.detector, id: e.id, file: e.file })) },
          realText: { ...rt, mb, falsePerMB: Object.keys(rt.falseByDetector).reduce((o, k) => ({ ...o, [k]: perMB(rt.falseByDetector[k] as number, rt.chars) }), {}) },
          peers,
          failingForms: forms,
          vectorsBySource: countBySource(ev.vectors),
          ms: Date.now() - t0,
        },
        null,
        1,
      ),
    );
    return;
  }

  const pos = ev.vectors.filter((v) => v.expected !== "none").length;
  console.log(`labelled corpus: ${ev.vectors.length} vectors (${pos} valid, ${ev.vectors.length - pos} invalid) from eval/vectors; every valid one also in its generated forms`);
  console.log("P = precision, R = recall over instances (vector × form); excl = instances a documented rule leaves out (found anyway)\n");
  console.log(`${"detector".padEnd(16)} ${"kind".padEnd(10)} ${"+vec".padStart(5)} ${"-vec".padStart(5)} ${"inst".padStart(6)} ${"P %".padStart(6)} ${"R %".padStart(6)} ${"excl".padStart(9)}  worst forms (recall %)`);
  for (const s of ev.scores) {
    if (s.kind === "pending" || (s.instances === 0 && s.fp === 0)) continue;
    const worst = worstForms(s, 4)
      .map((w) => `${w.form} ${(w.recall * 100).toFixed(0)}`)
      .join(", ");
    const excl = s.excluded ? `${s.excluded} (${s.excludedFound})` : "";
    console.log(`${s.id.padEnd(16)} ${s.kind.padEnd(10)} ${String(s.positives).padStart(5)} ${String(s.negatives).padStart(5)} ${String(s.instances).padStart(6)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${excl.padStart(9)}  ${worst}`);
  }
  const pending = ev.scores.filter((s) => s.kind === "pending");
  if (pending.length) {
    console.log("\nbusiness ids with no detector in the registry yet: share of instances NOT read as a personal identifier");
    for (const s of pending) console.log(`${s.id.padEnd(16)} ${String(s.positives).padStart(5)} ${String(s.negatives).padStart(5)} ${String(s.instances).padStart(6)}  not personal ${pct(s.notPersonal)} %`);
  }
  const fpSources = ev.scores.filter((s) => Object.keys(s.fpFrom).length);
  if (fpSources.length) {
    console.log("\nwhere the false positives come from:");
    for (const s of fpSources) console.log(`  ${s.id.padEnd(16)} ${Object.keys(s.fpFrom).map((k) => `${k} ${s.fpFrom[k]}`).join(", ")}`);
  }
  if (ev.exclusions.lapsed.length) console.log(`\nexclusions lapsed (their documentation changed; those forms count again): ${ev.exclusions.lapsed.map((e) => `${e.detector} ${e.id}`).join(", ")}`);
  console.log(`exclusions in force: ${ev.exclusions.active.map((e) => `${e.detector} ${e.id}`).join(", ")}`);

  console.log(`\nforms that fail most (missed instances):`);
  for (const f of forms.slice(0, 20)) console.log(`  ${f.detector.padEnd(16)} ${f.form.padEnd(22)} recall ${pct(f.recall)} %  missed ${f.missed} of ${f.n}`);

  console.log(`\nreal text: ${rt.files} package docs in node_modules (README*, CHANGELOG*, HISTORY*, *.md), ${mb.toFixed(2)} MB`);
  const total = Object.keys(rt.falseByDetector).reduce((n, k) => n + (rt.falseByDetector[k] as number), 0);
  console.log(`false identifier findings: ${total} (${perMB(total, rt.chars).toFixed(2)} per MB; goal 0)`);
  for (const k of Object.keys(rt.falseByDetector)) {
    const n = rt.falseByDetector[k] as number;
    if (n) console.log(`  ${k.padEnd(16)} ${String(n).padStart(5)}  ${perMB(n, rt.chars).toFixed(2)} per MB`);
  }
  for (const f of rt.falseFindings) console.log(`  ${f.detector.padEnd(14)} ${f.masked.padEnd(20)} ${JSON.stringify(f.context)}  ${f.file}`);
  console.log(`published test card numbers (reported on purpose, not counted): ${rt.testCards.length}`);
  for (const f of rt.testCards) console.log(`  ${f.masked.padEnd(20)} ${f.file}`);
  const biz = Object.keys(rt.businessByDetector);
  if (biz.length) console.log(`business-id findings (not personal): ${biz.map((k) => `${k} ${rt.businessByDetector[k]}`).join(", ")}`);
  console.log(`e-mail addresses (not identifiers): ${rt.emailAddresses} (${perMB(rt.emailAddresses, rt.chars).toFixed(1)} per MB); email-list findings: ${rt.emailLists}`);

  console.log("\npeers on the same corpus, same run (their comparable categories; our figures for comparison):");
  console.log(`${"".padEnd(26)} ${"category".padEnd(14)} ${"P %".padStart(6)} ${"R %".padStart(6)} ${"false/MB".padStart(9)}`);
  const ours = (id: string) => ev.scores.filter((s) => s.id === id)[0];
  for (const p of peers) {
    for (const s of p.scores) {
      const fpm = s.id in p.realText.falseByDetector ? perMB(p.realText.falseByDetector[s.id] as number, p.realText.chars).toFixed(2) : "-";
      console.log(`${p.name.padEnd(26)} ${s.id.padEnd(14)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${fpm.padStart(9)}`);
    }
  }
  for (const id of ["payment-card", "us-ssn", "iban", "email-address"]) {
    const s = ours(id);
    if (!s) continue;
    const fpm = id in rt.falseByDetector ? perMB(rt.falseByDetector[id] as number, rt.chars).toFixed(2) : "-";
    console.log(`${"think-first".padEnd(26)} ${id.padEnd(14)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${fpm.padStart(9)}`);
  }

  console.log("\nvectors per source:");
  const bySource = countBySource(ev.vectors);
  for (const k of Object.keys(bySource).sort((a, b) => (bySource[b] as number) - (bySource[a] as number))) console.log(`  ${String(bySource[k]).padStart(5)}  ${k}`);
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
