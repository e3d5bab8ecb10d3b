/**
 * The compose simulator's (src/web/simulator.ts) access to office.js, kept here because only src/outlook touches
 * Office. Outside Outlook, office.js resolves Office.onReady with no host; the simulator then puts its fake mailbox
 * into Office.context and calls the handlers launchevent.js associated. office.js keeps those associations in
 * Office.actions._association.mappings under upper-case names (not a typed API: read defensively).
 */

/** Runs `fn` once office.js is ready (with or without a host). */
export function onOfficeReady(fn: () => void): void {
  Office.onReady(() => fn());
}

/** The handler launchevent.js associated with `name` (e.g. "onMessageSendHandler"), if any. */
export function associatedHandler(name: string): ((event: unknown) => void) | undefined {
  try {
    const actions = Office.actions as unknown as { _association: { mappings: Record<string, unknown> } };
    const f = actions._association.mappings[name.toUpperCase()];
    return typeof f === "function" ? (f as (event: unknown) => void) : undefined;
  } catch (e) {
    return undefined;
  }
}

/** Puts a fake mailbox and requirement set into Office.context; the display language is read live. */
export function installHostContext(context: { mailbox: unknown; requirements: unknown; diagnostics?: unknown }, displayLanguage: () => string): void {
  const ctx = Office.context;
  const define = (k: string, d: PropertyDescriptor) => Object.defineProperty(ctx, k, { configurable: true, enumerable: true, ...d });
  define("mailbox", { value: context.mailbox, writable: true });
  define("requirements", { value: context.requirements, writable: true });
  if (context.diagnostics) define("diagnostics", { value: context.diagnostics, writable: true });
  define("displayLanguage", { get: displayLanguage });
}
