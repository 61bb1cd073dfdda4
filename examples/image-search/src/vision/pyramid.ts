// Image pyramid: the detector's window has a fixed size, so faces of every size are found by
// scanning the image at successively smaller scales.

import type { GrayImage } from './pgm.js';

export interface PyramidLevel {
  /** Size of this level relative to the original (1, 1/1.15, ...). */
  scale: number;
  image: GrayImage;
}

/** Box-filtered downscaling (each output pixel averages the source area it covers). */
const downscale = (source: GrayImage, width: number, height: number): GrayImage => {
  const pixels = new Float32Array(width * height);
  const fx = source.width / width;
  const fy = source.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = y * fy;
    const y1 = y0 + fy;
    for (let x = 0; x < width; x++) {
      const x0 = x * fx;
      const x1 = x0 + fx;
      let total = 0;
      let area = 0;
      for (let sy = Math.floor(y0); sy < y1 && sy < source.height; sy++) {
        const wy = Math.min(sy + 1, y1) - Math.max(sy, y0);
        for (let sx = Math.floor(x0); sx < x1 && sx < source.width; sx++) {
          const w = wy * (Math.min(sx + 1, x1) - Math.max(sx, x0));
          total += w * source.pixels[sy * source.width + sx]!;
          area += w;
        }
      }
      pixels[y * width + x] = total / area;
    }
  }
  return { width, height, pixels };
};

export function buildPyramid(image: GrayImage, window: number, factor: number, minFace: number): PyramidLevel[] {
  const levels: PyramidLevel[] = [];
  // The first level makes the smallest wanted face as big as the window.
  let scale = Math.min(1, window / minFace);
  for (;;) {
    const width = Math.round(image.width * scale);
    const height = Math.round(image.height * scale);
    if (width < window || height < window) break;
    levels.push({ scale, image: scale === 1 ? image : downscale(image, width, height) });
    scale /= factor;
  }
  return levels;
}
