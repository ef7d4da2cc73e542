// Draws the add-in's PNG icons into assets/ with nothing but node:zlib: `node scripts/make-icons.mjs`.
// Glyphs are described on a 16 x 16 grid (so they stay crisp at 16, 32, 64, 80 and 128 px), rendered with
// 4 x 4 supersampling, blue on transparent. The PNGs are committed; rerun this after changing a glyph.
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const assets = join(root, "assets");

const BLUE = [15, 108, 189, 255]; // Fluent UI brand blue #0F6CBD
const DARK = [17, 94, 163, 255]; // #115EA3, a shade darker for accents
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0]; // paints transparency: cuts a gap around an overlay

// ---- shapes: inside(x, y) on the 16-unit grid ----
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const ring = (cx, cy, r, width) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - width;
};
/** A stroke from (ax, ay) to (bx, by) with round caps. */
const line = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
};
const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
/** Part of a ring between two angles (degrees, 0 = east, counter-clockwise, y grows downwards). */
const arc = (cx, cy, r, width, fromDeg, toDeg) => (x, y) => {
  if (!ring(cx, cy, r, width)(x, y)) return false;
  let a = (Math.atan2(cy - y, x - cx) * 180) / Math.PI;
  if (a < 0) a += 360;
  return fromDeg <= toDeg ? a >= fromDeg && a <= toDeg : a >= fromDeg || a <= toDeg;
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
/** Grows a shape by d units (for the transparent gap around overlays). */
const grow = (shape, d) => {
  const offsets = Array.from({ length: 16 }, (_, i) => [
    d * Math.cos((i * Math.PI) / 8),
    d * Math.sin((i * Math.PI) / 8),
  ]);
  return (x, y) => shape(x, y) || offsets.some(([dx, dy]) => shape(x + dx, y + dy));
};

// ---- glyphs: lists of [shape, colour] painted in order ----
const bars = union(rect(1, 8, 4, 13), rect(6, 5, 9, 13), rect(11, 2, 14, 13));
const baseline = rect(0, 14, 15, 15);
const funnel = polygon([
  [0.5, 1],
  [13.5, 1],
  [8.5, 7.5],
  [8.5, 14],
  [5.5, 12.5],
  [5.5, 7.5],
]);
const star = polygon(
  Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 4 : 1.8;
    const a = (-90 + i * 36) * (Math.PI / 180);
    return [12, 11.5].map((c, k) => c + r * (k === 0 ? Math.cos(a) : Math.sin(a)));
  }),
);
const cross = union(line(9.5, 9, 14.5, 14, 2), line(14.5, 9, 9.5, 14, 2));
const grid = union(
  rect(1, 2, 10, 4), // header row
  rect(1, 2, 2, 14), // left, middle and right borders
  rect(5, 2, 6, 14),
  rect(9, 2, 10, 14),
  rect(1, 8, 10, 9),
  rect(1, 13, 10, 14),
);
const plus = union(rect(12, 8, 14, 16), rect(9, 11, 16, 13));
const undoArrow = union(
  arc(8.5, 8.5, 6.5, 2, 225, 150),
  polygon([
    [0, 6.5],
    [7, 6.5],
    [3.5, 11],
  ]),
);

const GLYPHS = {
  // the add-in and "Open pane": a rising bar chart
  icon: [
    [bars, BLUE],
    [baseline, DARK],
  ],
  // "Act now + Evaluate": a funnel with a star
  filter: [
    [funnel, BLUE],
    [grow(star, 1), CLEAR],
    [star, DARK],
  ],
  // "Clear filters": a funnel with a cross
  "clear-filters": [
    [funnel, BLUE],
    [grow(cross, 1), CLEAR],
    [cross, DARK],
  ],
  // "Add helper columns": a grid with a plus
  "helper-columns": [
    [grid, BLUE],
    [grow(plus, 1), CLEAR],
    [plus, DARK],
  ],
  // "Reset sheet": an arrow turning back
  reset: [[undoArrow, BLUE]],
  // pane logo: white bar chart on a filled blue tile
  "logo-filled": [
    [roundRect(0, 0, 16, 16, 3), BLUE],
    [union(rect(3.5, 8.5, 5.5, 12.5), rect(7, 6, 9, 12.5), rect(10.5, 3.5, 12.5, 12.5)), WHITE],
  ],
};

// which sizes of which glyph Office and the pane ask for
const OUTPUTS = [
  ...[16, 32, 64, 80, 128].map((size) => ({ glyph: "icon", size, file: `icon-${size}.png` })),
  ...["filter", "clear-filters", "helper-columns", "reset"].flatMap((glyph) =>
    [16, 32, 80].map((size) => ({ glyph, size, file: `${glyph}-${size}.png` })),
  ),
  { glyph: "logo-filled", size: 128, file: "logo-filled.png" },
];

export function render(layers, size, samples = 4) {
  const rgba = Buffer.alloc(size * size * 4);
  const scale = 16 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // accumulate premultiplied colour over the subsamples
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          let colour = CLEAR;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          const alpha = colour[3] / 255;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(assets, { recursive: true });
  for (const { glyph, size, file } of OUTPUTS) {
    const png = encodePng(render(GLYPHS[glyph], size), size, size);
    writeFileSync(join(assets, file), png);
    console.log(`assets/${file}  ${size}x${size}  ${png.length} bytes`);
  }
}
