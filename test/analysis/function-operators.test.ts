import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('x.call()/x.apply() through an interface member may run a function held there (calls-function-operators)', () => {
  const r = analyzeApp({ appDir: fixture('calls-function-operators'), catalogs: [] });
  const S = 'src/stream.ts';
  const O = 'src/operators.ts';

  test('`operator.call(sink, source)` runs the function lift() stored, besides the classes implementing Operator', () => {
    expect(edges(r).filter(([f]) => f!.startsWith(`${S}#Stream.subscribe`))).toEqual([
      [`${S}#Stream.subscribe`, `${O}#doubled.<anonymous 1>`, `${S}:23:28`, 'callback'],
      [`${S}#Stream.subscribe`, `${S}#Counting.call`, `${S}:23:28`, 'hierarchy'],
      [`${S}#Stream.subscribeField`, `${O}#doubled.<anonymous 1>`, `${S}:27:20`, 'callback'],
      [`${S}#Stream.subscribeField`, `${S}#Counting.call`, `${S}:27:20`, 'hierarchy'],
    ]);
  });

  test('a function never stored there is not run', () => {
    expect(edges(r).filter(([, t]) => t === `${O}#unrelated`)).toEqual([]);
  });
});
