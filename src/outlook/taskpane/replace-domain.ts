/**
 * The task pane's one-click fix for a look-alike recipient (Fix "replace-domain"): in the field the decision named,
 * every recipient whose masked address is the fix's and whose domain is not the suggested one gets the suggested
 * domain in place of its own, the local part kept ("jane@contoso.co" → "jane@contoso.com"). A display name that was
 * the old address becomes the new one; another display name stays. One getAsync and one setAsync through the queue
 * of src/outlook/mailbox.ts; no DOM (tested under jest with the fake mailbox).
 */
import { maskEmail } from "../../engine/mask";
import { replacementAddress } from "../../engine/recipients/analyze-recipients";
import { domainOfAddress, normalizeDomain } from "../../engine/recipients/domain";
import type { Fix, Recipient } from "../../engine/types";
import * as mb from "../mailbox";
import type { FixResult } from "./fixes";

export const REPLACE_CALL_MS = 15000;

type ReplaceDomain = Extract<Fix, { kind: "replace-domain" }>;

export async function replaceRecipientDomain(item: mb.ItemLike, fix: ReplaceDomain, timeoutMs: number = REPLACE_CALL_MS): Promise<FixResult> {
  const got = await mb.getRecipients(item, fix.field, timeoutMs);
  if (!got.ok) return { ok: false, error: got.call + " " + got.reason };
  const target = normalizeDomain(fix.suggestedDomain).unicode;
  let changed = 0;
  const next: Recipient[] = got.value.map((r) => {
    if (maskEmail(r.email) !== fix.masked || normalizeDomain(domainOfAddress(r.email)).unicode === target) return r;
    changed++;
    const email = replacementAddress(r.email, fix.suggestedDomain);
    const out: Recipient = { ...r, email };
    if (!r.name || r.name === r.email) out.name = email;
    return out;
  });
  if (!changed) return { ok: true, changed: 0 };
  const set = await mb.setRecipients(item, fix.field, next, timeoutMs);
  return set.ok ? { ok: true, changed } : { ok: false, error: set.call + " " + set.reason };
}
