/**
 * The policy as the engine uses it: validated, defaults filled in, JSON-serialisable (it is baked into
 * launchevent.js at build time, so the send handler never parses YAML). The YAML file compliance staff
 * edit maps onto this shape key for key; see docs/policy.md and assets/policy/policy.schema.json.
 */
import type { Action, AnyDetectorId, Confidence } from "../types";
import type { PolicyGroupName } from "../registry";

export type { SignalId } from "../types";

/**
 * Whom a rule's items must go to: any; external (at least one external recipient); internal-only; personal (at least
 * one consumer mailbox, ../recipients/recipient-class.ts); mixed-organizations (two or more external organizations);
 * first-time (at least one external address this mailbox has never written to).
 */
export type RecipientScope = "any" | "external" | "internal-only" | "personal" | "mixed-organizations" | "first-time";
export type Where = "body" | "attachment" | "subject";

/** What a rule, an allowlist entry or a setting may name: a built-in or custom detector id, a group, or "*". */
export type DetectorRef = AnyDetectorId | PolicyGroupName | "*";

export interface DetectorSettings {
  enabled: boolean;
  /** Findings below this confidence are dropped before rules see them. */
  minConfidence: Confidence;
  keywords: { add: string[]; remove: string[] };
  /** Characters either side of a match searched for keywords (Purview uses 300). */
  window: number;
}

export interface CustomPattern {
  id: string;
  description?: string;
  /**
   * A regular expression in `u`-mode syntax (plus `flags`), run on the linear-time engine (../linear-regex.ts); refused
   * if that engine cannot run it (backreferences, lookaround, `\p{…}`, over 2,000 instructions).
   */
  pattern: string;
  /**
   * After compilation (loadPolicy): the COMPLETE flag string, always containing "u", possibly "i"/"m", never "g"/"y"
   * (e.g. "u", "iu"). The scanner passes "i" and "m" on to the linear-time engine (../custom-pattern.ts).
   */
  flags?: string;
  /** A built-in validator id run on the match's digits/letters (e.g. "luhn", "mod97", "verhoeff"). */
  checksum?: string;
  keywords: string[];
  /** Confidence of a match with no keyword nearby; a keyword raises it one step. */
  confidence: Confidence;
  examples: { match: string[]; noMatch: string[] };
}

export interface RuleCondition {
  /**
   * Detector ids, signal ids, custom pattern ids or group names (`identifiers`, `customer-lists`, … see
   * ../registry.ts); "*" is the old spelling of `identifiers`.
   */
  detectors: DetectorRef[];
  minCount: number;
  minConfidence: Confidence;
  recipients: RecipientScope;
  where: Where[];
}

export interface Rule {
  id: string;
  description?: string;
  when: RuleCondition;
  action: Action;
  /** i18n message id for the "what to do" line (see src/i18n/messages/en.ts, `advice`). */
  message: string;
  /** A warn rule whose message is sent only with a reason (code and optional text, see src/pipeline/justification.ts). */
  requireReason?: true;
}

export interface AllowedValue { detector: AnyDetectorId | "*"; value: string; reason: string }
/** An exception for one sender (lower-case address after compilation), for some detectors or all ("*"). */
export interface AllowedSender { address: string; reason: string; detectors?: DetectorRef[] }
/** Recipients in this domain (or its subdomains) count as internal for these detectors (all when absent or "*"). */
export interface AllowedDomain { domain: string; reason: string; detectors?: DetectorRef[] }
/** A real domain that looks like a reference domain (a partner's contoso.co beside our contoso.com): never a lookalike. */
export interface AllowedLookalike { domain: string; reason: string }

/** The recipient checks' settings (docs/policy.md "recipients"). */
export interface RecipientSettings {
  /** Consumer mailbox domains added to and removed from the built-in list (../recipients/personal-domains.ts). */
  personalDomains: { add: string[]; remove: string[] };
  /** The first-time recipient history (salted hashes on the client, ../recipients/recipient-history.ts). */
  firstTime: {
    enabled: boolean;
    /** Addresses remembered (least recently used go first); 8 characters each in roamingSettings. */
    maxEntries: number;
    /** Days a new history only learns (reports no first-time recipient). */
    learningDays: number;
  };
}

export interface Policy {
  version: 1;
  organization: {
    name: string;
    /** Lower-case domains that count as internal (subdomains included). */
    internalDomains: string[];
    /**
     * Known partners' domains (lower case): references of the lookalike check, external for every other purpose.
     * Absent in a policy.json compiled by an older build: none.
     */
    partnerDomains?: string[];
  };
  /** The company policy the warning cites. `title.en` is required; other locales fall back to it. */
  citation: { title: Record<string, string>; url?: string };
  /**
   * Settings per built-in text detector id. The compiler writes every id it knows; a detector missing here (a
   * policy.json compiled by an older build) gets the defaults.
   */
  detectors: Partial<Record<AnyDetectorId, DetectorSettings>>;
  thresholds: {
    /** email-list fires at this many distinct external addresses in one text (default 10). */
    emailList: number;
    /** visible-external-recipients fires at this many external addresses in To+Cc (default 10). */
    visibleExternalRecipients: number;
    /**
     * With a customer set: email-list fires at this many distinct known customers' addresses in one text instead
     * (default 3). Absent in a policy.json compiled by an older build: the default applies.
     */
    customerList?: number;
  };
  /**
   * The tenant's customer set (docs/customers.md), when it uses one: in the policy YAML the set file built by `dlp
   * customers build`, relative to the policy file; in the compiled policy a tenant build ships, the file's name beside
   * policy.json. The set itself is data passed to the scanner (createScanner(policy, { customers })); when the policy
   * names one and none is loaded, texts with addresses are reported unscanned (src/pipeline/check-message.ts).
   */
  customers?: { set: string };
  customPatterns: CustomPattern[];
  rules: Rule[];
  allowlists: {
    values: AllowedValue[];
    senders: AllowedSender[];
    recipientDomains: AllowedDomain[];
    /** Real domains that look alike (absent in a policy.json compiled by an older build: none). */
    lookalikeDomains?: AllowedLookalike[];
  };
  /** Recipient checks; absent in a policy.json compiled by an older build: the defaults (schema.ts). */
  recipients?: RecipientSettings;
  /**
   * Pictures and recordings (no text to check, src/extract/media.ts): `ignore` (the default: a screenshot never warns)
   * or `warn` (each counts like a part that could not be checked, under the implicit rule "on-no-text"). Absent in a
   * policy.json compiled by an older build: `ignore`.
   */
  attachments?: { images: "ignore" | "warn" };
  /**
   * Hosts whose links are `linked-file` findings: domains (subdomains included), optionally with a path prefix
   * ("teams.microsoft.com/l/file"). Compiled: the list with `add` and `remove` applied, lower-case. Absent in a
   * policy.json compiled by an older build: the default list (signals/linked-file.ts DEFAULT_LINK_HOSTS).
   */
  links?: { hosts: string[] };
  /**
   * Where the task pane's reports go ("This is not sensitive", "I may have sent customer data by mistake",
   * src/pipeline/compliance-mail.ts): the compliance mailbox (lower-case after compilation) and an optional subject
   * prefix. Absent: the pane offers no report.
   */
  compliance?: { address: string; subjectPrefix?: string };
  /** What happens when an attachment could not be read, the time budget ran out or an Office call failed. */
  onUnscanned: Exclude<Action, "allow">;
  /** Total time the send handler may spend before it applies onUnscanned (default 4000 ms). */
  timeBudgetMs: number;
}
