/**
 * The policy file's schema: every key compliance staff may write, its type, range and default. Source of both the
 * validator (./load.ts) and the published JSON Schema (assets/policy/policy.schema.json, regenerated with
 * `dlp schema > assets/policy/policy.schema.json`; schema.test.ts fails when the two differ).
 */
import { toJsonSchema, type ObjectSpec, type Spec } from "./spec";
import { ACTIONS, ADVICE_IDS, BUILTIN_DETECTOR_IDS, CHECKSUM_IDS, CONFIDENCES, IMAGE_POLICIES, POLICY_GROUP_NAMES, RECIPIENT_SCOPES, SIGNAL_IDS, WHERES } from "./ids";
import { DEFAULT_LINK_HOSTS } from "../signals/linked-file";

export const POLICY_SCHEMA_ID = "https://think-first.example/policy.schema.json";

const KEBAB = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
const DOMAIN = "^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}$";
const ADDRESS = "^[^\\s@]+@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}$";
/** A domain for the recipient checks: ASCII, internationalized labels in their xn-- form (xn--pypal-4ve.com). */
const DOMAIN_IDN = "^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+([A-Za-z]{2,}|xn--[A-Za-z0-9-]+)$";
const domainList = (description: string): Spec => ({
  type: "array",
  items: { type: "string", pattern: DOMAIN_IDN, patternHint: "a domain like example.com (internationalized domains in their xn-- form)" },
  default: [],
  description,
});
const LOCALE = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
/** A link host entry: a domain, optionally followed by a path prefix ("teams.microsoft.com/l/file"). */
const LINK_HOST = "^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+([A-Za-z]{2,}|xn--[A-Za-z0-9-]+)(/[^\\s?#]*)?$";
const linkHosts = (description: string, dflt: readonly string[]): Spec => ({
  type: "array",
  items: { type: "string", pattern: LINK_HOST, patternHint: "a host like dropbox.com (optionally with a path prefix, like teams.microsoft.com/l/file)" },
  default: dflt.slice(),
  description,
});

const confidence = (description: string, dflt: string): Spec => ({ type: "string", enum: CONFIDENCES, default: dflt, description });
const words = (description: string): Spec => ({ type: "array", items: { type: "string", minLength: 1 }, default: [], description });
const reason: Spec = { type: "string", required: true, minLength: 1, description: "Why this exception exists (who approved it, ticket number). Required." };
const detectorRef = (extra: readonly string[], description: string): Spec => ({
  type: "string",
  pattern: `^(\\*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$`,
  patternHint: "a detector id",
  suggest: (BUILTIN_DETECTOR_IDS as readonly string[]).concat(extra),
  description,
});
const detectorScope: Spec = {
  type: "array",
  items: detectorRef((SIGNAL_IDS as readonly string[]).concat(POLICY_GROUP_NAMES, "*"), "A detector or signal id, a group (identifiers, customer-lists, …), or * for all."),
  default: ["*"],
  description: "The detectors this exception applies to (default: all).",
};

export const DETECTOR_SETTINGS_SPEC: ObjectSpec = {
  type: "object",
  description: "Settings of one built-in detector.",
  properties: {
    enabled: { type: "boolean", default: true, description: "false turns the detector off." },
    minConfidence: confidence("Findings below this confidence are ignored (low: pattern only; medium: checksum ok; high: checksum and a keyword nearby).", "low"),
    keywords: {
      type: "object",
      default: { add: [], remove: [] },
      description: "Change the words that raise confidence when found near a match.",
      properties: {
        add: words("Extra keywords (any language; matched lower-cased, without diacritics)."),
        remove: words("Built-in keywords to drop."),
      },
    },
    window: { type: "integer", minimum: 0, maximum: 2000, default: 300, description: "Characters searched for keywords on each side of a match (Purview uses 300)." },
  },
};

