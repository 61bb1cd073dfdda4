#!/usr/bin/env node
// Writes a deterministic gallery for the face search: grayscale PGM (P5) pictures made from a
// seeded PRNG, with cluttered backgrounds (gradients, rectangles, discs, a few "eye-like" dark
// pairs as decoys) and 0-3 planted faces each, drawn with the proportions of
// src/vision/face-model.ts plus random jitter, brightness, contrast, blur and noise. The planted
// faces' boxes go to truth.json in the same folder (the app reports how many it found).
//
//   node tools/make-data.mjs [--out DIR] [--images N] [--width W] [--height H] [--seed N]
//
// Same arguments, same bytes. The default output folder (.data/gallery/) is git-ignored.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../tools/random.mjs';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULTS = { images: 12, width: 320, height: 240, seed: 2011 };

// The face model of src/vision/face-model.ts (unit box), kept in step by hand.
const HEAD = { cx: 0.5, cy: 0.5, rx: 0.46, ry: 0.5, shade: 0 };
const FEATURES = [
  { cx: 0.31, cy: 0.41, rx: 0.1, ry: 0.065, shade: -1 },
  { cx: 0.69, cy: 0.41, rx: 0.1, ry: 0.065, shade: -1 },
  { cx: 0.5, cy: 0.58, rx: 0.05, ry: 0.08, shade: -0.25 },
  { cx: 0.5, cy: 0.76, rx: 0.18, ry: 0.05, shade: -0.9 },
];
const inside = (e, u, v) => ((u - e.cx) / e.rx) ** 2 + ((v - e.cy) / e.ry) ** 2 <= 1;

function makeImage(width, height, rnd) {
  const pix = new Float32Array(width * height);
  const uniform = (a, b) => a + (b - a) * rnd();
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());

  // Background: a gradient, then clutter.
  const base = uniform(40, 200);
  const gx = uniform(-0.4, 0.4);
  const gy = uniform(-0.4, 0.4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pix[y * width + x] = base + gx * x + gy * y;
  const shapes = 8 + Math.floor(rnd() * 10);
  for (let s = 0; s < shapes; s++) {
    const value = uniform(0, 255);
    const x0 = uniform(-20, width);
    const y0 = uniform(-20, height);
    const w = uniform(10, width / 2);
    const h = uniform(10, height / 2);
    const disc = rnd() < 0.5;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, x0 + w); x++) {
        if (disc && ((x - x0 - w / 2) / (w / 2)) ** 2 + ((y - y0 - h / 2) / (h / 2)) ** 2 > 1) continue;
        pix[y * width + x] = value;
      }
    }
  }
  // Decoys: pairs of dark spots, like eyes without a face around them.
  const decoys = Math.floor(rnd() * 3);
  for (let d = 0; d < decoys; d++) {
    const size = uniform(24, 80);
    const x0 = uniform(0, width - size);
    const y0 = uniform(0, height - size);
    const dark = uniform(0, 60);
    for (const e of FEATURES.slice(0, 2)) {
      for (let y = Math.floor(y0); y < y0 + size && y < height; y++) {
        for (let x = Math.floor(x0); x < x0 + size && x < width; x++) {
          if (inside(e, (x - x0) / size, (y - y0) / size)) pix[y * width + x] = dark;
        }
      }
    }
  }

  // Faces: non-overlapping boxes, each drawn with 3x3 supersampling.
  const faces = [];
  const count = Math.floor(rnd() * 4);
  for (let attempt = 0; faces.length < count && attempt < 50; attempt++) {
    const size = Math.round(uniform(28, Math.min(110, height - 4)));
    const x = Math.floor(uniform(2, width - size - 2));
    const y = Math.floor(uniform(2, height - size - 2));
    if (faces.some((f) => x < f.x + f.size + 4 && f.x < x + size + 4 && y < f.y + f.size + 4 && f.y < y + size + 4)) continue;
    faces.push({ x, y, size });
    const skin = uniform(130, 230);
    const contrast = uniform(70, 120);
    const features = FEATURES.map((e) => ({
      cx: e.cx + uniform(-0.015, 0.015),
      cy: e.cy + uniform(-0.015, 0.015),
      rx: e.rx * uniform(0.9, 1.1),
      ry: e.ry * uniform(0.9, 1.1),
      shade: e.shade,
    }));
    for (let py = y; py < y + size; py++) {
      for (let px = x; px < x + size; px++) {
        let total = 0;
        let covered = 0;
        for (let sy = 0; sy < 3; sy++) {
          for (let sx = 0; sx < 3; sx++) {
            const u = (px - x + (sx + 0.5) / 3) / size;
            const v = (py - y + (sy + 0.5) / 3) / size;
            if (!inside(HEAD, u, v)) continue;
            const f = features.find((e) => inside(e, u, v));
            total += skin + (f ? f.shade : 0) * contrast;
            covered++;
          }
        }
        if (covered) pix[py * width + px] = (total + (9 - covered) * pix[py * width + px]) / 9;
      }
    }
  }

  // A camera's softness and sensor noise: a 3x3 box blur, then Gaussian noise.
  const blurred = new Float32Array(pix.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let total = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
            total += pix[yy * width + xx];
            n++;
          }
        }
      }
      blurred[y * width + x] = total / n;
    }
  }
  const noise = uniform(3, 9);
  const header = Buffer.from(`P5\n# image-search test picture\n${width} ${height}\n255\n`, 'ascii');
  const body = Buffer.alloc(width * height);
  for (let i = 0; i < body.length; i++) body[i] = Math.max(0, Math.min(255, Math.round(blurred[i] + noise * gauss())));
  return { bytes: Buffer.concat([header, body]), faces };
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export function makeGallery({ out, images, width, height, seed }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const rnd = mulberry32(seed);
  const truth = {};
  let bytes = 0;
  for (let i = 0; i < images; i++) {
    const name = `photo-${String(i).padStart(3, '0')}.pgm`;
    const image = makeImage(width, height, rnd);
    writeFileSync(join(out, name), image.bytes);
    truth[name] = image.faces;
    bytes += image.bytes.length;
  }
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  const faces = Object.values(truth).reduce((sum, f) => sum + f.length, 0);
  return { images, bytes, faces };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const settings = {
    out: option(args, '--out', join(exampleDir, '.data', 'gallery')),
    images: Number(option(args, '--images', DEFAULTS.images)),
    width: Number(option(args, '--width', DEFAULTS.width)),
    height: Number(option(args, '--height', DEFAULTS.height)),
    seed: Number(option(args, '--seed', DEFAULTS.seed)),
  };
  const made = makeGallery(settings);
  process.stdout.write(`wrote ${made.images} pictures (${made.bytes} bytes, ${made.faces} planted faces) to ${settings.out}\n`);
}
