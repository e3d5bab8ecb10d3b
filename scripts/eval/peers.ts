/**
 * The npm PII libraries on the same corpus, in the same run, judged on the categories they share with us:
 *   @coffeeandfun/remove-pii `detectPII` (positions as it reports them): creditCard → payment-card, ssn → us-ssn,
 *     bankAccount → iban, email → email-address;
 *   @redactpii/node `Redactor` (one instance per rule, default non-aggressive mode, no API key so nothing leaves the
 *     machine): CREDIT_CARD → payment-card, SSN → us-ssn, EMAIL → email-address. `redact()` returns text only, so the
 *     spans are taken by running each instance's own active rule patterns with String.prototype.replace, exactly as its
 *     redact() applies them (one rule per instance, so no rule sees another's replacement).
 */
import type { Finder, Found } from "./score";

export interface Peer {
  name: string;
  find: Finder;
  /** Our detector ids it is judged on, with their group. */
  groups: Record<string, string>;
}

const GROUPS: Record<string, string> = { "payment-card": "identifier", "us-ssn": "identifier", iban: "identifier", "email-address": "email" };

export async function loadPeers(): Promise<Peer[]> {
  const peers: Peer[] = [];
  const rp = (await import("@coffeeandfun/remove-pii")) as unknown as {
    detectPII: (t: string) => { detectedItems: Array<{ type: string; positions: Array<{ start: number; end: number }> }> };
  };
  const RP: Record<string, string> = { creditCard: "payment-card", ssn: "us-ssn", bankAccount: "iban", email: "email-address" };
  peers.push({
    name: "@coffeeandfun/remove-pii",
    groups: GROUPS,
    find(text) {
      const out: Found[] = [];
      for (const item of rp.detectPII(text).detectedItems) {
        const id = RP[item.type];
        if (!id) continue;
        for (const p of item.positions) out.push({ detector: id, start: p.start, end: p.end });
      }
      return out;
    },
  });
  const rd = (await import("@redactpii/node")) as unknown as {
    Redactor: new (o: { rules: Record<string, boolean> }) => { activeRules: Array<{ pattern: RegExp; name: string }> };
  };
  const RD: Array<[string, string]> = [
    ["CREDIT_CARD", "payment-card"],
    ["SSN", "us-ssn"],
    ["EMAIL", "email-address"],
  ];
  const rules = RD.map(([rule, id]) => {
    const r = new rd.Redactor({ rules: { [rule]: true } });
    return { id, patterns: r.activeRules.map((a) => new RegExp(a.pattern.source, a.pattern.flags)) };
  });
  peers.push({
    name: "@redactpii/node",
    groups: { "payment-card": "identifier", "us-ssn": "identifier", "email-address": "email" },
    find(text) {
      const out: Found[] = [];
      for (const r of rules) {
        for (const re of r.patterns) {
          text.replace(re, (m: string, ...args: unknown[]) => {
            const offset = args[args.length - 2] as number;
            out.push({ detector: r.id, start: offset, end: offset + m.length });
            return m;
          });
        }
      }
      return out;
    },
  });
  return peers;
}
