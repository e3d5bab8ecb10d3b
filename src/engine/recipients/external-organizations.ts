/**
 * How many external organizations a message goes to (the `mixed-organizations` signal: identifiers or a customer list
 * seen by two organizations means one customer may see another's data). An organization is a registrable domain
 * (public suffix + one label: sales.fabrikam.no and fabrikam.no are one); every consumer mailbox is its own
 * organization (two gmail.com addresses are two people); every external recipient without a readable domain is its
 * own as well (fail closed). Internal recipients do not count. Subsidiaries under different registrable domains
 * (fabrikam.no, fabrikam.fi) count as two: nothing on the client tells that they belong together.
 */
import { domainOfAddress, localPartOfAddress, normalizeDomain } from "./domain";
import { asciiRegistrable, registrableDomain } from "./public-suffix";
import type { RecipientClass } from "./recipient-class";

export interface ClassifiedAddress {
  email: string;
  cls: RecipientClass;
}

export interface ExternalOrganizations {
  count: number;
  /** The registrable domains of the external (not consumer) organizations, sorted, xn-- labels kept: safe to show. */
  domains: string[];
  /** How many of the organizations are individual consumer mailboxes. */
  personal: number;
}

/**
 * One recipient as the count needs it: `host` normalized ("" when unreadable), `registrable` its registrable domain in
 * the form to show (xn-- labels kept), `address` the lower-case address.
 */
export interface OrganizationEntry {
  cls: RecipientClass;
  host: string;
  registrable: string;
  address: string;
}

/** The count over recipients already normalized (RecipientAnalyzer's path: each domain split once). */
export function countOrganizations(entries: readonly OrganizationEntry[]): ExternalOrganizations {
  const keys = new Set<string>();
  const domains: string[] = [];
  let personal = 0;
  let unreadable = 0;
  for (const e of entries) {
    if (e.cls === "internal") continue;
    if (!e.host) {
      unreadable++;
      continue;
    }
    const key = e.cls === "personal" ? "@" + e.address : e.registrable || e.host;
    if (keys.has(key)) continue;
    keys.add(key);
    if (e.cls === "personal") personal++;
    else domains.push(key);
  }
  return { count: domains.length + personal + unreadable, domains: domains.sort(), personal };
}

export function externalOrganizations(recipients: readonly ClassifiedAddress[]): ExternalOrganizations {
  return countOrganizations(
    recipients.map((r) => {
      const email = (r.email || "").trim();
      const norm = normalizeDomain(domainOfAddress(email));
      const host = norm.unicode;
      return { cls: r.cls, host, registrable: host ? asciiRegistrable(norm.ascii, registrableDomain(host)) : "", address: localPartOfAddress(email).toLowerCase() + "@" + host };
    }),
  );
}
