import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { parseCatalog } from '../../src/analysis/legality/catalog.js';
import type { AnalysisResult, PlatformCatalog } from '../../src/analysis/types.js';
import { reachingIdPairs } from '../../src/util/reach.js';

const here = dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string): string => join(here, '..', 'fixtures', name);

export function bundledCatalog(name: 'browser' | 'node-device' | 'react-native'): PlatformCatalog {
  const file = join(here, '..', '..', 'profiles', 'platforms', `${name}.yaml`);
  return parseCatalog(readFileSync(file, 'utf8'), `profiles/platforms/${name}.yaml`);
}

/** [pinned, candidate, rules] per method id, and `true` at the end for members of a native-state group. */
export const verdictRows = (r: AnalysisResult) =>
  Object.fromEntries(r.methods.map((m) => [m.id, [m.pinned, m.candidate, m.reasons.map((x) => x.rule), ...(m.nativeState ? [true] : [])]]));

/** The 'pinned' reasons' messages of one method. */
export const pinnedMessages = (r: AnalysisResult, id: string): string[] =>
  r.methods
    .find((m) => m.id === id)!
    .reasons.filter((x) => x.rule === 'pinned')
    .map((x) => x.message);

/** The call graph's edges as [from, to, site, kind] rows, in the result's order. */
export const edgeRows = (r: AnalysisResult): string[][] => r.edges.map((e) => [e.from, e.to, e.site, e.kind]);

/** The methods `from` calls, each once, sorted. */
export const targets = (r: AnalysisResult, from: string): string[] => [...new Set(r.edges.filter((e) => e.from === from).map((e) => e.to))].sort();

/** The pairs [m1, m2] of distinct candidates where m1 may reach m2, sorted (what `analyze --json --reaches` lists). */
export const candidatePairs = (r: AnalysisResult): [string, string][] => [
  ...reachingIdPairs(r.reach, r.methods.filter((m) => m.candidate).map((m) => m.id).sort()),
];

/** A one-file program in memory, without lib (the checker's answers on the file's own declarations are all its tests need). */
export function memoryProgram(text: string, options: ts.CompilerOptions = {}): { sf: ts.SourceFile; checker: ts.TypeChecker } {
  const file = '/virtual/a.ts';
  const all: ts.CompilerOptions = { noLib: true, types: [], ...options };
  const host = ts.createCompilerHost(all);
  host.getSourceFile = (f, lang) => (f === file ? ts.createSourceFile(f, text, lang) : undefined);
  host.fileExists = (f) => f === file;
  host.readFile = (f) => (f === file ? text : undefined);
  const p = ts.createProgram([file], all, host);
  return { sf: p.getSourceFile(file)!, checker: p.getTypeChecker() };
}
