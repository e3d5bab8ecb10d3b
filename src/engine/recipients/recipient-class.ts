/**
 * Recipient classes: "internal" (the organization's own domains, or the sender's own domain when it is not a consumer
 * mailbox domain), "personal" (a consumer mailbox: gmail.com, azet.sk, online.no…, see personal-domains.ts) and
 * "external" (any other organization). Rules name "personal" in `recipients:` (../policy/decide.ts).
 *
 * - Outlook's recipientType "externalUser" overrides an internal-looking domain (Exchange knows better); "user" is not
 *   taken as proof of internal (several clients report it for any resolved address).
 * - A recipient without a readable domain is "external": what could not be read counts as outside (fail closed).
 * - A sender writing from a consumer mailbox (jane@gmail.com) does not make other gmail.com users internal.
 * - An internal domain that is also a consumer domain (the mail provider's own staff) stays internal.
 */
import type { RecipientType } from "../types";
import { domainOfAddress, inDomain, normalizeDomain } from "./domain";

export type RecipientClass = "internal" | "personal" | "external";

/** A set of consumer mailbox domains; a subdomain of a listed domain is in the set. */
export class PersonalDomains {
  private readonly set: Record<string, true> = Object.create(null);

  constructor(domains: readonly string[]) {
    for (const d of domains) {
      const host = normalizeDomain(d).unicode;
      if (host) this.set[host] = true;
    }
  }

  /** `host` is normalized (see normalizeDomain). */
  has(host: string): boolean {
    let h = host;
    for (;;) {
      if (this.set[h]) return true;
      const dot = h.indexOf(".");
      if (dot < 0) return false;
      h = h.slice(dot + 1);
    }
  }
}

export interface ClassifyContext {
  /** Lower-case internal domains (subdomains included). */
  internalDomains: readonly string[];
  /** The sender's domain, normalized; "" when unknown. */
  senderDomain: string;
  personal: PersonalDomains;
}

export function classifyDomain(host: string, ctx: ClassifyContext, recipientType?: RecipientType): RecipientClass {
  if (!host) return "external";
  const personal = ctx.personal.has(host);
  const internal =
    ctx.internalDomains.some((d) => inDomain(host, d)) || (!!ctx.senderDomain && host === ctx.senderDomain && !ctx.personal.has(ctx.senderDomain));
  if (internal && recipientType !== "externalUser") return "internal";
  return personal ? "personal" : "external";
}

export function recipientClass(recipient: { email: string; recipientType?: RecipientType }, ctx: ClassifyContext): RecipientClass {
  return classifyDomain(normalizeDomain(domainOfAddress(recipient.email || "")).unicode, ctx, recipient.recipientType);
}
