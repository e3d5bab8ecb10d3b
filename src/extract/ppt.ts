/**
 * PowerPoint 97–2003 .ppt ([MS-PPT]): the text atoms of the "PowerPoint Document" stream: TextCharsAtom (UTF-16LE),
 * TextBytesAtom (8-bit) and CString (slide titles, comments, hyperlink targets), in stream order. Records are walked
 * linearly, entering containers (recVer 0xF), so every step advances at least one 8-byte header. Encrypted files (an
 * "EncryptedSummary" stream, the encrypted Current User token, or a CryptSession10Container) are `encrypted`.
 */
import { CfbEntry, CfbFile, STREAM, u16, u32 } from "./cfb";
import { Context, PartFailure } from "./context";
import { decodeUtf16, decodeWindows1252 } from "./text-decode";

const TEXT_CHARS_ATOM = 0x0fa0;
const TEXT_BYTES_ATOM = 0x0fa8;
const CSTRING = 0x0fba;
const CRYPT_SESSION_CONTAINER = 0x2f14;
/** CurrentUserAtom.headerToken of an encrypted document ([MS-PPT] 2.3.2). */
const ENCRYPTED_TOKEN = 0xf3d1c4df;

export function pptText(ctx: Context, cfb: CfbFile, storage: CfbEntry): string {
  if (cfb.child(storage, "EncryptedSummary")) throw new PartFailure("encrypted", "password-protected PowerPoint presentation");
  const cu = cfb.child(storage, "Current User");
  if (cu && cu.type === STREAM) {
    const c = cfb.read(cu);
    if (c.length >= 16 && u32(c, 12) === ENCRYPTED_TOKEN) throw new PartFailure("encrypted", "password-protected PowerPoint presentation");
  }
  const e = cfb.child(storage, "PowerPoint Document");
  if (!e || e.type !== STREAM) throw new PartFailure("corrupt", "PowerPoint file without its PowerPoint Document stream");
  const b = cfb.read(e);
  const out: string[] = [];
  let pos = 0;
  while (pos + 8 <= b.length) {
    ctx.tick(256);
    const verInstance = u16(b, pos);
    const type = u16(b, pos + 2);
    const len = u32(b, pos + 4);
    if (type === CRYPT_SESSION_CONTAINER) throw new PartFailure("encrypted", "password-protected PowerPoint presentation");
    if ((verInstance & 0xf) === 0xf) {
      pos += 8; // a container: its children follow
      continue;
    }
    const d = pos + 8;
    if (d + len > b.length) break; // truncated: keep what was read
    if (type === TEXT_CHARS_ATOM || type === CSTRING) out.push(decodeUtf16(b, true, d, d + (len & ~1)));
    else if (type === TEXT_BYTES_ATOM) out.push(decodeWindows1252(b, d, d + len));
    pos = d + len;
  }
  return out
    .join("\n")
    .replace(/[\r\u000b]/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
