import { ts } from 'ts-morph';
import { memoryProgram } from './helpers.js';
import { classOrInterfaceOf, declaredMember, declaredSignatures } from '../../src/analysis/callgraph/declared.js';

const program = (text: string): { sf: ts.SourceFile; checker: ts.TypeChecker } => memoryProgram(text, { strict: true });

/** Each `call(...).name` of the file: its text, and declaredMember's answer (the fully qualified name of its parent and name, or undefined). */
function answers(text: string): [string, string | undefined][] {
  const { sf, checker } = program(text);
  const out: [string, string | undefined][] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && ts.isCallExpression(ts.isParenthesizedExpression(n.expression) ? n.expression.expression : n.expression)) {
      const d = declaredMember(checker, n);
      // Where it answers, the checker (inferring the call) names a symbol of the same declarations and name.
      if (d) {
        const s = checker.getSymbolAtLocation(n.name);
        expect(s?.declarations).toEqual(d.declarations);
        expect(s && checker.getFullyQualifiedName(s)).toBe(checker.getFullyQualifiedName(d));
      }
      out.push([n.getText(sf), d && checker.getFullyQualifiedName(d)]);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const ASSERTIONS = `
interface Assertion<T> { toEqual(expected: T): void; not: Assertion<T> }
interface ChaiAssertion { equal(x: any): void }
interface ChaiStatic { (val: any, message?: string): ChaiAssertion }
`;

describe('declaredMember', () => {
  it('reads a member of a generic call’s result from the declared return type (vitest’s expect before chai’s)', () => {
    const text = `${ASSERTIONS}
interface ExpectStatic extends ChaiStatic { <T>(actual: T, message?: string): Assertion<T> }
declare const expect: ExpectStatic;
declare function wrap<T>(x: T, y: number): Assertion<T>;
expect([1, 2]).toEqual([1]);
(expect(1)).not.toEqual(2);
wrap('a', 1).toEqual('b');
`;
    expect(answers(text)).toEqual([
      ['expect([1, 2]).toEqual', 'Assertion.toEqual'],
      ['(expect(1)).not', 'Assertion.not'],
      ["wrap('a', 1).toEqual", 'Assertion.toEqual'],
    ]);
  });

  it('follows the checker’s order of overloads declared in several places: the later interface block first', () => {
    const text = `${ASSERTIONS}
interface Merged { (val: any): ChaiAssertion }
interface Merged { <T>(actual: T): Assertion<T> }
declare const m: Merged;
m(1).toEqual(1);
m(1).equal(1);
`;
    expect(answers(text)).toEqual([
      ['m(1).toEqual', 'Assertion.toEqual'],
      ['m(1).equal', undefined],
    ]);
  });

  it('leaves to the checker what needs the arguments: overloads that do not fit any argument, literal overloads, shared type parameters, type arguments, spreads', () => {
    const text = `${ASSERTIONS}
declare function byType(x: string): Assertion<string>;
declare function byType(x: number): ChaiAssertion;
byType(1).equal(1);
declare function literal<T>(x: T): Assertion<T>;
declare function literal(x: 'a'): ChaiAssertion;
literal('a').equal(1);
declare function twice<T>(a: T, b: T): Assertion<T>;
declare function twice(a: any): ChaiAssertion;
twice(1, 2).toEqual(1);
declare function typed<T>(x: T): Assertion<T>;
declare function typed(x: any, y: any): ChaiAssertion;
typed<number>(1).toEqual(1);
declare const args: [number];
typed(...args).toEqual(1);
`;
    expect(answers(text).map(([, a]) => a)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('answers only for interfaces and classes: not unions, type parameters, object literal types, optional chains', () => {
    const text = `${ASSERTIONS}
declare function maybe<T>(x: T): Assertion<T> | ChaiAssertion;
maybe(1).equal(1);
declare function same<T>(x: T): T;
same({ toEqual() {} }).toEqual();
declare function literalType<T>(x: T): { toEqual(x: T): void };
literalType(1).toEqual(1);
declare const opt: undefined | (<T>(x: T) => Assertion<T>);
opt?.(1).toEqual(1);
class Box<T> { constructor(readonly v: T) {} get(): T { return this.v; } }
declare function box<T>(v: T): Box<T>;
box(1).get();
`;
    expect(answers(text).map(([, a]) => a)).toEqual([undefined, undefined, undefined, undefined, 'Box.get']);
  });
});

describe('declaredSignatures and classOrInterfaceOf', () => {
  it('give a member’s declared signatures and a call’s declared class, as the checker’s resolved ones but for type arguments', () => {
    const { sf, checker } = program(`${ASSERTIONS}
declare function expect<T>(actual: T): Assertion<T>;
interface Fluent<T> { run(items: T[], n: number): void; run(items: T[]): void; cb: (x: T) => void; pick: T extends number ? (n: T) => void : (s: string) => void }
declare function fluent<T>(x: T): Fluent<T>;
fluent(1).run([1]);
fluent(1).cb(1);
fluent(1).pick(1);
expect(1);
`);
    const calls: ts.CallExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) calls.push(n);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    const call = (text: string): ts.CallExpression => calls.find((c) => c.getText(sf) === text)!;
    const [run, cb, pick, exp] = [call('fluent(1).run([1])'), call('fluent(1).cb(1)'), call('fluent(1).pick(1)'), call('expect(1)')];
    const declared = (c: ts.CallExpression) => declaredSignatures(checker, declaredMember(checker, c.expression as ts.PropertyAccessExpression)!);
    // Overloaded methods, a property of a function type: the resolved call's, by declaration and parameters.
    for (const c of [run, cb]) {
      const sigs = declared(c)!;
      const resolved = checker.getTypeAtLocation(c.expression).getCallSignatures();
      expect(sigs.map((s) => s.getDeclaration())).toEqual(resolved.map((s) => s.getDeclaration()));
      expect(sigs.map((s) => s.getParameters().map((p) => p.valueDeclaration))).toEqual(resolved.map((s) => s.getParameters().map((p) => p.valueDeclaration)));
    }
    // A conditional type changes with the type arguments: not given.
    expect(declared(pick)).toBeUndefined();
    const cls = classOrInterfaceOf(checker, exp);
    const real = checker.getTypeAtLocation(exp);
    expect(checker.typeToString(cls)).toBe('Assertion<T>');
    expect(checker.typeToString(real)).toBe('Assertion<number>');
    expect(cls.getSymbol()).toBe(real.getSymbol());
  });
});
