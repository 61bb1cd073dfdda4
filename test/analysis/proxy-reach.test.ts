import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('where proxies reach and what they run (calls-proxy-reach)', () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-reach'), catalogs: [] });
  const D = 'src/draft.ts';
  const H = 'src/handlers.ts';
  const U = 'src/util.ts';
  const from = (file: string) => edges(r).filter(([f]) => f!.startsWith(file));
  test('modules linked by imports either way, not only importers: their opaque receivers may be the proxy', () => {
    // util.ts is imported by draft.ts (and imports nothing of it); user.ts reaches it through index.ts.
    expect(from(U)).toEqual([
      [`${U}#isMap`, `${D}#traps.getPrototypeOf`, `${U}:7:23`, 'implicit'], // x instanceof Map
      [`${U}#owns`, `${D}#traps.getOwnPropertyDescriptor`, `${U}:14:42`, 'implicit'], // Object.prototype.hasOwnProperty.call(x, k)
      // xs.splice(0, 1): a built-in method reads, tests and asks descriptors through the traps
      [`${U}#takeFirst`, `${D}#traps.get`, `${U}:11:13`, 'implicit'],
      [`${U}#takeFirst`, `${D}#traps.getOwnPropertyDescriptor`, `${U}:11:13`, 'implicit'],
      [`${U}#takeFirst`, `${D}#traps.has`, `${U}:11:13`, 'implicit'],
      [`${U}#unwrap`, `${D}#traps.get`, `${U}:3:10`, 'implicit'], // x.base
    ]);
    // typed.ts imports the proxies' module for its types only: that links no value, so no trap runs there.
    expect(from('src/typed.ts')).toEqual([]);
    // alone.ts is linked to no module of the proxies: no trap runs there. Its receiver is typed
    // any, so `m.has(1)` may run any member the app names `has` (untyped.ts), but by a call only.
    expect(from('src/alone.ts')).toEqual([
      ['src/alone.ts#lone', `${D}#traps.has`, 'src/alone.ts:3:12', 'callback'],
      ['src/alone.ts#lone', `${H}#mapMethods.has`, 'src/alone.ts:3:12', 'callback'],
    ]);
  });
  test('a call or an iteration runs what the get trap returns, of that name; `this` in what it returns is the proxy', () => {
    expect(from('src/user.ts')).toEqual([
      [`src/user.ts#copy`, `${D}#traps.get`, `src/user.ts:3:16`, 'implicit'], // Array.from(m) iterates m
      [`src/user.ts#copy`, `${H}#mapMethods.[Symbol.iterator]`, `src/user.ts:3:16`, 'callback'],
      // ...and the next of the literal this.entries() returns (declared Iterator: found through the value)
      [`src/user.ts#copy`, `${H}#mapMethods.entries.next`, `src/user.ts:3:16`, 'callback'],
      [`src/user.ts#sizeOf`, `${D}#traps.get`, `src/user.ts:6:12`, 'implicit'],
      [`src/user.ts#sizeOf`, `${D}#traps.get`, `src/user.ts:6:21`, 'implicit'],
      // m.has(1): only members named `has` (the handler's trap too: m is typed any)
      [`src/user.ts#sizeOf`, `${D}#traps.has`, `src/user.ts:6:12`, 'callback'],
      [`src/user.ts#sizeOf`, `${H}#mapMethods.has`, `src/user.ts:6:12`, 'callback'],
    ]);
    // mapMethods[key] with key of type keyof typeof mapMethods: its symbol-keyed member too.
    expect(from(`${D}#traps.get`).filter(([, to, site]) => to!.startsWith(H) && site === `${D}:10:113`)).toEqual(
      ['[Symbol.iterator]', 'entries', 'has', 'keys'].map((m) => [`${D}#traps.get`, `${H}#mapMethods.${m}`, `${D}:10:113`, 'callback']),
    );
    // this.keys() in entries(): this is the proxy (the trap binds it), so the traps run.
    expect(from(`${H}#mapMethods.entries`).filter(([, to]) => to === `${D}#traps.get`)).toEqual([[`${H}#mapMethods.entries`, `${D}#traps.get`, `${H}:15:23`, 'implicit']]);
  });
});
