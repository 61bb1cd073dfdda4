// Verification of the cascade's hits by normalised cross-correlation (NCC) with a template of
// the face model, over the pixels inside the head only (the background can be anything).

import { renderModel } from './face-model.js';
import type { Hit } from './haar.js';
import type { GrayImage } from './pgm.js';

export interface ScoredHit extends Hit {
  score: number;
}

export class FaceTemplate {
  /** Offsets (y * size + x) of the pixels inside the head, and the template's values there. */
  private readonly offsets: Int32Array;
  private readonly values: Float64Array;

  constructor(readonly size: number) {
    const model = renderModel(size, 4);
    const offsets: number[] = [];
    const values: number[] = [];
    // Only pixels wholly inside the head: the background around a face can be anything.
    for (let i = 0; i < size * size; i++) {
      if (model.coverage[i] === 1) {
        offsets.push(i);
        values.push(model.shade[i]!);
      }
    }
    // Zero mean, unit norm: the correlation is then one dot product over the window's pixels.
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const norm = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0));
    this.offsets = Int32Array.from(offsets);
    this.values = Float64Array.from(values, (v) => (v - mean) / norm);
  }

  get pixels(): number {
    return this.offsets.length;
  }

  /** NCC in [-1, 1] of the template with the window of `image` at (x, y). */
  correlate(image: GrayImage, x: number, y: number): number {
    const { offsets, values, size } = this;
    const { pixels, width } = image;
    const base = y * width + x;
    let sum = 0;
    let sumSquares = 0;
    let dot = 0;
    for (let i = 0; i < offsets.length; i++) {
      const o = offsets[i]!;
      const v = pixels[base + Math.floor(o / size) * width + (o % size)]!;
      sum += v;
      sumSquares += v * v;
      dot += v * values[i]!;
    }
    const n = offsets.length;
    const variance = sumSquares - (sum * sum) / n;
    // The template has zero mean, so dot = sum((v - mean(v)) * t); divide by |v - mean(v)|.
    return variance <= 1e-9 ? 0 : dot / Math.sqrt(variance);
  }

  /** The hits whose correlation reaches `threshold`, with their score. */
  verify(image: GrayImage, hits: Hit[], threshold: number): ScoredHit[] {
    const kept: ScoredHit[] = [];
    for (const hit of hits) {
      const score = this.correlate(image, hit.x, hit.y);
      if (score >= threshold) kept.push({ x: hit.x, y: hit.y, score });
    }
    return kept;
  }
}
