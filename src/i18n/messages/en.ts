/**
 * English: the source of truth for every string Think First shows. Other locales are typed against this object
 * (`satisfies Messages`), so a key added here fails the type check of every locale until it is translated.
 *
 * Conventions
 * - `{name}` is a placeholder filled by the renderer (src/i18n/format.ts). Every locale keeps exactly the placeholders
 *   of the English string (tested in src/i18n/locales.test.ts).
 * - Count-dependent strings are `plural({...})` with `{count}` inside; categories follow CLDR for the language.
 * - Dialog strings must stay short: the whole Outlook dialog is ≤ 500 characters, placeholders included.
 * - Keep strings free of raw identifiers; masked examples come from the Decision.
 */
import { plural, type DetectorNames, type Dir } from "./types";

export const en = {
  meta: {
    /** The language's own name, for language pickers. */
    name: "English",
    dir: "ltr" as Dir,
  },

  /** The Think First dialog shown by Outlook on Send (errorMessage / errorMessageMarkdown). */
  dialog: {
    heading: "Think First",
    intro: {
      block: "This message was not sent: it contains customer data that must not go out like this.",
      warn: "This message may contain customer data. Check it before you send.",
      unscanned: "Part of this message could not be checked for customer data.",
    },
    /** "{label}: {text}" — one line of the dialog; the label is bold in Markdown. */
    line: "{label}: {text}",
    foundLabel: "Found",
    whereLabel: "Where",
    whyLabel: "Why",
    whatLabel: "What to do",
    notCheckedLabel: "Not checked",
    /** A found item with its masked examples: "2 card numbers (**** 1111, **** 4444)". */
    withExamples: "{item} ({examples})",
    /** Joins list items: "2 card numbers, 1 IBAN". */
    listSeparator: ", ",
    /** More items than fit: "and 3 more". */
    /** Before "and N more" (English keeps the serial comma). */
    moreSeparator: ", ",
    more: plural({ one: "and {count} more", other: "and {count} more" }),
    /** How many addresses a customer e-mail list holds. */
    addresses: plural({ one: "{count} address", other: "{count} addresses" }),
    where: {
      body: "the body",
      subject: "the subject",
      attachment: "attachment “{name}”",
    },
    /** Cites the policy; {title} is its localized title (a link in Markdown). */
    why: "{title}: customers trust us to use their data only for the purpose they gave it.",
    /** Shorter form used when the dialog runs out of room. */
    whyShort: "{title}",
    /** Appended to a warning (the user can still send). */
    sendAnyway: "If you are sure it is allowed, choose Send Anyway.",
    /** A part that could not be read: "report.pdf (encrypted)". */
    unscannedItem: "{name} ({reason})",
    /** Files shared as links, listed when another rule fires: "Also linked: onedrive.live.com". */
    linkedLabel: "Also linked",
  },

  /** Why a part could not be scanned (Unscanned.reason). */
  unscannedReasons: {
    encrypted: "encrypted",
    "too-large": "too large",
    unsupported: "unsupported type",
    corrupt: "unreadable",
    limit: "over the scan limit",
    timeout: "out of time",
    unavailable: "not available",
    "no-text": "picture or media, no text",
  },

  /**
   * Display names of detectors and signals come from their own files (src/engine/registry.ts, `names`); a catalog may
   * override one here by id. `custom` names a policy's custom pattern: {id} is its id from the policy file.
   */
  detectors: {
    custom: {
      name: "Custom pattern {id}",
      count: plural({ one: "{count} match of {id}", other: "{count} matches of {id}" }),
    },
  } as DetectorNames,

  /** "What to do" lines, keyed by the message id a policy rule names (Rule.message). */
  advice: {
    "remove-or-mask": "Remove the numbers or mask them (keep only the last digits).",
    "move-to-bcc": "Move the external recipients to Bcc so they cannot see each other.",
    "dont-share-customer-list":
      "Don't send customer e-mail lists, even to a colleague: customers gave them to us for one purpose only.",
    "check-unscanned": "Check the parts that could not be read before you send.",
    "remove-attachment": "Remove the attachment, or share it only with people who need it.",
    "check-links": "Make sure the linked files may be shared with these recipients.",
    "check-no-text": "Pictures and recordings are not read: check that they show no customer data.",
    /** Used when a rule names an advice id this build does not know. */
    default: "Remove the customer data or share it only with people who need it.",
  },

  /** Short labels Outlook shows. */
  labels: {
    /** The dialog button that opens the task pane (≤ 20 characters). */
    cancelLabel: "Take Action",
    /** Add-in name (manifest DisplayName, dialog title). */
    addinName: "Think First",
  },

  /** Info-bar notifications on attachment/recipient changes (≤ 150 characters after filling). */
  notifications: {
    block: "Think First: {found}. This message will be stopped at Send. Fix it now.",
    warn: "Think First: {found}. Check it before you send.",
    unscanned: "Think First: {name} could not be checked ({reason}).",
    recipients: plural({
      one: "Think First: {count} external recipient can see the others. Move them to Bcc.",
      other: "Think First: {count} external recipients can see each other. Move them to Bcc.",
    }),
  },

  /** Manifest strings (manifest.xml Override elements; src/i18n/manifest.test.ts keeps them in step). */
  manifest: {
    displayName: "Think First",
    description: "Checks outgoing mail for customer e-mail lists and sensitive numbers before it is sent.",
    groupLabel: "Think First",
    paneButtonLabel: "Think First",
    paneButtonTooltip: "Check this message for customer data and fix it before you send.",
  },

  /** The task pane that "Take Action" opens (src/outlook/taskpane). */
  taskpane: {
    title: "Think First",
    intro: "This message contains customer data. Fix it here, then send again.",
    loading: "Checking the message…",
    noFindings: "Nothing sensitive found. This message is ready to send.",
    sectionBody: "In the body",
    sectionSubject: "In the subject",
    sectionAttachment: "In attachment “{name}”",
    sectionRecipients: "Recipients",
    sectionNotChecked: "Could not be checked",
    sectionNoText: "Pictures and media (no text to check)",
    sectionLinked: "Linked files",
    noTextKind: { image: "picture", media: "audio or video" },
    policyHeading: "Policy",
    policyLink: "Read the policy: {title}",
    policyRefused: "Your organisation's new policy could not be used ({reason}). Think First keeps checking with the last good policy.",
    policyRefusedReason: { "too-large": "the file is too large", "not-json": "the file is damaged", invalid: "it has an error: {detail}" },
    fixesHeading: "Fix it",
    moveToBcc: "Move external recipients to Bcc",
    maskBody: "Mask numbers in the body",
    removeAttachment: "Remove attachment “{name}”",
    rescan: "Check again",
    working: "Working…",
    readyToSend: "Ready to send",
    stillNeedsAttention: "Still needs attention",
    fixDone: "Done.",
    fixFailed: "That did not work: {error}",
    error: "The message could not be checked: {error}",
    confidence: { low: "low confidence", medium: "medium confidence", high: "high confidence" },
  },

  /** "Send with a reason" (task pane) and the checks of the reason text (src/pipeline/justification.ts). */
  justification: {
    /** Per reason code (the codes themselves are stamped in the X-ThinkFirst-Reason header): its label. */
    codes: {
      "customer-consent": { label: "The customer agreed to this" },
      "business-need": { label: "It is needed for the business" },
      "false-positive": { label: "It is not sensitive (false alarm)" },
      other: { label: "Another reason" },
    },
    problems: {
      "unknown-code": "Choose one of the reasons.",
      "text-required": "Write a short reason.",
      "too-long": "Keep the reason to {max} characters or fewer.",
      identifier: "The reason contains customer data ({found}). Remove it.",
      "email-address": "Remove the e-mail address (and any @) from the reason.",
      "long-number": "Remove the long number from the reason (at most {max} digits in a row). Refer to a ticket by its name.",
      "masked-value": "Do not copy the masked value into the reason.",
    },
    /** The dialog's advice when a rule needs a reason and none was given ({button}: the Take Action label). */
    dialogNeedsReason: "This message needs a reason. Choose {button}, then Send with a reason, and press Send again.",
    /** The task pane's "Send with a reason" section (buttons ≤ 20 characters). */
    pane: {
      heading: "Send with a reason",
      intro: "If this message may go as it is, choose a reason. Think First records it with the message when you press Send.",
      required: "Your organisation needs a reason before this message can go.",
      codeLabel: "Reason",
      textLabel: "Details (no customer data, up to {max} characters)",
      save: "Save reason",
      clear: "Remove reason",
      saved: "Reason saved. Press Send to send the message.",
      cleared: "Reason removed.",
      failed: "The reason could not be saved: {error}",
    },
  },
  /** The task pane's reports to the policy's compliance address (src/pipeline/compliance-mail.ts); buttons ≤ 20. */
  compliance: {
    heading: "Tell compliance",
    /** Cites the policy: report suspected mishandling of customer data to compliance or legal at once. */
    policy: "Our policy: if customer data may have been mishandled, contact the compliance team or the legal department at once.",
    falseAlarm: "Not sensitive",
    falseAlarmHint: "Report a false alarm: Think First flagged something that is not customer data.",
    mistake: "Report a mistake",
    mistakeHint: "I may have sent customer data by mistake.",
    opened: "A mail to compliance is ready. Check it and send it.",
    failed: "The mail could not be opened: {error}",
    /** The prepared mail: its subject after "Think First: " and the labels of its lines. */
    mail: {
      subjectFalseAlarm: "False alarm",
      subjectMistake: "Customer data may have been sent by mistake",
      intro: "Please describe what happened (no customer data):",
      rules: "Rules",
      found: "Found (masked)",
      notChecked: "Not checked",
      client: "Client",
      version: "Add-in and policy version",
      none: "none",
    },
  },

  /** The compose simulator page (src/web/simulator). */
  simulator: {
    title: "Think First — compose simulator",
    explanation:
      "Write a message as in Outlook and press Send. The real Think First add-in checks it and shows what Outlook would show.",
    to: "To",
    cc: "Cc",
    bcc: "Bcc",
    subject: "Subject",
    body: "Body",
    attachments: "Attachments",
    dropFiles: "Drop files here or choose them",
    addCloudFile: "Attach a cloud file (link)",
    cloudFile: "cloud file, link",
    removeFile: "Remove",
    displayLanguage: "Display language",
    send: "Send",
    sendAnyway: "Send Anyway",
    dontSend: "Don't Send",
    takeAction: "Take Action",
    messageSent: "Message sent",
    messageNotSent: "Message not sent",
    checking: "Checking…",
    error: "Something went wrong: {error}",
    /** The X-ThinkFirst-* headers the last send stamped, and the mails the task pane opened. */
    auditHeaders: "Headers this message carries",
    newMessages: "New messages opened by Think First",
  },

  /** The policy playground page (src/web/playground). */
  playground: {
    title: "Think First — policy playground",
    explanation: "Paste or load a policy, drop sample text or files, and see what Think First would decide.",
    policy: "Policy",
    loadPolicy: "Load policy file",
    resetPolicy: "Default policy",
    sampleText: "Sample text",
    dropFiles: "Drop sample files here",
    recipients: "Recipients",
    findings: "Findings",
    noFindings: "No findings",
    decision: "Decision",
    dialogPreview: "Dialog preview",
    locale: "Locale",
    allow: "Allow",
    warn: "Warn",
    block: "Block",
    policyError: "Policy error: {error}",
    fileError: "Could not read {name}: {error}",
    detector: "Detector",
    location: "Location",
    value: "Value (masked)",
    confidence: "Confidence",
    rules: "Rules that fired",
    customerSet: "Customer set",
    loadCustomerSet: "Load a customer set (.tfcs) and its .key",
    customerSetLoaded: "{file}: {emails} addresses, {numbers} customer numbers (key {keyId})",
    customerSetError: "Could not open the customer set: {error}",
  },
  /** The recipient checks (src/engine/policy/recipient-facts.ts): advice, the task pane's recipient lines and fix. */
  recipientChecks: {
    /** "What to do" lines of the recipient rules (Rule.message); {suggestion} and {recipient} are masked addresses. */
    advice: {
      "check-lookalike-domain": "Check the address: did you mean {suggestion}?",
      "dont-send-to-personal": "Don't send customer data to a personal mailbox ({recipient}).",
      "check-mixed-organizations": "Several organizations get this message: one may see another's data. Send each its own.",
      "check-first-time-recipient": "You have not written to {recipient} before: check it is the right person.",
    },
    /** Task pane fix: replace a look-alike domain. */
    replaceDomain: "Change {masked} to {suggestion}",
    /** Task pane recipient lines. */
    resembles: "{masked} looks like {domain}",
    personal: "{masked}: personal mailbox",
    firstTime: "{masked}: not written to before",
    organizations: "External organizations: {domains}",
  },
};

export type Messages = typeof en;
