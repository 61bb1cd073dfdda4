import { ts } from 'ts-morph';
import { declaredPrimitive } from '../../src/analysis/callgraph/primitive-parameters.js';
import { loadApp } from '../../src/analysis/project.js';
import { fixture } from './helpers.js';

// References asked of the value flow as possible callbacks: one to a variable declared with
// primitive types only is not asked (on generated apps, 84k `let s = x` references to numbers).
describe('a reference that cannot hold a function (calls-primitive-refs)', () => {
  const app = loadApp(fixture('calls-primitive-refs'));
  const returned = (file: string): Map<string, boolean> => {
    const sf = app.files.find((f) => f.rel === file)!.sf;
    const out = new Map<string, boolean>();
    const visit = (n: ts.Node): void => {
      if (ts.isReturnStatement(n) && n.expression) {
        const names = ts.isArrayLiteralExpression(n.expression) ? n.expression.elements : [n.expression];
        for (const e of names) if (ts.isIdentifier(e)) out.set(e.text, declaredPrimitive(app.checker, e));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    return out;
  };
  test('a variable declared or inferred primitive is one; a union with a function type, any, or any variable of a JavaScript file is not', () => {
    expect(Object.fromEntries(returned('src/refs.ts'))).toEqual({ doubled: true, named: true, either: false, loose: false });
    expect(Object.fromEntries(returned('src/plain.js'))).toEqual({ handler: false });
  });
});
