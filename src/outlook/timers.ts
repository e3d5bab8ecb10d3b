/**
 * Timers of the host. Classic Outlook's JavaScript-only runtime provides setTimeout/clearTimeout but no DOM, and the
 * runtime type check (tsconfig.runtime.json) has no DOM or Node types, so they are declared here for this folder.
 */
export type Timer = unknown;
declare const setTimeout: (fn: () => void, ms: number) => Timer;
declare const clearTimeout: (t: Timer) => void;

export function after(ms: number, fn: () => void): Timer {
  return setTimeout(fn, ms);
}

export function cancel(t: Timer | undefined): void {
  if (t !== undefined) clearTimeout(t);
}

/** `p`, or a rejection "no answer within `ms` ms" once `ms` have passed first (the timer is cleared when `p` settles). */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = after(ms, () => reject(new Error(`no answer within ${ms} ms`)));
    p.then(
      (v) => {
        cancel(timer);
        resolve(v);
      },
      (e: unknown) => {
        cancel(timer);
        reject(e);
      },
    );
  });
}
