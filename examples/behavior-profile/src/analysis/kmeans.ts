// Spherical k-means (cosine distance on unit vectors) with k-means++ seeding and restarts,
// and the silhouette coefficient to choose the number of clusters.

/** A seeded PRNG (mulberry32), so the same log always gives the same profile. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export interface Clustering {
  k: number;
  assignment: Int32Array;
  centroids: Float64Array[];
  /** Sum over points of the cosine distance to their centroid. */
  inertia: number;
  iterations: number;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

function normalize(v: Float64Array): Float64Array {
  const n = Math.sqrt(dot(v, v)) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

function seedCentroids(points: Float64Array[], k: number, rng: Rng): Float64Array[] {
  const centroids = [Float64Array.from(points[Math.floor(rng.next() * points.length)]!)];
  const nearest = new Float64Array(points.length).fill(Infinity);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1]!;
    let total = 0;
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      let similarity = 0;
      for (let j = 0; j < point.length; j++) similarity += point[j]! * last[j]!;
      const d = Math.max(0, 1 - similarity);
      nearest[i] = Math.min(nearest[i]!, d * d);
      total += nearest[i]!;
    }
    let r = rng.next() * total;
    let chosen = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      r -= nearest[i]!;
      if (r <= 0) {
        chosen = i;
        break;
      }
    }
    centroids.push(Float64Array.from(points[chosen]!));
  }
  return centroids;
}

export function kMeans(points: Float64Array[], k: number, rng: Rng, maxIterations = 50): Clustering {
  const dims = points[0]?.length ?? 0;
  const centroids = seedCentroids(points, k, rng);
  const assignment = new Int32Array(points.length).fill(-1);
  let inertia = 0;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = 0;
    inertia = 0;
    // The hot loop (points x clusters x dimensions per iteration), written out.
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      let best = 0;
      let bestSimilarity = -Infinity;
      for (let c = 0; c < k; c++) {
        const centroid = centroids[c]!;
        let s = 0;
        for (let d = 0; d < dims; d++) s += point[d]! * centroid[d]!;
        if (s > bestSimilarity) {
          bestSimilarity = s;
          best = c;
        }
      }
      if (assignment[i] !== best) changed++;
      assignment[i] = best;
      inertia += 1 - bestSimilarity;
    }
    if (changed === 0) break;
    for (let c = 0; c < k; c++) centroids[c]!.fill(0);
    for (let i = 0; i < points.length; i++) {
      const centroid = centroids[assignment[i]!]!;
      const point = points[i]!;
      for (let d = 0; d < dims; d++) centroid[d]! += point[d]!;
    }
    // An emptied cluster takes the point farthest from its centroid.
    for (let c = 0; c < k; c++) {
      if (centroids[c]!.every((x) => x === 0)) {
        let worst = 0;
        let worstSimilarity = Infinity;
        points.forEach((p, i) => {
          const s = dot(p, centroids[assignment[i]!]!);
          if (s < worstSimilarity) {
            worstSimilarity = s;
            worst = i;
          }
        });
        centroids[c]!.set(points[worst]!);
      }
      normalize(centroids[c]!);
    }
  }
  return { k, assignment, centroids, inertia, iterations };
}

/** Pairwise cosine distances, row-major (n x n). */
export function distanceMatrix(points: Float64Array[]): Float32Array {
  const n = points.length;
  const distances = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = points[j]!;
      let similarity = 0;
      for (let x = 0; x < a.length; x++) similarity += a[x]! * b[x]!;
      const d = 1 - similarity;
      distances[i * n + j] = d;
      distances[j * n + i] = d;
    }
  }
  return distances;
}

/** Mean silhouette coefficient of a clustering, in [-1, 1] (higher: better separated). */
export function silhouette(distances: Float32Array, clustering: Clustering): number {
  const { assignment, k } = clustering;
  const n = assignment.length;
  const sizes = new Int32Array(k);
  for (const c of assignment) sizes[c]!++;
  const perCluster = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    perCluster.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) perCluster[assignment[j]!]! += distances[i * n + j]!;
    const own = assignment[i]!;
    if (sizes[own]! <= 1) continue;
    const a = perCluster[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, perCluster[c]! / sizes[c]!);
    total += b === Infinity ? 0 : (b - a) / Math.max(a, b);
  }
  return total / n;
}
