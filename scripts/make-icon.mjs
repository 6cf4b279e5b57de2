// Draws the extension icon (images/icon.png, 128×128): a portal frame with a brace on a rounded
// square. Rendered at 4× and averaged down for smooth edges; the PNG is encoded here with zlib, so
// no image library is needed. Run again after changing the drawing: `node scripts/make-icon.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const SS = 4;
const N = SIZE * SS;

const BG = [31, 58, 95];
const FRAME = [255, 255, 255];
const BRACE = [245, 166, 35];
const NODE = [245, 166, 35];

function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, r) {
  const cx = Math.max(r, Math.min(1 - r, x)), cy = Math.max(r, Math.min(1 - r, y));
  return Math.hypot(x - cx, y - cy) <= r;
}

// Coordinates in 0..1, y down.
const L = 0.24, R = 0.76, TOP = 0.3, BASE = 0.74;
const frame = [[L, BASE, L, TOP], [L, TOP, R, TOP], [R, TOP, R, BASE]];
const brace = [[L, BASE, R, TOP]];
const nodes = [[L, TOP], [R, TOP]];

function colour(x, y) {
  if (!insideRoundedSquare(x, y, 0.18)) return null;
  let c = BG;
  // Ground line with hatching under the two fixed supports.
  for (const sx of [L, R]) {
    if (Math.abs(y - (BASE + 0.02)) < 0.012 && Math.abs(x - sx) < 0.1) c = FRAME;
    for (let k = -2; k <= 2; k++) {
      const hx = sx + k * 0.045;
      if (segDist(x, y, hx, BASE + 0.03, hx - 0.04, BASE + 0.09) < 0.008 && y > BASE + 0.03) c = FRAME;
    }
  }
  if (brace.some((s) => segDist(x, y, ...s) < 0.022)) c = BRACE;
  if (frame.some((s) => segDist(x, y, ...s) < 0.035)) c = FRAME;
  if (nodes.some(([nx, ny]) => Math.hypot(x - nx, y - ny) < 0.05)) c = NODE;
  return c;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colour((px * SS + sx + 0.5) / N, (py * SS + sy + 0.5) / N);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = (py * SIZE + px) * 4;
    if (a) { rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a); }
    rgba[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
export function encodePng(width, height, pixels) {
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(root, 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, encodePng(SIZE, SIZE, rgba));
console.log(`wrote ${path.relative(root, out)}`);