export const RULE_SPEC: ObjectSpec = {
  type: "object",
  description: "When the condition holds, the message gets this action. The strictest matching rule wins.",
  properties: {
    id: { type: "string", required: true, pattern: KEBAB, patternHint: "a kebab-case id (like block-cards-external)", description: "Unique kebab-case id, shown in the CLI and the task pane." },
    description: { type: "string", description: "What the rule is for." },
    when: {
      type: "object",
      required: true,
      description: "The condition.",
      properties: {
        detectors: {
          type: "array",
          minItems: 1,
          items: detectorRef((SIGNAL_IDS as readonly string[]).concat(POLICY_GROUP_NAMES), "A group (identifiers, customer-lists, …), a built-in or custom detector id, or a signal."),
          default: ["identifiers"],
          description: `Groups (${POLICY_GROUP_NAMES.join(", ")}: every member is enforced, including detectors added later), detector ids, custom pattern ids or signals (${SIGNAL_IDS.join(", ")}). * is the old spelling of identifiers.`,
        },
        minCount: { type: "integer", minimum: 1, default: 1, description: "Fires when at least this many findings (addresses for email-list, recipients for visible-external-recipients) count." },
        minConfidence: confidence("Only findings at or above this confidence count.", "low"),
        recipients: { type: "string", enum: RECIPIENT_SCOPES, default: "any", description:
            "any: always; external: an external recipient gets the message; internal-only: every recipient is internal; personal: a consumer mailbox gets it; mixed-organizations: two or more external organizations do; first-time: an external address never written to does.",
        },
        where: { type: "array", minItems: 1, items: { type: "string", enum: WHERES }, default: ["body", "attachment", "subject"], description: "Parts of the message looked at." },
      },
    },
    action: { type: "string", required: true, enum: ACTIONS, description: "allow, warn (the user may Send Anyway) or block (the user must fix the message)." },
    message: { type: "string", required: true, enum: ADVICE_IDS, description: "The advice shown in the dialog's \"what to do\" line." },
    requireReason: {
      type: "boolean",
      default: false,
      description: "warn rules only: the message is sent only with a reason (a reason code and an optional short text, recorded in the X-ThinkFirst-Reason header; see docs/audit.md).",
    },
  },
};

export const CUSTOM_PATTERN_SPEC: ObjectSpec = {
  type: "object",
  description: "An identifier of your own, found by a regular expression.",
  properties: {
    id: { type: "string", required: true, pattern: KEBAB, patternHint: "a kebab-case id (like employee-id)", description: "Unique kebab-case id, used in rules like a built-in detector id." },
    description: { type: "string" },
    pattern: { type: "string", required: true, minLength: 1, description: "A JavaScript regular expression (u-mode syntax), run on a linear-time engine: no backreferences, lookaround or \\p{…}; matching time is linear in the text for every accepted pattern." },
    flags: { type: "string", pattern: "^[imu]*$", patternHint: "made of i (ignore case) and m (multi-line); u is always on", default: "", description: "Extra regular-expression flags: i and/or m (u is always on)." },
    checksum: { type: "string", enum: CHECKSUM_IDS, description: "A built-in check run on the match's digits and letters; matches that fail it are dropped." },
    keywords: words("Words that raise confidence one step when found near a match."),
    confidence: confidence("Confidence of a match with no keyword nearby.", "low"),
    examples: {
      type: "object",
      required: true,
      description: "Test cases, run by `dlp check-policy`: every `match` text must give a finding, no `noMatch` text may.",
      properties: {
        match: { type: "array", minItems: 1, items: { type: "string", minLength: 1 }, required: true, description: "Texts that must match." },
        noMatch: { type: "array", items: { type: "string" }, default: [], description: "Texts that must not match." },
      },
    },
  },
};

