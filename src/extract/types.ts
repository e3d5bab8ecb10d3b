/**
 * Contracts of text extraction. Structurally identical to the engine's Unscanned (src/engine/types.ts), kept here so that
 * src/extract imports nothing of ours outside itself.
 */
export type UnscannedReason = "encrypted" | "too-large" | "unsupported" | "corrupt" | "limit" | "timeout" | "unavailable";

export interface UnscannedPart {
  part: string;
  reason: UnscannedReason;
  detail?: string;
}

export interface ExtractResult {
  /** All text found, parts separated by blank lines; rows of a sheet one per line, cells separated by tabs. */
  text: string;
  /** Inner files/parts that were read, e.g. "xl/sharedStrings.xml", "sheet1", "word/document.xml". */
  parts: string[];
  unscanned: UnscannedPart[];
}
