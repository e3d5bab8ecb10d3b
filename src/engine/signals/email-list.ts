/**
 * E-mail addresses, found fast, and the `email-list` aggregate.
 *
 * `findEmails` locates each "@" with indexOf and expands left over local-part characters and right over domain
 * characters by hand: a general e-mail regex backtracks over every word of prose (it is the bottleneck of every regex
 * PII library), while "@" is rare. The span is then checked by the `email-address` detector's validate; a property test
 * checks this finder agrees with that detector's pattern.
 *
 * `findEmailList` counts distinct external addresses (lower-cased; external = the domain is not one of the organisation's
 * internal domains or their subdomains) and their distinct domains, and fires at the policy's threshold.
 * `findCustomerList` is the same aggregate when the scanner has a customer set: it counts the distinct addresses that are
 * in the set (known customers, whatever their domain) against thresholds.customerList, and ignores every other address,
 * so a mail listing twelve partners is not a customer list, and three customers' addresses to a colleague are.
 */
import type { Finding } from "../types";
import type { Signal } from "../detectors/detector";

const LOCAL = new Uint8Array(128);
const DOMAIN = new Uint8Array(128);
(function init() {
  for (let c = 0; c < 128; c++) {
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    DOMAIN[c] = alnum || c === 45 || c === 46 ? 1 : 0;
    LOCAL[c] = alnum || ".!#$%&'*+/=?^_`{|}~-".indexOf(String.fromCharCode(c)) >= 0 ? 1 : 0;
  }
  // The contract's local-part set is narrower: letters, digits and . _ % + ' -
  for (const ch of "!#$&*/=?^`{|}~") LOCAL[ch.charCodeAt(0)] = 0;
})();

function isLocal(c: number): boolean {
  return c < 128 && LOCAL[c] === 1;
}
function isDomain(c: number): boolean {
  return c < 128 && DOMAIN[c] === 1;
}

/** Candidate address spans [start, end) in `text` (not yet validated). */
export function findEmails(text: string, into: Array<[number, number]>): void {
  let at = text.indexOf("@");
  const n = text.length;
  while (at >= 0) {
    let s = at;
    while (s > 0 && isLocal(text.charCodeAt(s - 1)) && at - s < 65) s--;
    let e = at + 1;
    while (e < n && isDomain(text.charCodeAt(e)) && e - at < 256) e++;
    const gluedLeft = s > 0 && isLocal(text.charCodeAt(s - 1));
    // A sentence's final dot or a dash is not part of the domain.
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    // Leading dots belong to the prose ("...jane@example.com").
    while (s < at && text.charCodeAt(s) === 46) s++;
    if (!gluedLeft && s < at && e > at + 1) {
      // The top-level domain: letters only, so "a@b.com2" ends at "com" only if the next char is not alnum.
      into.push([s, e]);
    }
    at = text.indexOf("@", at + 1);
  }
}

/** True when `domain` is one of `internal` or a subdomain of one. */
export function isInternalDomain(domain: string, internal: readonly string[]): boolean {
  const d = domain.toLowerCase();
  for (const i of internal) {
    const x = i.toLowerCase();
    if (d === x || (d.length > x.length && d.charAt(d.length - x.length - 1) === "." && d.slice(d.length - x.length) === x)) return true;
  }
  return false;
}

export interface FoundAddress {
  start: number;
  end: number;
  /** Lower-cased address (kept only inside the scan, never in a finding). */
  address: string;
}

