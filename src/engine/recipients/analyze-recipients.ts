/**
 * The recipient signals of one message, for the decision (../policy/recipient-facts.ts wires them into decide): which recipients are at a
 * domain that looks like a reference domain (with the domain they probably meant), which are consumer mailboxes, how
 * many external organizations the message reaches, and which external recipients the sender has never written to.
 *
 * Pure and fast: one RecipientAnalyzer per policy holds the prepared references; a call classifies each address once,
 * compares each distinct domain once, and returns indexes into the recipients it was given plus masked addresses —
 * never a raw address, so the signals can go into contextData, logs and the CLI's output as they are.
 */
import { maskEmail } from "../mask";
import type { Recipient } from "../types";
import { domainOfAddress, localPartOfAddress, normalizeDomain } from "./domain";
import { countOrganizations, type ExternalOrganizations, type OrganizationEntry } from "./external-organizations";
import { LookalikeMatcher, type LookalikeMatch, type LookalikeReason, type ReferenceDomain, type ReferenceKind } from "./lookalike-domain";
import { asciiRegistrable, registrableDomain } from "./public-suffix";
import { defaultPersonalDomains } from "./personal-domains";
import { PersonalDomains, classifyDomain, type RecipientClass } from "./recipient-class";
import type { RecipientHistory } from "./recipient-history";

export interface RecipientPolicyInputs {
  /** The organization's domains (subdomains included). */
  internalDomains: readonly string[];
  /** Known partners' domains: references for the lookalike check. */
  partnerDomains?: readonly string[];
  /** Real domains that look like a reference and must not be reported (lookalike allowlist). */
  lookalikeAllow?: readonly string[];
  /** Consumer mailbox domains; the default list (personal-domains.ts) when absent. */
  personalDomains?: readonly string[];
  /** Also compare with the consumer domains (gmial.com → gmail.com); default true. */
  lookalikeOfPersonal?: boolean;
}

export interface FirstTimeInputs {
  /** undefined: no history on this client (the check reports nothing). */
  history: RecipientHistory | undefined;
  /** Date.now() of the send. */
  now: number;
  /** Days a new history only learns (reports nothing). */
  learningDays: number;
}

/** One recipient, by its index in the list analyzed, without its address. */
export interface RecipientRef {
  index: number;
  field: Recipient["field"];
  /** "j***@fabrikam.no" */
  masked: string;
  /** The recipient's domain, lower case, as written (xn-- kept). */
  domain: string;
}

export interface LookalikeRecipient extends RecipientRef {
  resembles: string;
  kind: ReferenceKind;
  reason: LookalikeReason;
  distance: number;
  /** The domain to put instead of `domain` (one-click fix). */
  suggestedDomain: string;
  /** The suggested address, masked: "j***@contoso.com" (the dialog's "Did you mean …"). */
  suggestion: string;
  scripts?: string[];
}

export type FirstTimeCheck = "checked" | "learning" | "unavailable";

export interface RecipientSignals {
  /** The class of every recipient given, by index (duplicates included). */
  classes: RecipientClass[];
  lookalikes: LookalikeRecipient[];
  personal: RecipientRef[];
  externalOrganizations: ExternalOrganizations;
  /** External and personal recipients not in the history (empty unless firstTimeCheck is "checked"). */
  firstTime: RecipientRef[];
  firstTimeCheck: FirstTimeCheck;
}

/** The address with its domain replaced (the task pane's one-click fix); the local part is kept as it is. */
export function replacementAddress(address: string, suggestedDomain: string): string {
  return localPartOfAddress(address.trim()) + "@" + suggestedDomain;
}

const MAX_SENDER_MATCHERS = 4;

export class RecipientAnalyzer {
  private readonly internalDomains: string[];
  private readonly personal: PersonalDomains;
  private readonly references: ReferenceDomain[];
  private readonly allow: readonly string[];
  private readonly matchers = new Map<string, LookalikeMatcher>();

  constructor(policy: RecipientPolicyInputs) {
    this.internalDomains = policy.internalDomains.map((d) => normalizeDomain(d).unicode).filter((d) => d.length > 0);
    const personalDomains = policy.personalDomains || defaultPersonalDomains();
    this.personal = new PersonalDomains(personalDomains);
    const refs: ReferenceDomain[] = this.internalDomains.map((domain): ReferenceDomain => ({ domain, kind: "internal" }));
    for (const domain of policy.partnerDomains || []) refs.push({ domain, kind: "partner" });
    if (policy.lookalikeOfPersonal !== false) for (const domain of personalDomains) refs.push({ domain, kind: "personal" });
    this.references = refs;
    this.allow = policy.lookalikeAllow || [];
  }

  /** Is `domain` (or a parent of it) a consumer mailbox domain of this policy? */
  isPersonalDomain(domain: string): boolean {
    return this.personal.has(normalizeDomain(domain).unicode);
  }