export const POLICY_SPEC: ObjectSpec = {
  type: "object",
  description: "Think First policy (see docs/policy.md).",
  properties: {
    $schema: { type: "string", description: "Path or URL of policy.schema.json, for editors." },
    version: { type: "const", value: 1, required: true, description: "Policy format version: 1." },
    organization: {
      type: "object",
      required: true,
      properties: {
        name: { type: "string", required: true, minLength: 1, description: "Your organisation's name." },
        internalDomains: {
          type: "array",
          minItems: 1,
          required: true,
          items: { type: "string", pattern: DOMAIN, patternHint: "a domain like example.com" },
          description: "Domains that count as internal (subdomains included).",
        },
        partnerDomains: domainList("Known partners' domains: external, and references of lookalike-domain."),
      },
    },
    citation: {
      type: "object",
      required: true,
      description: "The company policy the warning cites.",
      properties: {
        title: {
          type: "map",
          required: true,
          keyPattern: LOCALE,
          keyHint: "a language code like en, fi or nb",
          keySuggest: ["en", "sk", "nb", "fi", "hi", "ur"],
          requiredKeys: ["en"],
          values: { type: "string", minLength: 1 },
          description: "The policy's title per language; en is required, other languages fall back to it.",
        },
        url: { type: "string", format: "uri", description: "https link to the policy." },
      },
    },
    detectors: {
      type: "map",
      default: {},
      keyEnum: BUILTIN_DETECTOR_IDS,
      keyHint: "a built-in detector id (custom identifiers go in customPatterns)",
      keySuggest: BUILTIN_DETECTOR_IDS,
      values: DETECTOR_SETTINGS_SPEC,
      description: "Settings per built-in detector; detectors not listed keep their defaults.",
    },
    thresholds: {
      type: "object",
      default: { emailList: 10, visibleExternalRecipients: 10, customerList: 3 },
      properties: {
        emailList: { type: "integer", minimum: 2, default: 10, description: "email-list fires at this many distinct external addresses in one text." },
        visibleExternalRecipients: { type: "integer", minimum: 2, default: 10, description: "visible-external-recipients fires at this many external addresses in To and Cc together." },
        customerList: {
          type: "integer",
          minimum: 1,
          default: 3,
          description: "With a customer set (customers.set): email-list fires at this many distinct known customers' addresses in one text, and other addresses are not counted.",
        },
      },
    },
    customers: {
      type: "object",
      description: "The tenant's customer set: exact matches of its customers' addresses and numbers (docs/customers.md).",
      properties: {
        set: {
          type: "string",
          required: true,
          minLength: 1,
          description: "The set file built by `dlp customers build` (relative to this policy file); its key is the .key file beside it.",
        },
      },
    },
    customPatterns: { type: "array", items: CUSTOM_PATTERN_SPEC, default: [], description: "Identifiers of your own." },
    rules: { type: "array", items: RULE_SPEC, default: [], description: "The rules; the strictest one that matches decides." },
    allowlists: {
      type: "object",
      default: { values: [], senders: [], recipientDomains: [] },
      description: "Exceptions, each with a reason.",
      properties: {
        values: {
          type: "array",
          default: [],
          description: "Values never reported (e.g. the company's own IBAN).",
          items: {
            type: "object",
            properties: {
              detector: { ...detectorRef(["*"], "The detector id, or * for all (default)."), default: "*" },
              value: { type: "string", required: true, minLength: 1, description: "The value as written; separators and case are ignored." },
              reason,
            },
          },
        },
        senders: {
          type: "array",
          default: [],
          description: "Senders whose messages these detectors do not stop (e.g. payroll@ for iban).",
          items: { type: "object", properties: { address: { type: "string", required: true, pattern: ADDRESS, patternHint: "an e-mail address" }, detectors: detectorScope, reason } },
        },
        recipientDomains: {
          type: "array",
          default: [],
          description: "Recipient domains treated as internal for these detectors (e.g. your bank for iban).",
          items: { type: "object", properties: { domain: { type: "string", required: true, pattern: DOMAIN, patternHint: "a domain like example.com" }, detectors: detectorScope, reason } },
        },
        lookalikeDomains: {
          type: "array",
          default: [],
          description: "Real domains that look alike: never lookalike-domain.",
          items: {
            type: "object",
            properties: { domain: { type: "string", required: true, pattern: DOMAIN_IDN, patternHint: "a domain like example.com (internationalized domains in their xn-- form)" }, reason },
          },
        },
      },
    },
    recipients: {
      type: "object",
      default: { personalDomains: { add: [], remove: [] }, firstTime: { enabled: true, maxEntries: 2000, learningDays: 14 } },
      description: "Recipient checks (docs/recipients.md).",
      properties: {
        personalDomains: {
          type: "object",
          default: { add: [], remove: [] },
          description: "Changes to the built-in consumer mailbox domains (recipients: personal).",
          properties: {
            add: domainList("Domains added."),
            remove: domainList("Built-in domains taken off."),
          },
        },
        firstTime: {
          type: "object",
          default: { enabled: true, maxEntries: 2000, learningDays: 14 },
          description: "History of addresses written to (salted hashes, roamingSettings), for first-time-recipient.",
          properties: {
            enabled: { type: "boolean", default: true, description: "false: no history, no first-time-recipient." },
            maxEntries: {
              type: "integer",
              minimum: 100,
              maximum: 3000,
              default: 2000,
              description: "Addresses kept (least recently used go first); 8 characters each of roamingSettings' 32 KB.",
            },
            learningDays: { type: "integer", minimum: 0, maximum: 90, default: 14, description: "Days a new history only learns." },
          },
        },
      },
    },
    attachments: {
      type: "object",
      default: { images: "ignore" },
      description: "Attachments without text.",
      properties: {
        images: {
          type: "string",
          enum: IMAGE_POLICIES,
          default: "ignore",
          description:
            "Pictures and recordings (png, jpeg, gif, heic, webp, mp3, mp4…, recognised by content, also inside zips and attached mails) hold no text to check. ignore: they never warn (no Outlook runtime can read text in a picture); warn: each counts like a part that could not be checked (rule on-no-text, advice check-no-text). Inline pictures of a mail never count.",
        },
      },
    },
    links: {
      type: "object",
      default: { hosts: DEFAULT_LINK_HOSTS.slice(), add: [], remove: [] },
      description:
        "Files shared as links: cloud attachments and links to these hosts in the text are linked-file findings (group links), named by their host only. They are listed in the dialog when another rule fires; a rule naming links or linked-file acts on them alone.",
      properties: {
        hosts: linkHosts("File-sharing hosts (subdomains included; a path prefix narrows an entry). Replaces the built-in list; to extend it use add.", DEFAULT_LINK_HOSTS),
        add: linkHosts("Hosts added to the list (e.g. your own file server).", []),
        remove: linkHosts("Hosts taken off the list.", []),
      },
    },
    compliance: {
      type: "object",
      description: "The compliance team's mailbox: the task pane prepares reports to it (a false alarm, customer data sent by mistake) for the employee to send.",
      properties: {
        address: { type: "string", required: true, pattern: ADDRESS, patternHint: "an e-mail address", description: "The compliance mailbox, e.g. compliance@example.com." },
        subjectPrefix: { type: "string", minLength: 1, description: "Put before the subject of every report, e.g. [DLP] (at most 40 characters)." },
      },
    },
    onUnscanned: { type: "string", enum: ["warn", "block"], default: "warn", description: "What happens when something could not be checked (unreadable attachment, time budget exceeded, Office error)." },
    timeBudgetMs: { type: "integer", minimum: 500, maximum: 30000, default: 4000, description: "Milliseconds the send handler may spend before applying onUnscanned (Outlook shows \"taking longer than expected\" after 5000)." },
  },
};

/** The published JSON Schema document (assets/policy/policy.schema.json). */
export function policyJsonSchema(): Record<string, unknown> {
  return { $schema: "http://json-schema.org/draft-07/schema#", $id: POLICY_SCHEMA_ID, title: "Think First policy", ...toJsonSchema(POLICY_SPEC) };
}
