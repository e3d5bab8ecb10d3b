/**
 * Everything a policy or a screen may name, derived from the two registries: the text detectors
 * (./detectors/index.ts) and the signals (./signals/index.ts). Adding a detector is its file, its test and one line
 * there; its id, group and display names reach the policy compiler, the schema, the decision and the dialog from here.
 *
 * Policies name groups by these plural names, so a new member of a group is enforced without editing the policy:
 *   identifiers     personal identifiers (cards, IBANs, national ids) and every custom pattern
 *   business-ids    business and tax ids (recognised so they are not taken for personal ones; not personal data)
 *   email           single e-mail addresses
 *   customer-lists  customer e-mail lists and files named like them
 *   links           links to shared files
 *   recipients      facts about the recipients
 *   message         facts about the message itself (parts that could not be checked)
 */
import type { Detector, DetectorGroup, Registered } from "./detectors/detector";
import { detectors } from "./detectors";
import { signals } from "./signals";

/** Ids of the text detectors (they have patterns and per-detector settings in a policy). */
export type TextDetectorId = (typeof detectors)[number]["id"];
/** Ids of the signals. */
export type SignalId = (typeof signals)[number]["id"];
/** Every built-in id a policy, a finding or a screen may name. */
export type DetectorId = TextDetectorId | SignalId;

/** Text detectors and signals, in registry order. */
export const REGISTRY: readonly Registered<DetectorId>[] = (detectors as readonly Registered<DetectorId>[]).concat(signals);

export const TEXT_DETECTORS: readonly Detector<TextDetectorId>[] = detectors;
export const TEXT_DETECTOR_IDS: readonly TextDetectorId[] = detectors.map((d) => d.id);
export const SIGNAL_IDS: readonly SignalId[] = signals.map((s) => s.id);

/** The policy's name of each group. */
export const POLICY_GROUPS = {
  identifiers: "identifier",
  "business-ids": "business",
  email: "email",
  "customer-lists": "customer-list",
  links: "link",
  recipients: "recipient",
  message: "message",
} as const satisfies Record<string, DetectorGroup>;
export type PolicyGroupName = keyof typeof POLICY_GROUPS;
export const POLICY_GROUP_NAMES = Object.keys(POLICY_GROUPS) as PolicyGroupName[];

const byId: { [id: string]: Registered<DetectorId> } = {};
for (const r of REGISTRY) byId[r.id] = r;

/** The registry entry of a built-in id, or undefined (custom patterns are not in the registry). */
export function registered(id: string): Registered<DetectorId> | undefined {
  return Object.prototype.hasOwnProperty.call(byId, id) ? byId[id] : undefined;
}

export function isGroupName(name: string): name is PolicyGroupName {
  return Object.prototype.hasOwnProperty.call(POLICY_GROUPS, name);
}

/**
 * Does a rule's entry (an id, a group name, or `*`, the old spelling of `identifiers`) name this finding's detector?
 * Custom patterns (ids not in the registry) are members of `identifiers`.
 */
export function namesDetector(entry: string, id: string, customIds: readonly string[]): boolean {
  if (entry === id) return true;
  const group = entry === "*" ? "identifier" : isGroupName(entry) ? POLICY_GROUPS[entry] : undefined;
  if (!group) return false;
  const r = registered(id);
  if (r) return r.group === group;
  return group === "identifier" && customIds.indexOf(id) >= 0;
}

/** Ids of the built-in members of a group. */
export function membersOf(group: DetectorGroup): DetectorId[] {
  return REGISTRY.filter((r) => r.group === group).map((r) => r.id);
}
