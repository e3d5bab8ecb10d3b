/**
 * The recipient half of the decision: the policy's recipient settings turned into one RecipientAnalyzer (cached per
 * policy object, so the references are prepared once per policy, not once per send), and the facts it gives about a
 * message's recipients. decide.ts turns the facts into items (`lookalike-domain`, `mixed-organizations`,
 * `first-time-recipient`) and into the scopes `recipients: personal | mixed-organizations | first-time`.
 *
 * - References of the lookalike check: internal domains, `organization.partnerDomains`, the sender's own domain and the
 *   consumer mailbox domains; `allowlists.lookalikeDomains` are never reported.
 * - Consumer mailbox domains: the built-in list (../recipients/personal-domains.ts) with `recipients.personalDomains`
 *   add and remove applied.
 * - A policy.json compiled by an older build has none of these keys: no partners, no allowlist, the built-in list.
 */
import { RecipientAnalyzer, type RecipientSignals } from "../recipients/analyze-recipients";
import { defaultPersonalDomains } from "../recipients/personal-domains";
import type { MessageInfo, RecipientFacts } from "../types";
import type { Policy } from "./types";

const analyzers = new WeakMap<Policy, RecipientAnalyzer>();

/**
 * The sender's domain when it stands for the sender's organisation, or "": a consumer mailbox domain (gmail.com) is
 * shared by strangers, so bob@gmail.com is not a colleague of jane@gmail.com.
 */
export function organisationDomainOf(senderDomain: string, policy: Policy): string {
  return senderDomain && !analyzerFor(policy).isPersonalDomain(senderDomain) ? senderDomain : "";
}

/** The consumer mailbox domains of a policy: the built-in list, plus `add`, minus `remove`. */
export function personalDomainsOf(policy: Policy): string[] {
  const change = policy.recipients && policy.recipients.personalDomains;
  const list = defaultPersonalDomains();
  if (!change) return list;
  const removed: Record<string, true> = {};
  for (const d of change.remove) removed[d.toLowerCase()] = true;
  const out = list.filter((d) => !removed[d]);
  for (const d of change.add) if (out.indexOf(d.toLowerCase()) < 0) out.push(d.toLowerCase());
  return out;
}

export function analyzerFor(policy: Policy): RecipientAnalyzer {
  let a = analyzers.get(policy);
  if (!a) {
    a = new RecipientAnalyzer({
      internalDomains: policy.organization.internalDomains,
      partnerDomains: policy.organization.partnerDomains || [],
      lookalikeAllow: (policy.allowlists.lookalikeDomains || []).map((x) => x.domain),
      personalDomains: personalDomainsOf(policy),
    });
    analyzers.set(policy, a);
  }
  return a;
}

/** Is the first-time history in use under this policy (default: yes)? */
export function firstTimeEnabled(policy: Policy): boolean {
  return !policy.recipients || policy.recipients.firstTime.enabled;
}

/** The analysis of the message's recipients (indexes into `message.recipients`). */
export function analyzeMessageRecipients(message: MessageInfo, policy: Policy): RecipientSignals {
  const firstTime = firstTimeEnabled(policy) ? message.firstTime : undefined;
  return analyzerFor(policy).analyze(message.recipients, message.from, firstTime);
}

/** The facts a decision carries, or undefined when there is nothing to say. */
export function factsOf(s: RecipientSignals): RecipientFacts | undefined {
  const orgs = s.externalOrganizations;
  if (!s.lookalikes.length && !s.personal.length && !s.firstTime.length && orgs.count < 2) return undefined;
  return {
    lookalikes: s.lookalikes,
    personal: s.personal,
    organizations: orgs.count,
    organizationDomains: orgs.domains,
    firstTime: s.firstTime,
    firstTimeCheck: s.firstTimeCheck,
  };
}
