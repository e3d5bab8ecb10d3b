/** PLACEHOLDER (foundation): the decision. The policy issue implements decide. */
import type { Decision, MessageInfo, SourceResult, Unscanned } from "../types";
import type { Policy } from "./types";

/** Applies the policy's rules to the scanned sources of one message. */
export function decide(sources: SourceResult[], _message: MessageInfo, _policy: Policy): Decision {
  const unscanned = sources.reduce<Unscanned[]>((all, s) => all.concat(s.unscanned), []);
  return { action: "allow", rules: [], counts: {}, examples: [], fixes: [], unscanned, visibleExternalRecipients: 0 };
}
