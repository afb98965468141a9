// Draws the tab bar's icons (app.json tabBar: 81×81 PNG, under 40 KB) from simple shapes, in the text colour and the
// brand colour for the selected tab. Run once after changing a shape: node scripts/tab-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const COLORS = { normal: [0x4b, 0x4b, 0x4b], selected: [0x00, 0x52, 0xd9] };

// Each icon: a function of (x, y) in 0..1 giving coverage 0..1 (outlines 0.07 wide).
const W = 0.07;
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) < W / 2;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1 &&
  (x - x0 < W || x1 - x < W || y - y0 < W || y1 - y < W);
const bar = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const line = (ax, ay, bx, by) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) < W / 2;
};
const any = (...parts) => (x, y) => parts.some((p) => p(x, y));

const ICONS = {
  // 首页: a house.
  home: any(line(0.15, 0.5, 0.5, 0.18), line(0.5, 0.18, 0.85, 0.5), rect(0.25, 0.45, 0.75, 0.85), bar(0.44, 0.62, 0.56, 0.85)),
  // 办件: a document with lines.
  cases: any(rect(0.24, 0.14, 0.76, 0.86), bar(0.34, 0.34, 0.66, 0.39), bar(0.34, 0.5, 0.66, 0.55), bar(0.34, 0.66, 0.56, 0.71)),
  // 消息: an envelope.
  inbox: any(rect(0.14, 0.26, 0.86, 0.74), line(0.16, 0.28, 0.5, 0.55), line(0.5, 0.55, 0.84, 0.28)),
  // 我的: a person.
  profile: any(ring(0.5, 0.34, 0.16), (x, y) => y > 0.6 && y < 0.86 && Math.abs(Math.hypot((x - 0.5) / 1.2, y - 0.86) - 0.28) < W / 2),
};

function png(cover, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px++) {
      // 4×4 samples per pixel for smooth edges.
      let hit = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (cover((px + (sx + 0.5) / 4) / SIZE, (py + (sy + 0.5) / 4) / SIZE)) hit++;
      row.set([r, g, b, Math.round((hit / 16) * 255)], 1 + px * 4);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
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

const dir = new URL('../miniprogram/assets/tab/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, cover] of Object.entries(ICONS)) {
  writeFileSync(new URL(`${name}.png`, dir), png(cover, COLORS.normal));
  writeFileSync(new URL(`${name}-on.png`, dir), png(cover, COLORS.selected));
}
console.log(`tab icons written to ${dir.pathname}`);
