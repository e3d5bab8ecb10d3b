/**
 * Bench section "customers" (`npm run bench -- customers`): the customer set (src/engine/customers, docs/customers.md).
 *   - size of a 100,000-row export (addresses only, and addresses + customer numbers) as built, against what the other
 *     layouts would take for the same keys and false-positive goal (computed from their formulas: xor filter 1.23 slots
 *     per key, sorted fingerprints ⌈log2(n / 1e-6)⌉ bits per key, a 3-wise fuse filter built here);
 *   - false positives measured: 10,000,000 random keys against the filter, and 1,000,000 addresses that are not
 *     customers through the whole lookup (canonical form → HMAC → filter);
 *   - lookups per second: set.hasEmail on canonical addresses (half customers, half not) against a plain JavaScript
 *     Set of the same strings in the same run (the Set is what shipping the list in clear would cost);
 *   - a scan of 1 MB of prose with 2,000 addresses, with and without the set;
 *   - the bundle weight of the feature in the send handler: esbuild bundles src/outlook/launchevent.ts (minified,
 *     ES2016) and sums the bytes of the customer modules (and punycode.js); their gzip weight is measured on a bundle of
 *     those modules alone.
 */
import * as crypto from "crypto";
import * as path from "path";
import * as zlib from "zlib";
import { buildCustomerSet, openCustomerSet } from "../../src/engine/customers/customer-set";
import { canonicalEmail } from "../../src/engine/customers/canonical";
import { buildFuse, fuseContains, KEY_WORDS, layout } from "../../src/engine/customers/fuse";
import { createScanner } from "../../src/engine/scan";
import { generatedExport } from "../../src/engine/customers/test-export";
import { loadPolicyFile } from "../../src/cli/policy-file";

const ROOT = path.resolve(__dirname, "../..");
const KEY = new Uint8Array(crypto.createHash("sha256").update("bench key").digest());

const kb = (bytes: number) => (bytes / 1024).toFixed(1) + " KB";

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function bundleWeight(): { featureMin: number; featureGzip: number; handlerMin: number; handlerGzip: number; parts: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const define = {
    __THINK_FIRST_POLICY__: "{}",
    __THINK_FIRST_POLICY_URL__: '""',
    __THINK_FIRST_BUILD__: '{"baseUrl":"https://x.example","sendMode":"SoftBlock","version":"1.0.0"}',
    __THINK_FIRST_CUSTOMER_KEY__: '""',
  };
  const common = { bundle: true, minify: true, write: false, target: "es2016", format: "iife" as const, define, metafile: true, logLevel: "silent" as const };
  const handler = esbuild.buildSync({ ...common, entryPoints: [path.join(ROOT, "src/outlook/launchevent.ts")] });
  const isFeature = (p: string) => /src\/engine\/customers\/|src\/engine\/signals\/customer-(email|number)|src\/outlook\/customer-source|punycode\.js/.test(p);
  let featureMin = 0;
  const parts: string[] = [];
  for (const out of Object.keys(handler.metafile!.outputs)) {
    const inputs = handler.metafile!.outputs[out]!.inputs;
    for (const p of Object.keys(inputs)) {
      if (!isFeature(p)) continue;
      featureMin += inputs[p]!.bytesInOutput;
      parts.push(`${p.replace(/^.*?(src\/|node_modules\/)/, "$1")} ${inputs[p]!.bytesInOutput} B`);
    }
  }
  const handlerCode = handler.outputFiles![0]!.contents;
  const alone = esbuild.buildSync({
    ...common,
    stdin: {
      contents: [
        'export * from "./src/engine/customers/customer-set";',
        'export * from "./src/engine/customers/find";',
        'export * from "./src/outlook/customer-source";',
        'export * from "./src/engine/signals/customer-email";',
        'export * from "./src/engine/signals/customer-number";',
      ].join("\n"),
      resolveDir: ROOT,
      loader: "ts",
    },
  });
  const featureGzip = zlib.gzipSync(alone.outputFiles![0]!.contents, { level: 9 }).length;
  return { featureMin, featureGzip, handlerMin: handlerCode.length, handlerGzip: zlib.gzipSync(handlerCode, { level: 9 }).length, parts };
}

