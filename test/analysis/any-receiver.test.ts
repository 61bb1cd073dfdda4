import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('members called on a receiver typed any (calls-any-receiver)', () => {
  test("the app's class members of that name run, what was stored over them too; the site stays listed", () => {
    const r = analyzeApp({ appDir: fixture('calls-any-receiver'), catalogs: [] });
    const S = 'src/schemas.ts';
    expect(edges(r).filter(([from]) => from === `${S}#partial` || from === `${S}#loose`)).toEqual([
      [`${S}#loose`, `${S}#Numbers.constructor.<anonymous 1>`, `${S}:30:17`, 'callback'], // schema.check: stored by super(check)
      [`${S}#loose`, `${S}#Schema.constructor.<anonymous 1>`, `${S}:30:17`, 'callback'], // its default
      [`${S}#partial`, `${S}#Lazy.optional`, `${S}:26:68`, 'method'], // fields[key].optional()
      [`${S}#partial`, `${S}#Schema.optional`, `${S}:26:68`, 'method'],
    ]);
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([
      [`${S}#loose`, `${S}:30:17`],
      [`${S}#partial`, `${S}:26:68`],
    ]);
  });
});
