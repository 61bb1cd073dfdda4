import { ts } from 'ts-morph';
import { instrument, type InstrumentOptions } from '../../src/profiles/record/instrument.js';
import { isMethodNode } from '../../src/ids/methodIds.js';
import { RECORDER_GLOBAL, Recorder } from '../../src/profiles/record/runtime.js';
import { snapshot } from '../../src/profiles/record/trace.js';

/** Instruments every function of `code`, named by its position. */
function instrumented(code: string): string {
  const sf = ts.createSourceFile('m.js', code, ts.ScriptTarget.ES2022, true);
  const ids = new Map<ts.Node, string>();
  const visit = (n: ts.Node): void => {
    if (isMethodNode(n)) ids.set(n, `m.js#f${n.pos}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return instrument(sf, ids)!.code;
}

describe('record: load-time instrumentation', () => {
  it('keeps minified returns, awaits and yields valid (no insertion glued to a keyword)', () => {
    const code = instrumented('async function g(x){const y=await(x);if(y)return-1;return!y}function*h(){yield!0;yield(1)}');
    expect(code).not.toMatch(/(return|await|yield)__cc\$/);
    expect(() => new Function(code.replace(/^const __cc\$=[^;]*;/, 'const __cc$={};'))).not.toThrow();
  });

  it('instruments empty bodies (the opening and the closing at one position) into code that runs and counts', () => {
    const rec = new Recorder();
    const code = instrumentedAs(
      `function none(){}
       function strict(){"use strict"}
       class A { constructor(){} m(){} }
       async function later(){}
       function* gen(){}
       function main(){ none(); strict(); new A().m(); later(); [...gen()] }
       main();`,
      ['none', 'strict', 'A.constructor', 'A.m', 'later', 'gen', 'main'],
    );
    const t = runOn(rec, code);
    const calls = Object.fromEntries(t.contexts.map((c) => [t.methods[c.method], c.calls]));
    expect(calls).toEqual({ main: 1, none: 1, strict: 1, 'A.constructor': 1, 'A.m': 1, later: 1, gen: 1 });
  });
});

describe('record: instrumented code on the recorder, with calls counted but not timed', () => {
  it('keeps calls in their contexts when an untimed call throws or calls something after all', () => {
    // tinyMs of a second: every context is counted without timing after its first checks, so
    // the untimed paths (a leaf without a slot, one that takes a slot late) are what runs. Every
    // function traced in full: `other` would be a count-only leaf, which needs no slot.
    const rec = new Recorder({ inner: 0, outer: 0, untimed: 0 }, { tinyMs: 1000 });
    const code = instrumentedAs(
      `function tiny(k){ if (k % 1000 === 999) throw new Error('x'); return k + 1 }
       function other(){ const two = [2]; return two[0] } // not a one-expression leaf: traced
       function caller(n){ let s = 0; for (let k = 0; k < n; k++) { try { s += tiny(k) } catch { s += other() } } return s }
       function grows(k){ if (k >= 5000) return other(); return k }
       function loop(n){ let s = 0; for (let k = 0; k < n; k++) s += grows(k); return s }
       function fin(k){ try { if (k % 7 === 0) throw 1; return k } catch { return other() } finally { other() } }
       function finals(n){ let s = 0; for (let k = 0; k < n; k++) s += fin(k); return s }
       globalThis.__ccTestOut = [caller(20000), loop(8000), finals(3000)];`,
      ['tiny', 'other', 'caller', 'grows', 'loop', 'fin', 'finals'],
      { countOnly: false },
    );
    const t = runOn(rec, code);
    const path = (id: number | undefined): string => {
      const c = t.contexts.find((x) => x.id === id);
      return c ? `${path(c.parent)}/${t.methods[c.method]}` : '';
    };
    const calls = Object.fromEntries(t.contexts.map((c) => [path(c.id), c.calls]));
    expect(calls).toEqual({
      '/caller': 1,
      '/caller/tiny': 20000,
      '/caller/other': 20, // after a throw: the caller's, not the tiny function's
      '/loop': 1,
      '/loop/grows': 8000,
      '/loop/grows/other': 3000, // a leaf until its 5001st call, then it calls
      '/finals': 1,
      '/finals/fin': 3000,
      '/finals/fin/other': 3000 + 429, // the finally's and the catch's
    });
    expect(t.contexts.find((c) => path(c.id) === '/caller/tiny')!.timed).toBeLessThan(20000);
    expect((globalThis as { __ccTestOut?: number[] }).__ccTestOut).toEqual([199800040, 12503500, 3856716]); // as uninstrumented
  });
});

describe('record: count-only leaves', () => {
  const leaves = `function add(a, b){ const s = a + b; return s | 0 }
     function code(s, k){ return s.charCodeAt(k) }
     function hyp(x, y){ const q = x * x + y * y; return Math.sqrt(q) }
     class P { constructor(){ this._x = 2 } get x(){ return this._x * 2 } }
     function calls(x){ return add(x, 1) }
     function loops(n){ let s = 0; for (let k = 0; k < n; k++) s += k; return s }
     function makes(){ const a = new Array(3); return a }
     function spreads(a){ return Math.max(...a) }
     function destructures(p){ const [a] = p; return a }
     function defaults(a = calls(1)){ return a + 1 }
     function maps(a){ const b = a.map((x) => x); return b }
     async function later(x){ return x + 1 }
     const arrow = (x) => calls(x);
     const sorter = (a, b) => a.localeCompare(b);
     function walks(s){ return s.indexOf('x') }
     const sq = (x) => Math.sqrt(x);
     class Q { constructor(){ this.at = 0; this.items = [1] } get size(){ return this.items.length } peek(){ return this.items[this.at] } big(){ return this.size > 1 } }
     class R extends Q { first(){ return this.items[0] } }
     function other(o){ return o.count + 1 }
     function len(s){ return s.length + Math.PI }`;
  const names = ['add', 'code', 'hyp', 'P.constructor', 'P.x', 'calls', 'loops', 'makes', 'spreads', 'destructures', 'defaults', 'maps', 'later', 'arrow', 'sorter', 'walks', 'sq', 'Q.size', 'Q.peek', 'Q.big', 'R.first', 'other', 'len'];

  it('are the small sync functions whose only calls are built-ins without callbacks', () => {
    const sf = ts.createSourceFile('m.js', leaves, ts.ScriptTarget.ES2022, true);
    const ids = new Map<ts.Node, string>();
    const visit = (n: ts.Node): void => {
      const member = (ts.isMethodDeclaration(n) || ts.isGetAccessor(n)) && ts.isClassDeclaration(n.parent) ? `${n.parent.name!.text}.${n.name.getText()}` : undefined;
      const name = ts.isFunctionDeclaration(n) ? n.name?.text : ts.isConstructorDeclaration(n) ? 'P.constructor'
        : ts.isArrowFunction(n) && ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : member;
      if (name && names.includes(name)) ids.set(n, name);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    const out = instrument(sf, ids)!;
    // Q.big reads this.size, a getter; R.first a field a superclass could make an accessor; other reads a property of anything.
    expect(out.counted.sort()).toEqual(['P.x', 'Q.peek', 'Q.size', 'add', 'code', 'hyp', 'len', 'sq']);
    expect(out.code).toContain('function add(a, b){__cc$.c(__cc$b+');
    expect(out.code).toMatch(/const sq = \(x\) => \(__cc\$\.c\(__cc\$b\+\d+\),\(Math\.sqrt\(x\)\)\);/);
    expect(() => new Function(out.code)).not.toThrow();
    // A module that rebinds Math: its Math.sqrt may be anything.
    const rebound = ts.createSourceFile('r.js', `const Math = { sqrt: (x) => x }; ${leaves}`, ts.ScriptTarget.ES2022, true);
    const ids2 = new Map<ts.Node, string>();
    const visit2 = (n: ts.Node): void => {
      if (ts.isFunctionDeclaration(n) && n.name && names.includes(n.name.text)) ids2.set(n, n.name.text);
      ts.forEachChild(n, visit2);
    };
    visit2(rebound);
    expect(instrument(rebound, ids2)!.counted.sort()).toEqual(['add', 'code']); // hyp calls Math.sqrt, len reads Math.PI
  });

  it('count every call in the context of the running frame, through throws, and name app methods called like built-ins', () => {
    const rec = new Recorder({ inner: 0, outer: 0, untimed: 0 }, { tinyMs: 1000 });
    const code = instrumentedAs(
      `function leaf(s, k){ return s.charCodeAt(k) }
       // Traced, and a leaf to the recorder (it calls no traced function): its untimed calls are open, without a slot.
       function tinyCaller(k){ const v = leaf('ab', k & 1); return v + k }
       function loop(n){ let s = 0; for (let k = 0; k < n; k++) { s += tinyCaller(k); try { leaf(undefined, 0) } catch { s++ } } return s }
       class Str { charCodeAt(k){ return k } }
       globalThis.__ccTestOut = [leaf('x', 0), loop(5000)];`,
      ['leaf', 'tinyCaller', 'loop', 'Str.charCodeAt'],
    );
    const t = runOn(rec, code);
    const path = (id: number | undefined): string => {
      const c = t.contexts.find((x) => x.id === id);
      return c ? `${path(c.parent)}/${t.methods[c.method]}` : '';
    };
    const calls = Object.fromEntries(t.contexts.map((c) => [path(c.id), c.calls]));
    expect(calls).toEqual({ '/leaf': 1, '/loop': 1, '/loop/tinyCaller': 5000, '/loop/tinyCaller/leaf': 5000, '/loop/leaf': 5000 });
    expect(t.contexts.find((c) => path(c.id) === '/loop/tinyCaller')!.timed).toBeLessThan(5000); // its open path ran
    expect(t.countOnly).toEqual(['leaf']);
    expect(t.contexts.filter((c) => t.methods[c.method] === 'leaf').every((c) => c.timed === 0 && c.selfMs === 0)).toBe(true);
    expect(t.builtinNamesakes).toEqual(['Str.charCodeAt']);
    expect((globalThis as { __ccTestOut?: number[] }).__ccTestOut).toEqual([120, 2500 * 97 + 2500 * 98 + 12497500 + 5000]);
  });
});

/** Runs instrumented `code` with `rec` as the recorder it reaches through the global; its trace. */
function runOn(rec: Recorder, code: string): ReturnType<typeof snapshot> {
  const key = Symbol.for(RECORDER_GLOBAL);
  (globalThis as Record<symbol, unknown>)[key] = rec;
  try {
    new Function(code)();
  } finally {
    delete (globalThis as Record<symbol, unknown>)[key];
  }
  return snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
}

/** Instruments `code` (a script) naming each function declaration by its name. */
function instrumentedAs(code: string, names: string[], options: InstrumentOptions = {}): string {
  const sf = ts.createSourceFile('m.js', code, ts.ScriptTarget.ES2022, true);
  const ids = new Map<ts.Node, string>();
  const visit = (n: ts.Node): void => {
    const name = ts.isFunctionDeclaration(n) ? n.name?.text : memberName(n);
    if (name && names.includes(name)) ids.set(n, name);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return instrument(sf, ids, options)!.code;
}

/** `Class.member` of a method or constructor of a named class. */
function memberName(n: ts.Node): string | undefined {
  if (!(ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n)) || !ts.isClassDeclaration(n.parent) || !n.parent.name) return undefined;
  return `${n.parent.name.text}.${ts.isConstructorDeclaration(n) ? 'constructor' : n.name.getText()}`;
}
