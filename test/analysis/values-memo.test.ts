import { resolverFor } from '../../src/analysis/callgraph/calls.js';
import { collectMethods } from '../../src/analysis/methods.js';
import { loadApp } from '../../src/analysis/project.js';
import type { Resolver } from '../../src/analysis/callgraph/resolve.js';
import { ts } from 'ts-morph';
import { fixture } from './helpers.js';

// FunctionValues keeps each answer per node and depth. A kept answer must say everything a fresh
// one says, the parameters met on the way included (parameter flow depends on them).
function resolver(): { r: Resolver; handlerRead: ts.Expression } {
  const app = loadApp(fixture('calls-stored-params'));
  const r = resolverFor(app, collectMethods(app.files)).resolver;
  const file = app.files.find((f) => f.rel === 'src/events.ts')!;
  let handlerRead: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    // `this.handler` in click(): `this.handler?.()`
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'handler' && ts.isCallExpression(n.parent)) handlerRead = n;
    ts.forEachChild(n, visit);
  };
  visit(file.sf);
  return { r, handlerRead: handlerRead! };
}

const names = (ps: { param: ts.ParameterDeclaration; property?: string }[]): string[] =>
  ps.map((p) => `${p.param.name.getText()}${p.property ? `.${p.property}` : ''}`);

describe('remembered function values', () => {
  test('an answer first computed outside parameter collection still reports its parameters', () => {
    const fresh = resolver();
    const expected = fresh.r.values.collectParameters(() => fresh.r.values.of(fresh.handlerRead));
    expect(names(expected.parameters)).toEqual(['handler']);

    const warm = resolver();
    const first = warm.r.values.of(warm.handlerRead); // kept, with no collection running
    const again = warm.r.values.collectParameters(() => warm.r.values.of(warm.handlerRead));
    expect(again.result).toBe(first);
    expect(names(again.parameters)).toEqual(names(expected.parameters));
    expect(again.result.map((n) => n.getText())).toEqual(expected.result.map((n) => n.getText()));
  });

  test('a kept answer reused inside another answer passes its parameters on to the outer one', () => {
    const { r, handlerRead } = resolver();
    r.values.of(handlerRead);
    // `this.handler` is where the declaration's stores are read: asking the declaration reuses them.
    const decl = r.symbolAt((handlerRead as ts.PropertyAccessExpression).name)!.valueDeclaration!;
    const outer = r.values.collectParameters(() => r.values.ofDeclaration(decl, 1));
    expect(names(outer.parameters)).toEqual(['handler']);
  });

  test("parameters an inner collection takes are not kept with the answer around it", () => {
    // `const stop = run(2)`, run = init: resolving run collects init itself; the value of the call
    // is what the functions passed for init return, and only that is what `stop` reports.
    const app = loadApp(fixture('calls-parameter-returns'));
    const r = resolverFor(app, collectMethods(app.files)).resolver;
    const sf = app.files.find((f) => f.rel === 'src/mount.ts')!.sf;
    let stop: ts.VariableDeclaration | undefined;
    const visit = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && n.name.getText() === 'stop') stop = n;
      ts.forEachChild(n, visit);
    };
    visit(sf);
    const shown = (ps: { param: ts.ParameterDeclaration; returns?: true }[]) => ps.map((p) => `${p.param.name.getText()}${p.returns ? '()' : ''}`);
    const fresh = r.values.collectParameters(() => r.values.ofDeclaration(stop!, 1));
    expect(shown(fresh.parameters)).toEqual(['init()']);
    const kept = r.values.collectParameters(() => r.values.ofDeclaration(stop!, 1));
    expect(shown(kept.parameters)).toEqual(['init()']);
  });
});
