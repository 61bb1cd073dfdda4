// Summed-area tables of an image and of its squares: the sum and the variance of any rectangle
// in four lookups each (Crow 1984; Viola & Jones 2001). The cascade's scan reads the tables
// directly: sum(x, y, w, h) = S[(y+h)*stride + x+w] - S[(y+h)*stride + x] - S[y*stride + x+w] + S[y*stride + x].

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
}
