// Terminal UI: progress while the gallery is read, then each picture's faces, optionally drawn
// over a coarse preview of the picture.

import type { ImageReport } from '../vision/detector.js';
import type { Accuracy } from '../vision/evaluate.js';

const SHADES = ' .:-=+*#%@';

export class TerminalView {
  private readonly interactive: boolean;

  constructor(private readonly quiet = false) {
    this.interactive = process.stdout.isTTY === true;
  }

  progress(verb: string, done: number, total: number): void {
    if (this.quiet) return;
    if (this.interactive) process.stdout.write(`\r${verb} ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done === total) process.stdout.write(`${verb} ${done}/${total}\n`);
  }

  banner(detector: { stages: number; window: number; templatePixels: number; scaleFactor: number }): void {
    if (this.quiet) return;
    process.stdout.write(
      `detector: ${detector.stages}-stage Haar cascade on a ${detector.window}x${detector.window} window, ` +
        `NCC check over ${detector.templatePixels} template pixels, pyramid step ${detector.scaleFactor}\n`,
    );
  }

  report(report: ImageReport, withPreview: boolean): void {
    if (this.quiet) return;
    if (report.error) {
      process.stdout.write(`  ${report.name}: cannot decode (${report.error})\n`);
      return;
    }
    const faces = report.faces
      .map((f) => `(${f.x},${f.y}) ${f.size}px ncc ${f.score.toFixed(2)}`)
      .join(', ');
    process.stdout.write(
      `  ${report.name} ${report.width}x${report.height}: ${report.faces.length} face(s)${faces ? `: ${faces}` : ''}\n`,
    );
    if (withPreview) process.stdout.write(this.drawPreview(report));
  }

  /** The preview in ASCII shades, with each face's box drawn in '#'-free brackets. */
  private drawPreview(report: ImageReport): string {
    const { columns, rows, cells } = report.preview;
    const grid = Array.from({ length: rows }, (_, r) =>
      Array.from(cells.subarray(r * columns, (r + 1) * columns), (level) => SHADES[level] ?? ' '),
    );
    const sx = columns / report.width;
    const sy = rows / report.height;
    for (const face of report.faces) {
      const left = Math.floor(face.x * sx);
      const right = Math.min(columns - 1, Math.floor((face.x + face.size) * sx));
      const top = Math.floor(face.y * sy);
      const bottom = Math.min(rows - 1, Math.floor((face.y + face.size) * sy));
      for (let r = top; r <= bottom; r++) {
        const row = grid[r];
        if (!row) continue;
        row[left] = '[';
        row[right] = ']';
      }
    }
    return grid.map((row) => `    |${row.join('')}|\n`).join('');
  }

  summary(totals: { images: number; withFaces: number; faces: number; windows: number; failed: string[] }, elapsedMs: number | undefined): void {
    if (this.quiet) return;
    process.stdout.write(
      `${totals.images} images searched${elapsedMs === undefined ? '' : ` in ${elapsedMs.toFixed(0)} ms`} (${(totals.windows / 1e6).toFixed(2)} M windows): ` +
        `${totals.faces} face(s) in ${totals.withFaces} image(s)` +
        (totals.failed.length ? `; ${totals.failed.length} unreadable` : '') +
        '\n',
    );
  }

  accuracy(accuracy: Accuracy): void {
    if (this.quiet) return;
    process.stdout.write(
      `ground truth: ${accuracy.found}/${accuracy.planted} planted faces found, ${accuracy.falsePositives} false positive(s)\n`,
    );
    for (const missed of accuracy.missed) process.stdout.write(`  missed ${missed}\n`);
  }

  error(message: string): void {
    process.stderr.write(`image-search: ${message}\n`);
  }
}
