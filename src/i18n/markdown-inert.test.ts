/**
 * Outside text never becomes Markdown, HTML or a link in errorMessageMarkdown: attachment names, custom pattern ids,
 * unscanned part names and policy titles carrying links, autolinks, bare URLs, raw HTML and Markdown syntax. The
 * policy's own https citation URL stays the only link. Rendered with the simulator's Markdown renderer too, which
 * turns links and emphasis into elements, so a leak would show as an extra element.
 */
import type { Decision } from "../engine/types";
import { renderDialog } from "./dialog";
import { LOCALES } from "./locale";
import { markdownToHtml } from "../web/markdown";
import * as fx from "./fixtures";

const HOSTILE = [
  "<https://evil.example/login>",
  "[Open the report](https://evil.example/x)",
  "<img src=x onerror=alert(1)>.pdf",
  "https://evil.example/invoice.pdf",
  "www.evil.example.docx",
  "mailto:boss@evil.example",
  "**urgent** _now_ ~~old~~ `code`.txt",
  "&lt;b&gt;bold&lt;/b&gt;.html",
];

function hostileDecision(name: string): Decision {
  return {
    action: "block",
    rules: [{ id: "r", action: "block", message: "remove-or-mask", detectors: ["payment-card", name] }],
    counts: { "payment-card": 1, [name]: 2 },
    examples: [{ detector: "payment-card", masked: "**** **** **** 1111", location: { kind: "attachment", name }, confidence: "high" }],
    fixes: [{ kind: "remove-attachment", name }],
    unscanned: [{ part: name, reason: "encrypted" }],
    visibleExternalRecipients: 0,
  };
}

describe.each(LOCALES.map((l) => [l]))("%s: hostile names stay text in errorMessageMarkdown", (locale) => {
  test.each(HOSTILE.map((h) => [h]))("%s", (name) => {
    const policy = fx.policy({ title: { en: name + " policy", [locale]: name + " policy" } });
    const md = renderDialog(hostileDecision(name), policy, locale).errorMessageMarkdown;
    const url = policy.citation.url!;
    const withoutCitation = md.split("](" + url + ")").join("");
    expect(withoutCitation).not.toMatch(/[<>]/);
    expect(withoutCitation).not.toMatch(/\]\(|:\/\/|\bwww\.|mailto:|&[#a-z0-9]+;|@/i);
    expect(withoutCitation).not.toMatch(/`|~~|\b_\w|\w_\b/);
    // Only the policy's bold labels are emphasis; the single link is the citation.
    const html = markdownToHtml(md);
    expect((html.match(/<a /g) || []).length).toBeLessThanOrEqual(1);
    for (const href of html.match(/href="[^"]*"/g) || []) expect(href).toBe(`href="${url}"`);
    expect(html).not.toMatch(/<img|<em>|<del>|<code>/);
  });
});
