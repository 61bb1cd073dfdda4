import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('object literals that fit a type they were not written as (calls-literal-fit)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-literal-fit'), catalogs: [] })));
  const E = 'src/ease.ts';
  const C = 'src/context.ts';

  test('a literal with members besides the type\'s implements it; one whose member has another type does not', () => {
    // Easing.Linear.None is declared by { None: Ease }; Labels.None takes a string
    expect(edges(r).filter(([from]) => from?.startsWith(E))).toEqual([[`${E}#Tween.update`, `${E}#None`, `${E}:25:17`, 'callback']]);
  });

  test("a generic type's members are matched with its type parameter erased; a literal lacking a member does not fit", () => {
    expect(edges(r).filter(([from]) => from === `${C}#min.<anonymous 1>`)).toEqual([
      [`${C}#min.<anonymous 1>`, `${C}#validate.ctx.fail`, `${C}:37:47`, 'hierarchy'], // this.fail, this: Context<C>
      [`${C}#min.<anonymous 1>`, `${C}#validate.ctx.resolve`, `${C}:37:28`, 'hierarchy'], // not partial.resolve
    ]);
    expect(r.unresolved).toEqual([]);
  });
});
