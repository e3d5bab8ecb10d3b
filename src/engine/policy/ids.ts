/**
 * The ids a policy may name, in one place: built-in detectors, signals and groups (all from the registry,
 * ../registry.ts), advice (i18n message) ids, checksums. The policy compiler refuses any other id, so a typo in a rule
 * ("payment-cards") fails at check time, not silently at send time.
 */
import { checksums } from "../checksums";
import { membersOf, POLICY_GROUP_NAMES, SIGNAL_IDS, TEXT_DETECTOR_IDS, type DetectorId, type TextDetectorId } from "../registry";
import type { Action, Confidence } from "../types";
import type { RecipientScope, Where } from "./types";

export { POLICY_GROUP_NAMES, SIGNAL_IDS };

/** Built-in text detectors (they have settings under `detectors:` in a policy): the registry's, in its order. */
export const BUILTIN_DETECTOR_IDS: readonly TextDetectorId[] = TEXT_DETECTOR_IDS;

/** Members of the `identifiers` group: personal identifiers (custom patterns join them in a policy). */
export const IDENTIFIER_DETECTOR_IDS: readonly DetectorId[] = membersOf("identifier");

/**
 * "What to do" advice ids a rule's `message` may name; the i18n catalog (src/i18n/messages/en.ts, `advice`) has a text
 * for each (agreed with the localization issue).
 */
export const ADVICE_IDS = ["remove-or-mask", "move-to-bcc", "dont-share-customer-list", "check-unscanned", "remove-attachment", "check-links", "check-no-text", "check-lookalike-domain", "dont-send-to-personal", "check-mixed-organizations", "check-first-time-recipient"] as const;
export type AdviceId = (typeof ADVICE_IDS)[number];

/** Values of `attachments.images`. */
export const IMAGE_POLICIES = ["ignore", "warn"] as const;

/** Checksums a custom pattern may ask for: the engine's registry (../checksums/index.ts). */
export const CHECKSUM_IDS: readonly string[] = Object.keys(checksums).sort();

export const ACTIONS: readonly Action[] = ["allow", "warn", "block"];
export const CONFIDENCES: readonly Confidence[] = ["low", "medium", "high"];
export const RECIPIENT_SCOPES: readonly RecipientScope[] = ["any", "external", "internal-only", "personal", "mixed-organizations", "first-time"];
export const WHERES: readonly Where[] = ["body", "attachment", "subject"];

/** kebab-case ids: lower-case letters and digits, single dashes. */
export const KEBAB_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
