import { ts } from 'ts-morph';
import { instrument } from '../../src/profiles/record/instrument.js';
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
    // the untimed paths (a leaf without a slot, one that takes a slot late) are what runs.
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
function instrumentedAs(code: string, names: string[]): string {
  const sf = ts.createSourceFile('m.js', code, ts.ScriptTarget.ES2022, true);
  const ids = new Map<ts.Node, string>();
  const visit = (n: ts.Node): void => {
    const name = ts.isFunctionDeclaration(n) ? n.name?.text : memberName(n);
    if (name && names.includes(name)) ids.set(n, name);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return instrument(sf, ids)!.code;
}

/** `Class.member` of a method or constructor of a named class. */
function memberName(n: ts.Node): string | undefined {
  if (!(ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n)) || !ts.isClassDeclaration(n.parent) || !n.parent.name) return undefined;
  return `${n.parent.name.text}.${ts.isConstructorDeclaration(n) ? 'constructor' : n.name.getText()}`;
}