/** The aggregate finding, or null below the threshold. Offsets are those of the addresses given. */
export function findEmailList(addresses: FoundAddress[], internal: readonly string[], threshold: number): Finding | null {
  const seen: Record<string, true> = {};
  const domains: Record<string, true> = {};
  let count = 0;
  let domainCount = 0;
  let total = 0;
  const all: Record<string, true> = {};
  let start = -1;
  let end = -1;
  const internalByDomain: Record<string, boolean> = {};
  for (const a of addresses) {
    if (!all[a.address]) {
      all[a.address] = true;
      total++;
    }
    const domain = a.address.slice(a.address.lastIndexOf("@") + 1);
    let isInternal = internalByDomain[domain];
    if (isInternal === undefined) isInternal = internalByDomain[domain] = isInternalDomain(domain, internal);
    if (isInternal) continue;
    if (start < 0 || a.start < start) start = a.start;
    if (a.end > end) end = a.end;
    if (seen[a.address]) continue;
    seen[a.address] = true;
    count++;
    if (!domains[domain]) {
      domains[domain] = true;
      domainCount++;
    }
  }
  if (count < Math.max(1, threshold)) return null;
  return listFinding(start, end, count, domainCount, "external", [count + " distinct external addresses (threshold " + threshold + ")", domainCount + " external domains", total + " distinct addresses in all"]);
}

/** The email-list finding over [start, end): `count` distinct addresses at `domainCount` domains. */
function listFinding(start: number, end: number, count: number, domainCount: number, counted: "external" | "customers", reasons: string[]): Finding {
  return {
    detector: "email-list",
    start,
    end,
    confidence: "high",
    reasons,
    masked: count + (count === 1 ? " address (" : " addresses (") + domainCount + (domainCount === 1 ? " domain)" : " domains)"),
    count,
    domains: domainCount,
    counted,
  };
}

/**
 * With a customer set: the aggregate of the known customers' addresses found in one text (distinct canonical
 * addresses, whatever their domain), or null below the threshold (thresholds.customerList).
 */
export function findCustomerList(known: readonly { start: number; end: number; canonical: string }[], threshold: number): Finding | null {
  const seen: Record<string, true> = {};
  const domains: Record<string, true> = {};
  let count = 0;
  let domainCount = 0;
  let start = -1;
  let end = -1;
  for (const a of known) {
    if (start < 0 || a.start < start) start = a.start;
    if (a.end > end) end = a.end;
    if (seen[a.canonical]) continue;
    seen[a.canonical] = true;
    count++;
    const domain = a.canonical.slice(a.canonical.lastIndexOf("@") + 1);
    if (!domains[domain]) {
      domains[domain] = true;
      domainCount++;
    }
  }
  if (count < Math.max(1, threshold)) return null;
  return listFinding(start, end, count, domainCount, "customers", [count + " distinct known customers' addresses (threshold " + threshold + ")", domainCount + (domainCount === 1 ? " domain" : " domains")]);
}

/** The `email-list` signal: a text that holds many distinct external addresses (a customer e-mail list). */
export const emailList: Signal<"email-list"> = {
  id: "email-list",
  group: "customer-list",
  description: "Many distinct external e-mail addresses in one text (the body or one attachment): a customer e-mail list",
  names: {
    en: { name: "Customer e-mail list", count: { one: "{count} customer e-mail list", other: "{count} customer e-mail lists" } },
    sk: { name: "Zoznam e-mailových adries zákazníkov", count: { one: "{count} zoznam e-mailov zákazníkov", few: "{count} zoznamy e-mailov zákazníkov", other: "{count} zoznamov e-mailov zákazníkov" } },
    nb: { name: "Liste over kunders e-postadresser", count: { one: "{count} liste over kunders e-postadresser", other: "{count} lister over kunders e-postadresser" } },
    fi: { name: "Asiakkaiden sähköpostilista", count: { one: "{count} asiakkaiden sähköpostilista", other: "{count} asiakkaiden sähköpostilistaa" } },
    hi: { name: "ग्राहक ईमेल पतों की सूची", count: { one: "{count} ग्राहक ईमेल पतों की सूची", other: "{count} ग्राहक ईमेल पतों की सूचियाँ" } },
    ur: { name: "گاہکوں کے ای میل پتوں کی فہرست", count: { one: "{count} گاہکوں کے ای میل پتوں کی فہرست", other: "{count} گاہکوں کے ای میل پتوں کی فہرستیں" } },
  },
};
