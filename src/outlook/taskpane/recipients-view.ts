/**
 * The task pane's "Recipients" facts of a decision (Decision.recipients): look-alike domains with the domain each
 * resembles, personal mailboxes, recipients not written to before, and the external organizations. Masked addresses
 * and domains only, each in a left-to-right <bdi> so that Urdu text keeps them whole.
 */
import type { Decision } from "../../engine/types";
import type { Messages } from "../../i18n/messages/en";
import { el } from "../dom";

function line(template: string, vars: { [k: string]: string }): HTMLElement {
  // The template's placeholders become <bdi dir=ltr> fragments; the words around them stay in the page's direction.
  const li = el("li");
  const parts = template.split(/(\{[a-z]+\})/);
  for (const part of parts) {
    const m = /^\{([a-z]+)\}$/.exec(part);
    if (m && Object.prototype.hasOwnProperty.call(vars, m[1] as string)) li.append(el("bdi", { dir: "ltr" }, vars[m[1] as string] as string));
    else if (part) li.append(part);
  }
  return li;
}

export function recipientsView(m: Messages, decision: Decision): HTMLElement | undefined {
  const facts = decision.recipients;
  if (!facts) return undefined;
  const t = m.recipientChecks;
  const list = el("ul", { id: "recipient-facts" });
  for (const l of facts.lookalikes) list.append(line(t.resembles, { masked: l.masked, domain: l.resembles }));
  for (const r of facts.personal) list.append(line(t.personal, { masked: r.masked }));
  for (const r of facts.firstTime) list.append(line(t.firstTime, { masked: r.masked }));
  if (facts.organizations >= 2 && facts.organizationDomains.length) list.append(line(t.organizations, { domains: facts.organizationDomains.join(", ") }));
  if (!list.childNodes.length) return undefined;
  return el("section", { class: "group", id: "recipients" }, el("h2", {}, m.taskpane.sectionRecipients), list);
}
