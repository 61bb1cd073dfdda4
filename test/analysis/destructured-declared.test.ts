import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('members destructured from a parameter hold what its declared type holds there (calls-destructured-declared)', () => {
  const r = analyzeApp({ appDir: fixture('calls-destructured-declared'), catalogs: [] });
  const A = 'src/actions.ts';
  const S = 'src/steps.ts';

  test('`function runWith({ step }: Stepper)` calls what `runOn(stepper: Stepper)` does through `stepper.step`, with no caller in the app', () => {
    expect(edges(r).filter(([from]) => from === `${S}#runWith` || from === `${S}#runOn`)).toEqual([
      [`${S}#runOn`, `${S}#inc.step`, `${S}:14:18`, 'hierarchy'],
      [`${S}#runWith`, `${S}#inc.step`, `${S}:10:10`, 'callback'],
    ]);
  });

  test('`{ assignment }` of the action passed to a resolver reaches what `assign.assignment = assignment` stored: the arrow handed to assign()', () => {
    expect(edges(r).filter(([from]) => from === `${A}#resolveAssign`)).toEqual([[`${A}#resolveAssign`, `${A}#<anonymous 1>`, `${A}:12:10`, 'callback']]);
  });
});
