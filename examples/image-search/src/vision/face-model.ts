// The face the detector looks for, in the unit square of its bounding box: a bright oval head,
// two dark eyes, a faint nose, a dark mouth. The cascade's rectangles and the verification
// template are both derived from it (tools/make-data.mjs draws faces with the same proportions,
// plus jitter, noise and blur).

export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  /** Brightness relative to the skin: 0 = skin, -1 = one full contrast step darker. */
  shade: number;
}

export const HEAD: Ellipse = { cx: 0.5, cy: 0.5, rx: 0.46, ry: 0.5, shade: 0 };

export const FEATURES: readonly Ellipse[] = [
  { cx: 0.31, cy: 0.41, rx: 0.1, ry: 0.065, shade: -1 }, // left eye
  { cx: 0.69, cy: 0.41, rx: 0.1, ry: 0.065, shade: -1 }, // right eye
  { cx: 0.5, cy: 0.58, rx: 0.05, ry: 0.08, shade: -0.25 }, // nose
  { cx: 0.5, cy: 0.76, rx: 0.18, ry: 0.05, shade: -0.9 }, // mouth
];

export interface RenderedModel {
  size: number;
  /** Mean shade of each pixel's part inside the head (0 when none is). */
  shade: Float64Array;
  /** Fraction of each pixel inside the head, from samples x samples points per pixel. */
  coverage: Float64Array;
}

/**
 * The model drawn on a size x size grid: the head, then each feature over it (painter's order),
 * on a grid `samples` times finer, then averaged down to pixels.
 */
export function renderModel(size: number, samples: number): RenderedModel {
  const fine = size * samples;
  const canvas = new Float64Array(fine * fine).fill(Number.NaN);
  for (const ellipse of [HEAD, ...FEATURES]) {
    const top = Math.max(0, Math.floor((ellipse.cy - ellipse.ry) * fine));
    const bottom = Math.min(fine - 1, Math.ceil((ellipse.cy + ellipse.ry) * fine));
    const left = Math.max(0, Math.floor((ellipse.cx - ellipse.rx) * fine));
    const right = Math.min(fine - 1, Math.ceil((ellipse.cx + ellipse.rx) * fine));
    for (let y = top; y <= bottom; y++) {
      const dv = ((y + 0.5) / fine - ellipse.cy) / ellipse.ry;
      for (let x = left; x <= right; x++) {
        const du = ((x + 0.5) / fine - ellipse.cx) / ellipse.rx;
        if (du * du + dv * dv <= 1) canvas[y * fine + x] = ellipse.shade;
      }
    }
  }
  const shade = new Float64Array(size * size);
  const coverage = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let total = 0;
      let inHead = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const s = canvas[(y * samples + sy) * fine + x * samples + sx]!;
          if (!Number.isNaN(s)) {
            total += s;
            inHead++;
          }
        }
      }
      shade[y * size + x] = inHead ? total / inHead : 0;
      coverage[y * size + x] = inHead / (samples * samples);
    }
  }
  return { size, shade, coverage };
}
