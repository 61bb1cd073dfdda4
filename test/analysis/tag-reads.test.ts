import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('Object.prototype.toString reading [Symbol.toStringTag] getters (calls-tag-reads)', () => {
  const r = analyzeApp({ appDir: fixture('calls-tag-reads'), catalogs: [] });
  const T = 'src/tags.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${T}#${fn}`);
  test('on a value typed any or unknown (also narrowed to `{}`), every tag getter of the app, written out or through consts holding it', () => {
    expect(from('isSetLike')).toEqual([
      [`${T}#isSetLike`, `${T}#Bag.[Symbol.toStringTag]`, `${T}:26:53`, 'implicit'],
      [`${T}#isSetLike`, `${T}#Label.[Symbol.toStringTag]`, `${T}:26:53`, 'implicit'],
      [`${T}#isSetLike`, `${T}#Table.[Symbol.toStringTag]`, `${T}:26:53`, 'implicit'],
    ]);
    expect(from('isMapLike').map(([, to]) => to)).toEqual([`${T}#Bag.[Symbol.toStringTag]`, `${T}#Label.[Symbol.toStringTag]`, `${T}#Table.[Symbol.toStringTag]`]);
    expect(from('kindOf').map(([, to]) => to)).toEqual([`${T}#Bag.[Symbol.toStringTag]`, `${T}#Label.[Symbol.toStringTag]`, `${T}#Table.[Symbol.toStringTag]`]);
  });
  test("on a typed value, its own type's getter; another built-in's `.call`, none", () => {
    expect(from('describe').map(([, to]) => to)).toEqual([`${T}#Label.[Symbol.toStringTag]`]);
    expect(from('keysOf')).toEqual([]);
  });
});
