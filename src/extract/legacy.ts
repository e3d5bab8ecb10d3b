/**
 * Legacy binary Office documents inside a compound file (a .doc/.xls/.ppt file, or an OLE object in a .msg): which
 * reader applies, from the storage's stream names. Returns null for compound storages of other kinds.
 */
import { cfbKind, CfbEntry, CfbFile } from "./cfb";
import { Context, PartFailure } from "./context";
import { wordText } from "./doc";
import { pptText } from "./ppt";
import { workbookText } from "./xls";

export function legacyOfficeText(ctx: Context, cfb: CfbFile, storage: CfbEntry): { part: string; text: string }[] | null {
  const kind = cfbKind(cfb.children(storage).map((e) => e.name));
  switch (kind) {
    case "encrypted-ooxml":
      throw new PartFailure("encrypted", "password-protected Office file");
    case "word":
      return [{ part: "WordDocument", text: wordText(ctx, cfb, storage) }];
    case "excel":
    case "excel-95":
      return workbookText(ctx, cfb, storage);
    case "powerpoint":
      return [{ part: "PowerPoint Document", text: pptText(ctx, cfb, storage) }];
    default:
      return null;
  }
}
