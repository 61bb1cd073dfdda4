// Comparison with the generator's ground truth (when the gallery comes with one): a planted
// face counts as found when a detection overlaps it by IoU >= 0.4.

import { intersectionOverUnion, type Box } from './nms.js';
import type { ImageReport } from './detector.js';

export interface TruthFace {
  x: number;
  y: number;
  size: number;
}

export interface Accuracy {
  planted: number;
  found: number;
  falsePositives: number;
  missed: string[];
}

export function compareWithTruth(reports: ImageReport[], truth: Record<string, TruthFace[]>): Accuracy {
  const accuracy: Accuracy = { planted: 0, found: 0, falsePositives: 0, missed: [] };
  for (const report of reports) {
    const planted = truth[report.name] ?? [];
    const used = new Set<number>();
    accuracy.planted += planted.length;
    for (const face of planted) {
      const box: Box = { ...face, score: 1 };
      const match = report.faces.findIndex((d, i) => !used.has(i) && intersectionOverUnion(box, d) >= 0.4);
      if (match >= 0) {
        used.add(match);
        accuracy.found++;
      } else {
        accuracy.missed.push(`${report.name} (${face.x},${face.y}) ${face.size}px`);
      }
    }
    accuracy.falsePositives += report.faces.length - used.size;
  }
  return accuracy;
}
