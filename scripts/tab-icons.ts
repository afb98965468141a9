// Draws the tab bar's icons (app.json tabBar: 81×81 PNG, under 40 KB) from simple shapes, in the text colour and the
// brand colour for the selected tab. Run after changing a shape: node scripts/tab-icons.mjs (which bundles this).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { png } from '../test/support/images';

const SIZE = 81;
const COLORS: Record<string, [number, number, number]> = { normal: [0x4b, 0x4b, 0x4b], selected: [0x00, 0x52, 0xd9] };

// Each icon: whether a point (x, y in 0..1) is on its outline (0.07 wide) or filled part.
const W = 0.07;
type Cover = (x: number, y: number) => boolean;
const ring = (cx: number, cy: number, r: number): Cover => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) < W / 2;
const rect = (x0: number, y0: number, x1: number, y1: number): Cover => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1 &&
  (x - x0 < W || x1 - x < W || y - y0 < W || y1 - y < W);
const bar = (x0: number, y0: number, x1: number, y1: number): Cover => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const line = (ax: number, ay: number, bx: number, by: number): Cover => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) < W / 2;
};
const any = (...parts: Cover[]): Cover => (x, y) => parts.some((p) => p(x, y));

const ICONS: Record<string, Cover> = {
  // 首页: a house.
  home: any(line(0.15, 0.5, 0.5, 0.18), line(0.5, 0.18, 0.85, 0.5), rect(0.25, 0.45, 0.75, 0.85), bar(0.44, 0.62, 0.56, 0.85)),
  // 办件: a document with lines.
  cases: any(rect(0.24, 0.14, 0.76, 0.86), bar(0.34, 0.34, 0.66, 0.39), bar(0.34, 0.5, 0.66, 0.55), bar(0.34, 0.66, 0.56, 0.71)),
  // 消息: an envelope.
  inbox: any(rect(0.14, 0.26, 0.86, 0.74), line(0.16, 0.28, 0.5, 0.55), line(0.5, 0.55, 0.84, 0.28)),
  // 我的: a person.
  profile: any(ring(0.5, 0.34, 0.16), (x, y) => y > 0.6 && y < 0.86 && Math.abs(Math.hypot((x - 0.5) / 1.2, y - 0.86) - 0.28) < W / 2),
};

/** The icon in one colour, its edges smoothed by 4×4 samples per pixel. */
const draw = (cover: Cover, [r, g, b]: [number, number, number]) =>
  png(SIZE, SIZE, (px, py) => {
    let hit = 0;
    for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (cover((px + (sx + 0.5) / 4) / SIZE, (py + (sy + 0.5) / 4) / SIZE)) hit++;
    return [r, g, b, Math.round((hit / 16) * 255)];
  });

const dir = join(process.cwd(), 'miniprogram/assets/tab');
mkdirSync(dir, { recursive: true });
for (const [name, cover] of Object.entries(ICONS)) {
  writeFileSync(join(dir, `${name}.png`), draw(cover, COLORS.normal!));
  writeFileSync(join(dir, `${name}-on.png`), draw(cover, COLORS.selected!));
}
console.log(`tab icons written to ${dir}`);
