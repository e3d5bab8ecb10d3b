/**
 * Contracts of text extraction. Structurally identical to the engine's Unscanned and NoTextPart (src/engine/types.ts),
 * kept here so that src/extract imports nothing of ours outside itself. (The engine's UnscannedReason also has
 * "no-text", which only the decision writes, for pictures a policy counts: extraction never reports it.)
 */
export type UnscannedReason = "encrypted" | "too-large" | "unsupported" | "corrupt" | "limit" | "timeout" | "unavailable";

export interface UnscannedPart {
  part: string;
  reason: UnscannedReason;
  detail?: string;
}

/** A picture or recording recognised by content (./media.ts): it holds no text to read. Not a failure. */
export interface NoTextPart {
  part: string;
  kind: "image" | "media";
  /** Shown inside a mail's body (an inline picture of an attached mail, or an inline attachment of the message). */
  inline?: true;
}

export interface ExtractResult {
  /** All text found, parts separated by blank lines; rows of a sheet one per line, cells separated by tabs. */
  text: string;
  /** Inner files/parts that were read, e.g. "xl/sharedStrings.xml", "sheet1", "word/document.xml". */
  parts: string[];
  unscanned: UnscannedPart[];
  /** Pictures and recordings found (top level, in archives, in attached mails): recognised, no text. */
  noText: NoTextPart[];
}
