/**
 * The registrable domain ("organizational domain") of a host name: its public suffix plus one label, by the Public
 * Suffix List algorithm (https://publicsuffix.org/list/ — longest matching rule, wildcards, exceptions; any single
 * label is a suffix by the default rule).
 *
 * The data is the ICANN section's rules of one and two labels, generated from the list at build time
 * (data/public-suffixes.ts, ~10 KB gzip). Measured for launchevent.js: tldts-icann 33 KB gzip, psl 45 KB, tldts
 * 50 KB (all ES2016-clean): the handler budget is 150 KB for everything, so the list is subset and the lookup written
 * here (a dozen lines). Rules of three or more labels (1,987: Japanese cities, US K-12 states, Norwegian counties) are
 * left out: a host under one of them gets a registrable domain one label too short ("k12.ca.us"), which only merges
 * such organizations when they are counted (docs/recipients.md).
 */
import { SECOND_LEVEL_SUFFIXES } from "./data/public-suffixes";

export interface DomainParts {
  /** The host name as given (normalized: lower case, Unicode labels). */
  host: string;
  /** The public suffix ("com", "co.uk", "com.co"). */
  suffix: string;
  /** The label left of the suffix ("contoso"); "" when the host is itself a suffix or a single label. */
  label: string;
  /** label + "." + suffix ("contoso.co.uk"); "" when there is no label. */
  registrable: string;
  /** What is left of the registrable domain ("mail.eu" of "mail.eu.contoso.com"); "" when nothing. */
  subdomain: string;
}

const RULE = 1;
const WILDCARD = 2;
const EXCEPTION = 3;
let rules: Record<string, number> | null = null;

function table(): Record<string, number> {
  if (rules) return rules;
  const t: Record<string, number> = Object.create(null);
  for (const group of SECOND_LEVEL_SUFFIXES.split(";")) {
    const colon = group.indexOf(":");
    const tld = group.slice(0, colon);
    for (const label of group.slice(colon + 1).split(",")) {
      if (label === "*") t["*." + tld] = WILDCARD;
      else if (label.charAt(0) === "!") t[label.slice(1) + "." + tld] = EXCEPTION;
      else t[label + "." + tld] = RULE;
    }
  }
  rules = t;
  return t;
}

/** How many labels of `labels` (a host split at dots, at least two) the public suffix takes: 1 or 2. */
function suffixLabels(labels: string[]): number {
  const t = table();
  const tld = labels[labels.length - 1] as string;
  const two = labels[labels.length - 2] + "." + tld;
  const rule = t[two];
  if (rule === RULE) return 2;
  if (rule === EXCEPTION) return 1;
  return t["*." + tld] === WILDCARD ? 2 : 1;
}

/** Splits a normalized host name (see normalizeDomain) into subdomain, label and public suffix. */
export function splitDomain(host: string): DomainParts {
  const labels = host.split(".");
  if (labels.length < 2 || labels.some((l) => l === "")) return { host, suffix: host, label: "", registrable: "", subdomain: "" };
  const n = suffixLabels(labels);
  const suffix = labels.slice(labels.length - n).join(".");
  if (labels.length <= n) return { host, suffix, label: "", registrable: "", subdomain: "" };
  const label = labels[labels.length - n - 1] as string;
  return { host, suffix, label, registrable: label + "." + suffix, subdomain: labels.slice(0, labels.length - n - 1).join(".") };
}

/** The registrable domain of a normalized host, or the host itself when it has none (a bare suffix or one label). */
export function registrableDomain(host: string): string {
  return splitDomain(host).registrable || host;
}

/**
 * The registrable domain of `ascii` (a host as written, xn-- labels kept) given its decoded form's registrable domain:
 * the same number of labels from the right. Shown wherever a domain is displayed, so that a homoglyph is seen as such.
 */
export function asciiRegistrable(ascii: string, registrable: string): string {
  if (!registrable) return ascii;
  return ascii.split(".").slice(-registrable.split(".").length).join(".");
}
