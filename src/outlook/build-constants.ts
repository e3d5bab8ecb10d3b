/** Values webpack's DefinePlugin bakes into the bundle at build time (see webpack.config.js). */
import type { Policy } from "../engine/policy/types";

declare const __THINK_FIRST_POLICY__: Policy;
declare const __THINK_FIRST_POLICY_URL__: string;

/** The tenant's policy, compiled into the bundle: the send handler never parses YAML or waits for the network. */
export const bundledPolicy: Policy = __THINK_FIRST_POLICY__;
/** Optional same-origin policy URL fetched outside the send path (empty when not configured). */
export const policyUrl: string = __THINK_FIRST_POLICY_URL__;
