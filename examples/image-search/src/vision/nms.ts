// Non-maximum suppression: overlapping detections of one face (neighbouring positions and
// scales) are merged into the best-scoring one; how many it absorbed is its support, and
// detections with too little support are dropped (isolated hits are mostly false positives).

export interface Box {
  x: number;
  y: number;
  size: number;
  score: number;
}

export interface Detection extends Box {
  support: number;
}

export function intersectionOverUnion(a: Box, b: Box): number {
  const w = Math.min(a.x + a.size, b.x + b.size) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.size, b.y + b.size) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const overlap = w * h;
  return overlap / (a.size * a.size + b.size * b.size - overlap);
}

export function suppress(boxes: Box[], overlap: number, minSupport: number): Detection[] {
  const order = [...boxes].sort((a, b) => b.score - a.score || a.y - b.y || a.x - b.x);
  const taken = new Uint8Array(order.length);
  const kept: Detection[] = [];
  for (let i = 0; i < order.length; i++) {
    if (taken[i]) continue;
    const best = order[i]!;
    let support = 1;
    for (let j = i + 1; j < order.length; j++) {
      if (!taken[j] && intersectionOverUnion(best, order[j]!) > overlap) {
        taken[j] = 1;
        support++;
      }
    }
    if (support >= minSupport) kept.push({ ...best, support });
  }
  return kept.sort((a, b) => a.y - b.y || a.x - b.x);
}
