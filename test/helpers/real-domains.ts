/**
 * Real, distinct domain names from packages on disk, for the precision measurements of the recipient checks
 * (test/lookalike-precision.test.ts, npm run bench -- recipients): every registrable domain of the email-providers
 * package (8,700 mail provider domains) and of the Public Suffix List's own entries (psl's data/rules.js:
 * blogspot.com, github.io, …), about 12,000 in all; and thirty real company domains of the kind our customers write to.
 */
import * as fs from "fs";
import * as path from "path";
import { LookalikeMatcher, type ReferenceDomain } from "../../src/engine/recipients/lookalike-domain";
import { splitDomain } from "../../src/engine/recipients/public-suffix";

const MODULES = path.resolve(__dirname, "../../node_modules");

export function realDomainCorpus(): string[] {
  const providers = (JSON.parse(fs.readFileSync(path.join(MODULES, "email-providers/all.json"), "utf8")) as string[]).filter((d) => /^[a-z0-9.-]+$/.test(d));
  const rulesText = fs.readFileSync(path.join(MODULES, "psl/data/rules.js"), "utf8").replace(/^\s*export default\s*/, "").replace(/;\s*$/, "");
  const rules = (JSON.parse(rulesText) as string[]).filter((r) => r.indexOf("*") < 0 && r.charAt(0) !== "!" && r.indexOf(".") > 0);
  const out = new Set<string>();
  for (const d of providers.concat(rules)) {
    const registrable = splitDomain(d).registrable;
    if (registrable) out.add(registrable);
  }
  return Array.from(out);
}

export const COMPANY_REFERENCES = (
  "contoso.com tatrabanka.sk slsp.sk telekom.sk orange.sk dnb.no telenor.no equinor.com posten.no nordea.fi nokia.com " +
  "elisa.fi kone.com infosys.com tcs.com wipro.com hdfcbank.com hbl.com ptcl.com.pk jazz.com.pk ibm.com sap.com hp.com " +
  "abb.com microsoft.com google.com amazon.com apple.com paypal.com"
).split(" ");


/**
 * The domains of `corpus` that a matcher over `refs` reports ("konx.com → kone.com"), and how many were compared (the
 * references' own registrable domains are skipped). The precision test and `npm run bench -- recipients` use it.
 */
export function lookalikeHits(refs: ReferenceDomain[], corpus: string[]): { compared: number; found: string[] } {
  const m = new LookalikeMatcher(refs);
  const own = new Set(refs.map((r) => splitDomain(r.domain).registrable));
  const found: string[] = [];
  let compared = 0;
  for (const d of corpus) {
    if (own.has(d)) continue;
    compared++;
    const match = m.match(d);
    if (match) found.push(d + " → " + match.resembles);
  }
  return { compared, found };
}
