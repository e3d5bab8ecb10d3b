/**
 * PLACEHOLDER (foundation): where the handlers get the policy. Today: the bundled one. The deployment issue adds the
 * optional same-origin policy URL, fetched outside the send path, validated and cached.
 */
import type { Policy } from "../engine/policy/types";
import { bundledPolicy } from "./build-constants";

/** The policy to apply now. Synchronous and network-free: safe in the send handler. */
export function currentPolicy(): Policy {
  return bundledPolicy;
}
