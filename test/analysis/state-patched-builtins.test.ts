/**
 * Members the app installs on built-in prototypes (a polyfill module the entry imports) are
 * globals the app writes: the clone has them only if it loads that module. A method that reads
 * one, explicitly or through a conversion, stays on the device; methods using members nobody
 * installed stay candidates.
 */
import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, fixture } from './helpers.js';

const analyze = (name: string): AnalysisResult => analyzeApp({ appDir: fixture(name), catalogs: [bundledCatalog('node-device')] });
const verdicts = (r: AnalysisResult) => Object.fromEntries(r.methods.map((m) => [m.id, m.candidate ? 'candidate' : m.reasons.map((x) => x.rule).join(',')]));

describe('members installed on built-ins (state-patched-builtins)', () => {
  const r = analyze('state-patched-builtins');

  test('readers of an installed member are not candidates; the rest stay', () => {
    expect(verdicts(r)).toEqual({
      'src/polyfills.ts#Array.prototype.total': 'candidate',
      'src/polyfills.ts#Object.prototype.toString': 'candidate',
      'src/polyfills.ts#toJSON': 'candidate',
      'src/polyfills.ts#value': 'candidate',
      'src/stats.ts#countOf': 'candidate', // a number converts without toString
      'src/stats.ts#label': 'state', // `${o}`: Object.prototype.toString
      'src/stats.ts#loose': 'state', // an `any` receiver's total
      'src/stats.ts#mean': 'state', // reaches sum
      'src/stats.ts#plain': 'candidate',
      'src/stats.ts#plain.<anonymous 1>': 'candidate',
      'src/stats.ts#stamp': 'state', // JSON.stringify runs a nested Date's toJSON
      'src/stats.ts#sum': 'state', // xs.total(), declared by the app's augmentation of Array
      'src/stats.ts#wordCount': 'state', // installed by Object.defineProperty
    });
  });

  test('the reason names the member and where the app installs it', () => {
    const reason = (id: string) => r.methods.find((m) => m.id === id)!.reasons[0]!;
    expect(reason('src/stats.ts#sum')).toEqual({
      rule: 'state',
      message: 'reads global Array.prototype.total, which the app writes at src/polyfills.ts:11: globals stay on each side, and a call does not carry them (at src/stats.ts:2)',
      site: 'src/stats.ts:2:10',
    });
    expect(reason('src/stats.ts#stamp').message).toContain('Date.prototype.toJSON, which the app writes at src/polyfills.ts:21');
  });
});
