/**
 * Shared state of one extraction: the clock, running totals checked against limits.ts, and what has been read or
 * refused. Internal code signals "stop everything" by throwing a Stop; extractText catches it (and anything else) so the
 * public API never throws.
 */
import type { UnscannedPart, UnscannedReason } from "./types";
import { MAX_TEXT_CHARS } from "./limits";

export class Stop {
  constructor(public readonly reason: UnscannedReason, public readonly detail: string) {}
}

/** A refusal of one part that does not stop the others (thrown inside a format reader, caught by the dispatcher). */
export class PartFailure {
  constructor(public readonly reason: UnscannedReason, public readonly detail: string) {}
}

export class Context {
  readonly texts: string[] = [];
  readonly parts: string[] = [];
  readonly unscanned: UnscannedPart[] = [];
  inflated = 0;
  entries = 0;
  chars = 0;
  private ticks = 64;
  constructor(public readonly deadline: number, public readonly now: () => number) {}

  /** Throws Stop("timeout") once the deadline has passed. */
  checkTime(): void {
    if (this.now() > this.deadline) throw new Stop("timeout", "time budget exhausted");
  }

  /** Cheap periodic clock check for tight loops: reads the clock every `every` calls (a countdown, no division). */
  tick(every = 64): void {
    if (--this.ticks <= 0) {
      this.ticks = every;
      this.checkTime();
    }
  }

  addText(part: string, text: string): void {
    if (!text) {
      this.parts.push(part);
      return;
    }
    const room = MAX_TEXT_CHARS - this.chars;
    if (room <= 0) throw new Stop("limit", "text limit reached");
    const t = text.length > room ? text.slice(0, room) : text;
    this.texts.push(t);
    this.parts.push(part);
    this.chars += t.length;
    if (t.length < text.length) throw new Stop("limit", "text limit reached");
  }

  refuse(part: string, reason: UnscannedReason, detail?: string): void {
    this.unscanned.push(detail ? { part, reason, detail } : { part, reason });
  }
}

/** Joins a container path and an inner name: "mail.eml!report.zip!xl/sharedStrings.xml". The top level has no prefix. */
export function joinPart(prefix: string, name: string): string {
  return prefix ? prefix + "!" + name : name;
}

/** A Context for one call: the caller's deadline, else now() + `budgetMs`; a clock that throws counts as no deadline. */
export function contextFor(options: { deadline?: number; now?: () => number } | undefined, budgetMs: number): Context {
  const opts = options || {};
  const now = typeof opts.now === "function" ? opts.now : () => Date.now();
  let deadline = typeof opts.deadline === "number" ? opts.deadline : undefined;
  if (deadline === undefined) {
    try {
      deadline = now() + budgetMs;
    } catch (_e) {
      deadline = Infinity;
    }
  }
  return new Context(deadline, now);
}
