// Summed-area tables of an image and of its squares: the sum and the variance of any rectangle
// in four lookups each (Crow 1984; Viola & Jones 2001).

import type { GrayImage } from './pgm.js';

export class IntegralImage {
  /** Row length of the tables: one more than the image's width (a zero column on the left). */
  readonly stride: number;

  private constructor(
    readonly width: number,
    readonly height: number,
    readonly sums: Float64Array,
    readonly squares: Float64Array,
  ) {
    this.stride = width + 1;
  }

  static of(image: GrayImage): IntegralImage {
    const { width, height, pixels } = image;
    const stride = width + 1;
    const sums = new Float64Array(stride * (height + 1));
    const squares = new Float64Array(stride * (height + 1));
    for (let y = 0; y < height; y++) {
      let rowSum = 0;
      let rowSquares = 0;
      for (let x = 0; x < width; x++) {
        const v = pixels[y * width + x]!;
        rowSum += v;
        rowSquares += v * v;
        const at = (y + 1) * stride + x + 1;
        sums[at] = sums[at - stride]! + rowSum;
        squares[at] = squares[at - stride]! + rowSquares;
      }
    }
    return new IntegralImage(width, height, sums, squares);
  }

  /** Sum of the pixels of the rectangle [x, x+w) x [y, y+h). */
  sum(x: number, y: number, w: number, h: number): number {
    const { sums, stride } = this;
    const a = y * stride + x;
    const b = (y + h) * stride + x;
    return sums[b + w]! - sums[b]! - sums[a + w]! + sums[a]!;
  }

  /** Mean and standard deviation of the rectangle (the deviation is at least 1). */
  stats(x: number, y: number, w: number, h: number): { mean: number; deviation: number } {
    const { squares, stride } = this;
    const n = w * h;
    const mean = this.sum(x, y, w, h) / n;
    const a = y * stride + x;
    const b = (y + h) * stride + x;
    const sq = squares[b + w]! - squares[b]! - squares[a + w]! + squares[a]!;
    return { mean, deviation: Math.sqrt(Math.max(sq / n - mean * mean, 1)) };
  }
}
