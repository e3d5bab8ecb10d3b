/** Values webpack's DefinePlugin bakes into the bundle at build time (see webpack.config.js). */
import type { Policy } from "../engine/policy/types";

declare const __THINK_FIRST_POLICY__: Policy;
declare const __THINK_FIRST_POLICY_URL__: string;
declare const __THINK_FIRST_BUILD__: { baseUrl: string; version: string };
declare const __THINK_FIRST_CUSTOMER_KEY__: string;

/** The tenant's policy, compiled into the bundle: the send handler never parses YAML or waits for the network. */
export const bundledPolicy: Policy = __THINK_FIRST_POLICY__;
/** Optional same-origin policy URL fetched outside the send path (empty when not configured). */
export const policyUrl: string = __THINK_FIRST_POLICY_URL__;
/** Where this build is served from and its version (the customer set is fetched beside it; audit headers name it). */
export const buildInfo: { baseUrl: string; version: string } = typeof __THINK_FIRST_BUILD__ === "object" && __THINK_FIRST_BUILD__ ? __THINK_FIRST_BUILD__ : { baseUrl: "", version: "" };
/**
 * The tenant's customer-set key (hex; "" when the build has no customer set). It ships in the bundle because the add-in
 * hashes what it looks up: see docs/customers.md for what that does and does not protect.
 */
export const customerKeyHex: string = typeof __THINK_FIRST_CUSTOMER_KEY__ === "string" ? __THINK_FIRST_CUSTOMER_KEY__ : "";
