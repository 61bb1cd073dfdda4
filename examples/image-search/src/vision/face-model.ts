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

const inside = (e: Ellipse, u: number, v: number): boolean =>
  ((u - e.cx) / e.rx) ** 2 + ((v - e.cy) / e.ry) ** 2 <= 1;

/** Shade of the model at (u, v) in the unit square, or NaN outside the head. */
function shadeAt(u: number, v: number): number {
  if (!inside(HEAD, u, v)) return Number.NaN;
  for (const feature of FEATURES) if (inside(feature, u, v)) return feature.shade;
  return 0;
}

export interface RenderedModel {
  size: number;
  /** Mean shade of each pixel's part inside the head (0 when none is). */
  shade: Float64Array;
  /** Fraction of each pixel inside the head, from samples x samples points per pixel. */
  coverage: Float64Array;
}

/** The model drawn on a size x size grid, supersampled. */
export function renderModel(size: number, samples: number): RenderedModel {
  const shade = new Float64Array(size * size);
  const coverage = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let total = 0;
      let inHead = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const s = shadeAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
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
