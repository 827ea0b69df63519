// Draws the Vendor Lens icon (a lens over a highlighted line, on a rounded square) at 16/32/48/96/128 px into
// public/icon/. Pure Node (zlib), 4x4 supersampling. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 96, 128];
const BG = [45, 77, 143];
const FG = [255, 255, 255];
const MARK = [255, 196, 61];

function crc32(buf) {
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    let c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const stride = size * 4 + 1;
  const raw = Buffer.alloc(stride * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * stride + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at a point of the unit square, or null for transparent. */
function shade(x, y) {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const cx = 0.43;
  const cy = 0.43;
  const d = Math.hypot(x - cx, y - cy);
  if (d >= 0.2 && d <= 0.28) return FG;
  if (d < 0.2 && y > 0.38 && y < 0.48 && x > 0.3 && x < 0.56) return MARK;
  const t = (x - 0.62 + (y - 0.62)) / 2;
  if (t >= 0 && t <= 0.2 && Math.hypot(x - (0.62 + t), y - (0.62 + t)) <= 0.065) return FG;
  return BG;
}

mkdirSync('public/icon', { recursive: true });
const SS = 4;
for (const size of SIZES) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          if (c) {
            red += c[0];
            green += c[1];
            blue += c[2];
            hits += 1;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (hits > 0) {
        rgba[i] = red / hits;
        rgba[i + 1] = green / hits;
        rgba[i + 2] = blue / hits;
      }
      rgba[i + 3] = Math.round((hits / (SS * SS)) * 255);
    }
  }
  writeFileSync(`public/icon/${size}.png`, png(size, rgba));
}
console.log(`wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
