// A Viola-Jones-style cascade of Haar-like features over a fixed-size window. Each weak
// classifier compares mean intensities of a few rectangles, normalised by the window's standard
// deviation (so lighting and contrast do not matter); each stage sums its classifiers' votes and
// rejects the window when the sum is under the stage's threshold. Most windows are rejected by
// the first, cheapest stage. The stages here are written by hand from the face model
// (face-model.ts), not trained.

import { IntegralImage } from './integral.js';

/** [x, y, width, height, weight] in window pixels; value = sum of weight x mean(rect). */
export type WeightedRect = [number, number, number, number, number];

export interface WeakClassifier {
  name: string;
  rects: WeightedRect[];
  /** In standard deviations of the window. */
  threshold: number;
  pass: number;
  fail: number;
}

export interface Stage {
  classifiers: WeakClassifier[];
  threshold: number;
}

const WINDOW = 24;

export const FACE_CASCADE: Stage[] = [
  {
    threshold: 0.5,
    classifiers: [
      { name: 'eyes darker than cheeks', rects: [[4, 8, 16, 4, -1], [4, 12, 16, 4, 1]], threshold: 0.25, pass: 1, fail: 0 },
    ],
  },
  {
    threshold: 1.5,
    classifiers: [
      { name: 'bridge lighter than eyes', rects: [[4, 8, 6, 4, -0.5], [10, 8, 4, 4, 1], [14, 8, 6, 4, -0.5]], threshold: 0.35, pass: 1, fail: 0 },
      { name: 'forehead lighter than eyes', rects: [[5, 3, 14, 4, 1], [5, 8, 14, 4, -1]], threshold: 0.25, pass: 1, fail: 0 },
    ],
  },
  {
    threshold: 2.5,
    classifiers: [
      { name: 'mouth darker than above', rects: [[8, 14, 8, 3, 1], [8, 17, 8, 3, -1]], threshold: 0.2, pass: 1, fail: 0 },
      { name: 'mouth darker than chin', rects: [[8, 20, 8, 2, 1], [8, 17, 8, 3, -1]], threshold: 0.2, pass: 1, fail: 0 },
      { name: 'left eye darker than cheek', rects: [[5, 8, 5, 3, -1], [5, 12, 5, 3, 1]], threshold: 0.3, pass: 1, fail: 0 },
      { name: 'right eye darker than cheek', rects: [[14, 8, 5, 3, -1], [14, 12, 5, 3, 1]], threshold: 0.3, pass: 1, fail: 0 },
    ],
  },
];

/** A window position that passed every stage, in the pixels of the scanned level. */
export interface Hit {
  x: number;
  y: number;
}

export class Cascade {
  readonly window = WINDOW;
  /** Per classifier: rect count, then per rect x, y, w, h, weight / area; flattened for speed. */
  private readonly program: Float64Array;
  private readonly stageSizes: Int32Array;
  private readonly stageThresholds: Float64Array;

  constructor(stages: Stage[]) {
    const program: number[] = [];
    for (const stage of stages) {
      for (const c of stage.classifiers) {
        program.push(c.threshold, c.pass, c.fail, c.rects.length);
        for (const [x, y, w, h, weight] of c.rects) program.push(x, y, w, h, weight / (w * h));
      }
    }
    this.program = Float64Array.from(program);
    this.stageSizes = Int32Array.from(stages.map((s) => s.classifiers.length));
    this.stageThresholds = Float64Array.from(stages.map((s) => s.threshold));
  }

  get stages(): number {
    return this.stageSizes.length;
  }

  /** Every window of `integral` (stride `step`) that passes all stages. */
  scan(integral: IntegralImage, step: number): Hit[] {
    const { sums, squares, stride, width, height } = integral;
    const { program, stageSizes, stageThresholds } = this;
    const area = WINDOW * WINDOW;
    const hits: Hit[] = [];
    for (let y = 0; y + WINDOW <= height; y += step) {
      for (let x = 0; x + WINDOW <= width; x += step) {
        const a = y * stride + x;
        const b = (y + WINDOW) * stride + x;
        const total = sums[b + WINDOW]! - sums[b]! - sums[a + WINDOW]! + sums[a]!;
        const sq = squares[b + WINDOW]! - squares[b]! - squares[a + WINDOW]! + squares[a]!;
        const mean = total / area;
        const deviation = Math.sqrt(Math.max(sq / area - mean * mean, 1));
        let pc = 0;
        let passed = true;
        for (let s = 0; s < stageSizes.length && passed; s++) {
          let vote = 0;
          for (let k = 0; k < stageSizes[s]!; k++) {
            const threshold = program[pc]!;
            const pass = program[pc + 1]!;
            const fail = program[pc + 2]!;
            const rects = program[pc + 3]!;
            pc += 4;
            let value = 0;
            for (let r = 0; r < rects; r++, pc += 5) {
              const rx = x + program[pc]!;
              const ry = y + program[pc + 1]!;
              const rw = program[pc + 2]!;
              const rh = program[pc + 3]!;
              const p = ry * stride + rx;
              const q = (ry + rh) * stride + rx;
              value += program[pc + 4]! * (sums[q + rw]! - sums[q]! - sums[p + rw]! + sums[p]!);
            }
            vote += value > threshold * deviation ? pass : fail;
          }
          passed = vote >= stageThresholds[s]!;
        }
        if (passed) hits.push({ x, y });
      }
    }
    return hits;
  }
}
