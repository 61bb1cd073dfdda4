import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('`x ||= v`, `x &&= v`, `x ??= v` store v into x (calls-logical-assignments)', () => {
  const r = analyzeApp({ appDir: fixture('calls-logical-assignments'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${A}:${site}`);

  test('a call of the variable runs what the logical assignment stored, beside what callers pass', () => {
    expect(at('11:20')).toEqual([
      [`${A}#mount.<anonymous 2>`, `${A}#mount.<anonymous 1>.<anonymous 1>`, `${A}:11:20`, 'callback'],
      [`${A}#mount.<anonymous 2>`, `${A}#mount.<anonymous 2>`, `${A}:11:20`, 'callback'],
    ]);
    expect(at('17:10').map(([, to]) => to)).toEqual([`${A}#mount.<anonymous 2>`, `${A}#orDefault.f`]);
    expect(at('23:14').map(([, to]) => to)).toEqual([`${A}#mount.<anonymous 2>`, `${A}#whenGiven.f`]);
  });
});
