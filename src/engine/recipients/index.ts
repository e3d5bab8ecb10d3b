/** Public entry of the recipient checks (pure: no Office, no DOM, no Node APIs). See docs/recipients.md. */
export { RecipientAnalyzer, analyzeRecipients, replacementAddress } from "./analyze-recipients";
export type { FirstTimeCheck, FirstTimeInputs, LookalikeRecipient, RecipientPolicyInputs, RecipientRef, RecipientSignals } from "./analyze-recipients";
export { LookalikeMatcher, lookalikeDomain, LOOKALIKE_LIMITS, LOOKALIKE_REASONS } from "./lookalike-domain";
export type { LookalikeMatch, LookalikeOptions, LookalikeReason, ReferenceDomain, ReferenceKind } from "./lookalike-domain";
export { PersonalDomains, classifyDomain, recipientClass } from "./recipient-class";
export type { ClassifyContext, RecipientClass } from "./recipient-class";
export { PERSONAL_DOMAINS, defaultPersonalDomains } from "./personal-domains";
export { externalOrganizations } from "./external-organizations";
export type { ClassifiedAddress, ExternalOrganizations } from "./external-organizations";
export { DEFAULT_MAX_ENTRIES, RecipientHistory, historyKey, openHistory, saveHistory, weakRandomBytes } from "./recipient-history";
export type { HistoryState, HistoryStore, OpenedHistory, RandomBytes } from "./recipient-history";
export { normalizeDomain, domainOfAddress, localPartOfAddress } from "./domain";
export { splitDomain, registrableDomain } from "./public-suffix";
export type { DomainParts } from "./public-suffix";
