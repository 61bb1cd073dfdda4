import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('proxy handlers that are class instances or hold made functions (calls-proxy-handler-classes)', () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-handler-classes'), catalogs: [] });
  const H = 'src/handlers.ts';
  const C = 'src/collections.ts';
  const W = 'src/wrap.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === fn);
  test('a read runs the get of every handler class (inherited too) and of the literal holding a made getter', () => {
    // (value as Target).__raw: handlers reach `new Proxy` through a parameter typed ProxyHandler<any>
    expect(from(`${W}#isWrapped`)).toEqual([
      [`${W}#isWrapped`, `${C}#makeGetter.<anonymous 1>`, `${W}:23:22`, 'implicit'],
      [`${W}#isWrapped`, `${H}#BaseHandler.get`, `${W}:23:22`, 'implicit'],
      [`${W}#isWrapped`, `${H}#CountingHandler.get`, `${W}:23:22`, 'implicit'],
    ]);
  });
  test('a write runs the set trap, `in` the has trap, of the subclass that declares them', () => {
    expect(from(`${W}#mark`)).toEqual([
      [`${W}#mark`, `${H}#MutableHandler.has`, `${W}:27:18`, 'implicit'],
      [`${W}#mark`, `${H}#MutableHandler.set`, `${W}:26:3`, 'implicit'],
    ]);
  });
  test('a class with trap-named methods that is never a handler gives no traps', () => {
    expect(edges(r).filter(([, to]) => to!.startsWith(`${H}#Cache.`))).toEqual([
      ['src/plain.ts#keep', `${H}#Cache.has`, 'src/plain.ts:14:16', 'method'],
      ['src/plain.ts#start', `${H}#Cache.constructor`, 'src/plain.ts:18:28', 'constructor'],
      ['src/user.ts#lookup', `${H}#Cache.get`, 'src/user.ts:5:33', 'method'],
      ['src/user.ts#lookup', `${H}#Cache.has`, 'src/user.ts:5:16', 'method'],
    ]);
  });
});
