// A coarse preview of an image for a text terminal: the mean luminance of each cell, in ten
// levels (0 dark .. 9 bright). Computed with the detection so the terminal needs no pixels.

import type { GrayImage } from './pgm.js';

export interface Preview {
  columns: number;
  rows: number;
  /** rows x columns levels, row-major. */
  cells: Uint8Array;
}

export function makePreview(image: GrayImage, columns: number): Preview {
  // Terminal cells are about twice as high as wide.
  const cellWidth = image.width / columns;
  const rows = Math.max(1, Math.round(image.height / (cellWidth * 2)));
  const cellHeight = image.height / rows;
  const cells = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let total = 0;
      let count = 0;
      for (let y = Math.floor(r * cellHeight); y < Math.floor((r + 1) * cellHeight); y++) {
        for (let x = Math.floor(c * cellWidth); x < Math.floor((c + 1) * cellWidth); x++) {
          total += image.pixels[y * image.width + x]!;
          count++;
        }
      }
      cells[r * columns + c] = count ? Math.min(9, Math.floor((total / count / 256) * 10)) : 0;
    }
  }
  return { columns, rows, cells };
}
