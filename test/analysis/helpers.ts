import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalog } from '../../src/analysis/legality/catalog.js';
import type { AnalysisResult, PlatformCatalog } from '../../src/analysis/types.js';
import { reachingIdPairs } from '../../src/util/reach.js';

const here = dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string): string => join(here, '..', 'fixtures', name);

export function bundledCatalog(name: 'browser' | 'node-device' | 'react-native'): PlatformCatalog {
  const file = join(here, '..', '..', 'profiles', 'platforms', `${name}.yaml`);
  return parseCatalog(readFileSync(file, 'utf8'), `profiles/platforms/${name}.yaml`);
}

/** The call graph's edges as [from, to, site, kind] rows, in the result's order. */
export const edgeRows = (r: AnalysisResult): string[][] => r.edges.map((e) => [e.from, e.to, e.site, e.kind]);

/** The pairs [m1, m2] of distinct candidates where m1 may reach m2, sorted (what `analyze --json --reaches` lists). */
export const candidatePairs = (r: AnalysisResult): [string, string][] => [
  ...reachingIdPairs(r.reach, r.methods.filter((m) => m.candidate).map((m) => m.id).sort()),
];
