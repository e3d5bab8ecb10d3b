/**
 * A stand-in for classic Outlook's JavaScript-only runtime: runs the built dist/launchevent.js in a fresh `node:vm`
 * context whose only globals are `Office`, `console` and timers (no window, document, self, TextDecoder, atob,
 * localStorage, fetch). Returns the handlers the bundle associated.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { DIST } from "./static-server";

export type Handler = (event: unknown) => void;

export interface LoadedBundle {
  handlers: Map<string, Handler>;
  context: vm.Context;
  /** Evaluates an expression inside the runtime (e.g. to build typed arrays of the runtime's own realm). */
  evaluate<T>(code: string): T;
}

export function bundlePath(): string {
  return path.join(DIST, "launchevent.js");
}

/** `office` is merged over a minimal Office object whose `actions.associate` records the registrations. */
export function loadLaunchevent(office: Record<string, unknown> = {}, code = fs.readFileSync(bundlePath(), "utf8")): LoadedBundle {
  const handlers = new Map<string, Handler>();
  const Office = { ...office, actions: { associate: (name: string, fn: Handler) => handlers.set(name, fn) } };
  const context = vm.createContext({ Office, console, setTimeout, clearTimeout, setInterval, clearInterval });
  vm.runInContext(code, context, { filename: "launchevent.js" });
  return { handlers, context, evaluate: (expr) => vm.runInContext(expr, context) };
}

/** Global names that must not exist in the stand-in (checked by the bundle test). */
export const ABSENT_GLOBALS = ["window", "document", "self", "TextDecoder", "TextEncoder", "atob", "btoa", "localStorage", "fetch", "require", "process"];

export interface Completion {
  /** Every call of event.completed, with the options passed. */
  calls: unknown[];
  /** Milliseconds from the handler call to the first completed. */
  ms: number;
}

/**
 * Calls one associated handler with a recording event and waits until it completes (or `timeoutMs`), then `settleMs`
 * more so that a second, late call of completed would be seen. Combine with fakeOffice(…, { faults }) for fault injection
 * in the runtime stand-in.
 */
export async function runToCompletion(bundle: LoadedBundle, name: string, timeoutMs = 6000, settleMs = 50): Promise<Completion> {
  const handler = bundle.handlers.get(name);
  if (!handler) throw new Error(name + " is not associated");
  const calls: unknown[] = [];
  let first = 0;
  const start = Date.now();
  handler({
    completed: (o?: unknown) => {
      if (!calls.length) first = Date.now();
      calls.push(o);
    },
  });
  while (!calls.length && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, settleMs));
  return { calls, ms: calls.length ? first - start : Infinity };
}
