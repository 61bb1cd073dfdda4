import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a function handed to a library parameter typed by primitives only (calls-primitive-parameters)', () => {
  test('is not run there; one handed to an object, a type parameter or a function type is', () => {
    const r = analyzeApp({ appDir: fixture('calls-primitive-parameters'), catalogs: [] });
    const D = 'src/datasets.ts';
    const stored = `${D}#wrap.d.value`;
    // No edge from matches (re.test), invalid (isNaN) or parsed (JSON.parse).
    expect(edges(r)).toEqual([
      [`${D}#later`, stored, `${D}:31:20`, 'callback'], // [1, 2].forEach(d.value)
      [`${D}#remember`, stored, `${D}:28:14`, 'callback'], // seen.add(d.value): add(value: T) may keep it
      [`${D}#size`, stored, `${D}:25:24`, 'callback'], // Object.keys(d.value): keys(o: {})
      [stored, stored, `${D}:9:19`, 'callback'],
    ]);
  });
});
