/**
 * Every limit of text extraction, in one place. Each is a named constant with the reason for its value. Limits exist so
 * that a hostile or merely huge attachment yields an `unscanned` entry (and the policy decides) instead of a crash, a
 * hang or an out-of-memory in Outlook's JavaScript-only runtime.
 */

/**
 * Largest single file we read (bytes as given, before any inflation). Exchange Online's default maximum message size is
 * 35 MB after base64 (+33 %), so no sendable attachment is larger than about 26 MB; 30 MB leaves a margin and refuses
 * anything that could not be sent anyway.
 */
export const MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024;

/**
 * Total bytes we are willing to inflate for one top-level file, across every zip entry, nested archive, PDF stream and
 * MIME part. A 5 MB spreadsheet inflates to 30–60 MB of XML; 200 MB leaves room for that while bounding memory: only one
 * inflated entry is held at a time, so peak memory is about the largest entry plus the text produced.
 */
export const MAX_TOTAL_INFLATED_BYTES = 200 * 1024 * 1024;

/** Largest single inflated entry: an entry is held in memory whole (as bytes, then as a string). */
export const MAX_ENTRY_INFLATED_BYTES = 120 * 1024 * 1024;

/**
 * Most entries in one archive (and in total across nested archives). Real OOXML packages have tens to a few thousand
 * parts; 10,000 refuses "100,000 empty files" archives before any work is done per entry.
 */
export const MAX_ENTRIES = 10000;

/**
 * Largest compression ratio (inflated / compressed) accepted for an entry that inflates to more than
 * RATIO_CHECK_MIN_BYTES. Deflate cannot exceed about 1032:1; zip bombs sit near that. Real XML rarely passes 100:1
 * (highly repetitive sheets reach 150:1), so 250:1 separates the two.
 */
export const MAX_COMPRESSION_RATIO = 250;

/** Small entries are exempt from the ratio check: a 10 KB file of spaces compressing 500:1 harms nobody. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/**
 * Deepest nesting of containers (zip in zip, attachment in an attached mail, …). The top-level file is depth 0. Five
 * levels covers "a mail with a zip of Office files"; a 20-deep matryoshka is refused at level 6.
 */
export const MAX_NESTING_DEPTH = 5;

/**
 * Time budget when the caller gives no deadline (ms). Outlook shows "taking longer than expected" after 5 s; extraction
 * must leave time for scanning and deciding. The clock is checked between entries and every INFLATE_STEP_BYTES of
 * inflation and every few hundred KB of parsing.
 */
export const DEFAULT_TIME_BUDGET_MS = 3000;

/**
 * Output bytes inflated between two checks of the compression ratio, the caps and the clock (inflate.ts). A zip entry
 * is inflated into a buffer of its declared size and stopped at the first byte past it, so a lying central directory
 * (entry claims 1 KB, inflates to 1 GB) costs nothing beyond the declared size; without a declared size (PDF streams)
 * a bomb is stopped by the ratio check within the first step. At ~150 MB/s a step is well under 10 ms of CPU, so the
 * deadline is never overrun by more than that. Peak memory per entry is bounded by MAX_ENTRY_INFLATED_BYTES.
 */
export const INFLATE_STEP_BYTES = 1024 * 1024;

/** Most characters of text returned for one top-level file (about 40 MB of UTF-16 in memory). */
export const MAX_TEXT_CHARS = 20 * 1000 * 1000;

/** Most indirect objects a PDF may declare before we refuse it as a `limit` (real PDFs: hundreds to a few hundred thousand). */
export const MAX_PDF_OBJECTS = 500000;

/** Most MIME parts walked in one message (each part costs a header parse and a decode). */
export const MAX_MIME_PARTS = 2000;

/**
 * Most directory entries in one compound file (.msg, .doc, .xls, .ppt). Each MAPI property of a .msg is a stream: a
 * mail with a few hundred recipients and attachments has some thousands of entries; 100,000 entries (12.8 MB of
 * directory) is far beyond anything Outlook writes and bounds the directory parse before any entry is read.
 */
export const MAX_CFB_ENTRIES = 100000;

/**
 * Largest decompressed RTF body ([MS-OXRTFCP]) of one .msg. LZFu expands at most about 8:1 (a 2-byte reference makes up
 * to 17 bytes, one control byte per 8 tokens), so a 30 MB attachment could claim 240 MB; 32 MB of RTF is far more text
 * than any mail body and bounds the output buffer whatever the header claims.
 */
export const MAX_RTF_BYTES = 32 * 1024 * 1024;

/** Most recipients read from one .msg (each is a storage with a few streams); real mail stays below a few thousand. */
export const MAX_MSG_RECIPIENTS = 5000;

/** Most attachments read from one message (.msg or MIME); each is extracted recursively and checked against the clock. */
export const MAX_MSG_ATTACHMENTS = 1000;

/**
 * Most cells kept per sheet of a legacy .xls before the sheet is refused as `limit`: each is held until the sheet is
 * written out in row order. A million cells is about 50 MB of a full BIFF8 file and 60 MB of cell objects.
 */
export const MAX_XLS_CELLS = 1000 * 1000;

/**
 * Longest To/Cc/Bcc/From header parsed into addresses (1 MB ≈ 30,000 addresses). Longer lists are cut with a `limit`
 * entry naming the header.
 */
export const MAX_ADDRESS_LIST_CHARS = 1000 * 1000;
