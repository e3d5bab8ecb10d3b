/**
 * Prints the dialog and notification lengths on the worst case for every locale and decision kind (the table in
 * docs/i18n.md): `npx tsx src/i18n/measure.ts`. Layout = which of the renderer's layouts fitted (0 = richest).
 */
import { fitDialog, renderNotification } from "./dialog";
import { LOCALES } from "./locale";
import { CATALOG } from "./messages";
import * as fx from "./fixtures";

const rows = ["| locale | kind | plain: chars (layout) | Markdown: chars (layout) | notification | cancelLabel |", "|---|---|---|---|---|---|"];
for (const l of LOCALES) {
  for (const kind of ["warn", "block", "unscanned"] as const) {
    const d = fx.worstCase(kind);
    const p = fx.longTitlePolicy();
    const plain = fitDialog(d, p, l, false);
    const md = fitDialog(d, p, l, true);
    rows.push(`| ${l} | ${kind} | ${plain.text.length} (${plain.level}) | ${md.text.length} (${md.level}) | ${renderNotification(d, p, l).length} | ${CATALOG[l].labels.cancelLabel.length} |`);
  }
}
console.log(rows.join("\n"));
