/** Public entry of the detection engine (pure: no Office, no DOM, no Node APIs). */
export * from "./types";
export type { Policy } from "./policy/types";
export { createScanner, type Scanner } from "./scan";
export { decide } from "./policy/decide";
export { matchCustomerListName } from "./signals/customer-list-name";
export { REGISTRY, registered, namesDetector, type DetectorId, type TextDetectorId, type SignalId } from "./registry";
export { isExternal, domainOf, inDomain } from "./policy/decide";
