// Draws the Think First icons (a shield with a check-mark pause bar) as PNGs into assets/. Run once: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size, v = (y + 0.5) / size;
      // shield: top edge at 0.1, sides to 0.55 then curving to a point at 0.95
      const half = v < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.4) ** 2));
      const inShield = v > 0.1 && v < 0.95 && Math.abs(u - 0.5) < half;
      // an exclamation mark: bar and dot
      const bar = Math.abs(u - 0.5) < 0.07 && v > 0.25 && v < 0.6;
      const dot = (u - 0.5) ** 2 + (v - 0.72) ** 2 < 0.075 ** 2;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [r, g, b, a] = inShield ? (bar || dot ? [255, 255, 255, 255] : [0, 94, 184, 255]) : [0, 0, 0, 0];
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

for (const s of [16, 32, 64, 80, 128]) writeFileSync(new URL(`../assets/icon-${s}.png`, import.meta.url), icon(s));
console.log("icons written");