export async function run(): Promise<void> {
  const cols = generatedExport(100000);
  let t = performance.now();
  const addresses = buildCustomerSet([cols[0]!], KEY, "2026-01-01T00:00:00Z");
  const buildMs = performance.now() - t;
  const both = buildCustomerSet(cols, KEY, "2026-01-01T00:00:00Z");
  const n = 100000;
  console.log(`set of a 100,000-row export (4-wise binary fuse filter, 21-bit fingerprints), built in ${buildMs.toFixed(0)} ms:`);
  console.log(`  addresses only             ${kb(addresses.file.length).padStart(10)}  (goal ≤ 300 KB)`);
  console.log(`  addresses + numbers        ${kb(both.file.length).padStart(10)}  (200,000 keys)`);
  const three = layout(n, 3).arrayLength;
  const four = layout(n, 4).arrayLength;
  console.log("  the same 100,000 keys in other layouts, at 20 bits per slot (2^-20 = 9.5e-7) unless said:");
  console.log(`    4-wise binary fuse       ${kb((four * 20) / 8).padStart(10)}  (${(four / n).toFixed(3)} slots per key; the set uses 21 bits)`);
  console.log(`    3-wise binary fuse       ${kb((three * 20) / 8).padStart(10)}  (${(three / n).toFixed(3)} slots per key)`);
  console.log(`    xor filter               ${kb((Math.ceil(1.23 * n + 32) * 20) / 8).padStart(10)}  (1.23 slots per key)`);
  const bits = Math.ceil(Math.log2(n / 1e-6));
  console.log(`    sorted fingerprints      ${kb((n * bits) / 8).padStart(10)}  (${bits} bits per key, binary search)`);
  console.log(`    information-theoretic    ${kb((n * Math.log2(1e6)) / 8).padStart(10)}  (log2(1/1e-6) bits per key)`);

  // False positives.
  const random = (k: number) => new Int32Array(new Uint8Array(crypto.randomBytes(k * KEY_WORDS * 4)).buffer);
  const filter = buildFuse(random(n), n, { fingerprintBits: 21 });
  const probes = 10000000;
  let hits = 0;
  const batch = random(1000000);
  for (let round = 0; round < probes / 1000000; round++) {
    for (let i = 0; i < 1000000; i++) batch[i * KEY_WORDS] = (batch[i * KEY_WORDS]! + 0x9e3779b9) | 0;
    for (let i = 0; i < 1000000; i++) if (fuseContains(filter, batch, i * KEY_WORDS)) hits++;
  }
  console.log(`false positives, filter: ${hits} of ${probes.toLocaleString("en")} random keys = ${(hits / probes).toExponential(2)} (2^-21 = 4.8e-07; goal ≤ 1e-6)`);
  const set = openCustomerSet(addresses.file, KEY);
  let realHits = 0;
  for (let i = 0; i < 1000000; i++) if (set.hasEmail(`someone.${i}@other${i % 97}.example`)) realHits++;
  console.log(`false positives, whole lookup: ${realHits} of 1,000,000 addresses that are not customers`);

  // Lookups per second against a JS Set of the same strings.
  const members = cols[0]!.values.map((v) => canonicalEmail(v)!);
  const queries: string[] = [];
  for (let i = 0; i < 200000; i++) queries.push(i % 2 ? members[(i * 13) % n]! : `someone.${i}@other${i % 97}.example`);
  const plain = new Set(members);
  const rows: [string, (q: string) => boolean][] = [
    ["customer set (HMAC-SHA-256 + filter)", (q) => set.hasEmail(q)],
    ["plain JS Set of the addresses", (q) => plain.has(q)],
  ];
  const times: number[][] = rows.map(() => []);
  for (let round = 0; round < 7; round++) {
    rows.forEach(([, f], r) => {
      let found = 0;
      t = performance.now();
      for (const q of queries) if (f(q)) found++;
      times[r]!.push(performance.now() - t);
      if (found < queries.length / 2) throw new Error(`${rows[r]![0]} lost members`);
    });
  }
  const perSec = times.map((ts) => queries.length / (median(ts) / 1000));
  rows.forEach(([label], r) => console.log(`lookups: ${label.padEnd(38)} ${(perSec[r]! / 1e6).toFixed(2).padStart(7)} M/s`));
  console.log(`  the keyed set does ${(perSec[0]! / perSec[1]!).toFixed(3)}× the lookups per second of the plain Set (medians of 7 interleaved rounds)`);

  // A scan with and without the set.
  const policy = loadPolicyFile(path.join(ROOT, "assets/policy/default-policy.yaml"));
  const withSet = createScanner(policy, { customers: openCustomerSet(both.file, KEY) });
  const without = createScanner(policy);
  // Prose with order numbers, amounts and dates; every 25th word an address (half of them customers'), every 40th a
  // customer number: every address and every number-shaped token is looked up.
  const words = "the invoice for our customer was sent on 2025-11-03 please find attached report order 4711234 total EUR 120,50".split(" ");
  let text = "";
  for (let i = 0; text.length < 1000000; i++) {
    const w = i % 25 === 0 ? (i % 50 === 0 ? members[(i * 7) % n] : `other.${i}@partner.example`) : i % 40 === 0 ? `C-${1000000 + ((i * 11) % n) * 3}` : words[i % words.length];
    text += w + " ";
  }
  const scanTimes: number[][] = [[], []];
  for (let round = 0; round < 7; round++) {
    [withSet, without].forEach((s, r) => {
      t = performance.now();
      s.scan(text);
      scanTimes[r]!.push(performance.now() - t);
    });
  }
  const [a, b] = scanTimes.map(median) as [number, number];
  console.log(`scan of 1 MB with ${Math.round(text.split("@").length - 1)} addresses: ${a.toFixed(1)} ms with the set, ${b.toFixed(1)} ms without (${(a / b).toFixed(2)}×)`);

  const w = bundleWeight();
  console.log(`bundle weight of the feature in launchevent.js (esbuild, minified, ES2016): ${kb(w.featureMin)} of ${kb(w.handlerMin)}; the feature's modules alone ${kb(w.featureGzip)} gzip (handler ${kb(w.handlerGzip)} gzip)`);
  for (const p of w.parts) console.log(`    ${p}`);
}
