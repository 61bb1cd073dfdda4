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

export const inside = (e: Ellipse, u: number, v: number): boolean =>
  ((u - e.cx) / e.rx) ** 2 + ((v - e.cy) / e.ry) ** 2 <= 1;

/** Shade of the model at (u, v) in the unit square, or NaN outside the head. */
export function shadeAt(u: number, v: number): number {
  if (!inside(HEAD, u, v)) return Number.NaN;
  for (const feature of FEATURES) if (inside(feature, u, v)) return feature.shade;
  return 0;
}