  /** The matcher for this sender: the policy's references, plus the sender's own domain when it is none of them. */
  private matcher(senderDomain: string): LookalikeMatcher {
    const extra = senderDomain && !this.personal.has(senderDomain) && !this.internalDomains.some((d) => d === senderDomain) ? senderDomain : "";
    let m = this.matchers.get(extra);
    if (!m) {
      const refs = extra ? this.references.concat([{ domain: extra, kind: "sender" }]) : this.references;
      m = new LookalikeMatcher(refs, { allow: this.allow });
      if (this.matchers.size >= MAX_SENDER_MATCHERS) this.matchers.clear();
      this.matchers.set(extra, m);
    }
    return m;
  }

  analyze(recipients: readonly Recipient[], from: string | undefined, firstTime?: FirstTimeInputs): RecipientSignals {
    const senderDomain = normalizeDomain(domainOfAddress(from || "")).unicode;
    const ctx = { internalDomains: this.internalDomains, senderDomain, personal: this.personal };
    const matcher = this.matcher(senderDomain);
    const history = firstTime && firstTime.history;
    const firstTimeCheck: FirstTimeCheck = !firstTime || !history ? "unavailable" : history.isLearning(firstTime.now, firstTime.learningDays) ? "learning" : "checked";

    // Each domain is classified, split and compared once.
    const domains = new Map<string, DomainInfo>();
    const infoOf = (raw: string): DomainInfo => {
      let info = domains.get(raw);
      if (!info) {
        const norm = normalizeDomain(raw);
        const host = norm.unicode;
        const registrable = host ? asciiRegistrable(norm.ascii, registrableDomain(host)) : "";
        info = { host, ascii: norm.ascii, cls: classifyDomain(host, ctx), registrable, match: undefined };
        domains.set(raw, info);
      }
      return info;
    };

    const classes: RecipientClass[] = [];
    const infos: DomainInfo[] = [];
    /** The address as historyKey() gives it (lower case, domain decoded); "" when there is none. */
    const keys: string[] = [];
    // One entry per distinct address (a recipient in To and in Bcc is the visible one).
    const unique: number[] = [];
    const byAddress = new Map<string, number>();
    for (let i = 0; i < recipients.length; i++) {
      const r = recipients[i] as Recipient;
      const email = (r.email || "").trim();
      const info = infoOf(domainOfAddress(email));
      infos.push(info);
      classes.push(info.cls === "internal" && r.recipientType === "externalUser" ? classifyDomain(info.host, ctx, r.recipientType) : info.cls);
      const address = email ? localPartOfAddress(email).toLowerCase() + "@" + info.host : "";
      keys.push(address);
      const key = address || "#" + i;
      const at = byAddress.get(key);
      if (at === undefined) {
        byAddress.set(key, unique.length);
        unique.push(i);
      } else if ((recipients[unique[at] as number] as Recipient).field === "bcc" && r.field !== "bcc") {
        unique[at] = i;
      }
    }

    const lookalikes: LookalikeRecipient[] = [];
    const personal: RecipientRef[] = [];
    const first: RecipientRef[] = [];
    const orgEntries: OrganizationEntry[] = [];
    for (const i of unique) {
      const r = recipients[i] as Recipient;
      const cls = classes[i] as RecipientClass;
      if (cls === "internal") continue;
      const info = infos[i] as DomainInfo;
      const email = (r.email || "").trim();
      const ref = (): RecipientRef => ({ index: i, field: r.field, masked: maskEmail(email), domain: info.ascii });
      const address = keys[i] as string;
      orgEntries.push({ cls, host: info.host, registrable: info.registrable, address });
      if (cls === "personal") personal.push(ref());
      if (info.host) {
        if (info.match === undefined) info.match = matcher.match(info.host) || null;
        const m = info.match;
        if (m) {
          const hit: LookalikeRecipient = {
            ...ref(),
            resembles: m.resembles,
            kind: m.kind,
            reason: m.reason,
            distance: m.distance,
            suggestedDomain: m.suggestedDomain,
            suggestion: maskEmail(replacementAddress(email, m.suggestedDomain)),
          };
          if (m.scripts) hit.scripts = m.scripts;
          lookalikes.push(hit);
        }
      }
      if (firstTimeCheck === "checked" && email.indexOf("@") > 0 && !(history as RecipientHistory).hasKey(address)) first.push(ref());
    }

    return {
      classes,
      lookalikes,
      personal,
      externalOrganizations: countOrganizations(orgEntries),
      firstTime: first,
      firstTimeCheck,
    };
  }
}

interface DomainInfo {
  host: string;
  ascii: string;
  /** The class by domain alone (recipientType may still make an internal one external). */
  cls: RecipientClass;
  /** The registrable domain as written (xn-- labels kept). */
  registrable: string;
  /** undefined: not compared yet; null: no match. */
  match: LookalikeMatch | null | undefined;
}

/** One-off form of RecipientAnalyzer. */
export function analyzeRecipients(recipients: readonly Recipient[], from: string | undefined, policy: RecipientPolicyInputs, firstTime?: FirstTimeInputs): RecipientSignals {
  return new RecipientAnalyzer(policy).analyze(recipients, from, firstTime);
}
