import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ts } from '../../src/typescript.cjs';
import { ROOT } from '../helpers/cli.js';

// The bundle's own export object, with a getter per name (what src/typescript.cts copies from).
const fromRoot = createRequire(join(ROOT, 'package.json'));
const bundle = createRequire(fromRoot.resolve('ts-morph'))('@ts-morph/common').ts as Record<string, unknown>;
const api = ts as unknown as Record<string, unknown>;

describe('the compiler API (src/typescript.cts)', () => {
  it('reads every name of the bundle as the bundle does', () => {
    const names = Object.keys(bundle);
    expect(names.length).toBeGreaterThan(2000);
    for (const name of names) expect([name, api[name]]).toEqual([name, bundle[name]]);
  });

  it('keeps a value the compiler reassigns live (sys, through setSys)', () => {
    const original = bundle.sys;
    const setSys = bundle.setSys as (s: unknown) => void;
    const other = { ...(original as object) };
    try {
      setSys(other);
      expect(api.sys).toBe(other);
    } finally {
      setSys(original);
    }
    expect(api.sys).toBe(original);
  });

  it('holds the enums, the node tests and forEachChild as its own properties, under V8 fast-properties limit', () => {
    for (const name of ['SyntaxKind', 'TypeFlags', 'SymbolFlags', 'isIdentifier', 'isCallExpression', 'forEachChild']) {
      expect([name, Object.prototype.hasOwnProperty.call(api, name)]).toEqual([name, true]);
    }
    expect(Object.prototype.hasOwnProperty.call(api, 'sys')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(api, 'createProgram')).toBe(false);
    // Past 1,020 properties the object stays a hash table: the reads are slow again.
    expect(Object.keys(api).length).toBeLessThanOrEqual(1020);
  });
});
