/**
 * The header fields of one exported message, for `dlp report`, and the one place the report reads mail. src/extract's
 * readMail gives a MailItem (addresses, subject, texts, attachments), not what the report needs: every top-level field,
 * unfolded, decoded, in file order, repeated fields kept, and the embedded original of a journal report.
 *
 * Reads only the header block (RFC 5322 §2.2: fields up to the first empty line; §2.2.3 unfolding), decodes RFC 2047
 * encoded words with src/extract/mime.ts. An Exchange journal report (X-MS-Journal-Report) carries the original message
 * as a message/rfc822 attachment: its headers are read instead, through the extractor's MIME walker.
 */
import { Context } from "../extract/context";
import { decodeHeader, walkMessage } from "../extract/mime";
import { latin1 } from "../extract/text-decode";

export interface MessageHeaders {
  /** Lower-case field name → values in file order (unfolded and decoded). */
  fields: { [lowerName: string]: string[] };
  /** The fields came from the original message inside a journal report. */
  fromJournalReport: boolean;
  /** Lines of the header block that are not fields (counted, never shown: they may hold anything). */
  malformedLines: number;
}

/** The header block of `bytes` as fields. Never throws. */
export function headerFields(bytes: Uint8Array): { fields: { [lowerName: string]: string[] }; malformedLines: number } {
  const s = latin1(bytes, 0, Math.min(bytes.length, 1 << 20));
  const m = /\r?\n\r?\n/.exec(s);
  const block = m ? s.slice(0, m.index) : s;
  const fields: { [lowerName: string]: string[] } = {};
  let malformedLines = 0;
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (!current) return;
    (fields[current.name] || (fields[current.name] = [])).push(decodeHeader(current.value.trim()));
    current = null;
  };
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (current) (current as { name: string; value: string }).value += line; // unfold: the CRLF goes, the white space stays
      else malformedLines++;
      continue;
    }
    flush();
    const f = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (f) current = { name: f[1]!.toLowerCase(), value: f[2]! };
    else if (line.length) malformedLines++;
  }
  flush();
  return { fields, malformedLines };
}

/** The first attached message/rfc822 of a MIME message (a journal report's original), or null. */
function embeddedMessage(bytes: Uint8Array): Uint8Array | null {
  let found: Uint8Array | null = null;
  try {
    walkMessage(new Context(Date.now() + 5000, Date.now), bytes, {
      headers: () => undefined,
      text: () => undefined,
      refuse: () => undefined,
      attachment: (a) => {
        if (a.isMessage && !found) found = a.bytes;
      },
    });
  } catch {
    // a broken report: no original
  }
  return found;
}

export function readMessageHeaders(bytes: Uint8Array): MessageHeaders {
  const top = headerFields(bytes);
  if (top.fields["x-ms-journal-report"]) {
    const inner = embeddedMessage(bytes);
    if (inner) {
      const h = headerFields(inner);
      return { fields: h.fields, fromJournalReport: true, malformedLines: h.malformedLines };
    }
  }
  return { fields: top.fields, fromJournalReport: false, malformedLines: top.malformedLines };
}
