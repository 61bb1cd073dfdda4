/**
 * Which functions the recorder only counts (instrument.ts): a COUNT-ONLY LEAF gets one call at
 * its start, `__cc$.c(index)`, that adds 1 to its context under the running frame, and nothing
 * else: no clock, no bytes, no exit, no try. Its time (and the few ns of counting) is its caller's,
 * as if inlined; its bytes are 0. A function is a count-only leaf when, read from its source:
 *  - it is a plain sync function (not async, a generator or a constructor);
 *  - its body has at most COUNT_ONLY_MAX_NODES syntax nodes and no loop, label, try, nested
 *    function or class, `new`, `await`, `yield`, tagged template, spread or destructuring (the
 *    iteration protocol runs code), `delete`, `super` or `import()`;
 *  - every call in it is a built-in that takes no callback: a method of a global namespace that
 *    the module does not rebind (`Math.imul`, `Number.isInteger`, `String.fromCharCode`,
 *    `Array.isArray`, `Object.is`), or one of BUILTIN_METHODS on any value (`c.charCodeAt(0)`):
 *    calls of constant time, so that a count-only leaf is tiny in time too, not only in text.
 * It makes no call to the app's functions, so it has no traced callee whose context could move.
 *  - its named property reads are `.length`, namespace constants or fields of its own class
 *    (`this.at` in a class that extends nothing and declares no accessor `at`): see plainRead.
 * Assumed, not proven (no types here): element reads (`a[k]`) and operators on its values do not
 * run the app's code (a getter, valueOf), and a BUILTIN_METHODS call is the built-in. If they do,
 * the app function reached is counted under the leaf's caller rather than under the leaf; the
 * recorder lists app methods named like a BUILTIN_METHODS call of a count-only leaf (trace.ts).
 * Functions simpler still (one expression, no call or property read) are not traced at all
 * (isTrivialLeaf in instrument.ts): they were never counted, and stay so.
 */
import { ts } from '../../typescript.cjs';
import { isAsync } from '../../ids/methodIds.js';
import { COUNT_ONLY_MAX_NODES } from './sampling.js';

const NAMESPACES: Record<string, true | string[]> = {
  Math: true,
  Number: ['isInteger', 'isSafeInteger', 'isFinite', 'isNaN'],
  String: ['fromCharCode', 'fromCodePoint'],
  Array: ['isArray'],
  Object: ['is'],
};

/**
 * Built-in methods of strings and arrays that take no callback and take constant time: one that
 * walks its receiver (indexOf, slice) or calls into ICU (localeCompare, whose first call loads
 * collation data: 100 ms measured in examples/virus-scan) could be slow, so a function calling
 * it is traced.
 */
export const BUILTIN_METHODS = new Set(['charCodeAt', 'codePointAt', 'charAt', 'at']);

/** The names of BUILTIN_METHODS the function calls (empty when it calls none), or undefined when it is not a count-only leaf. */
export function countOnlyLeaf(fn: ts.FunctionLikeDeclaration, rebound: ReadonlySet<string>): string[] | undefined {
  if (ts.isConstructorDeclaration(fn) || fn.asteriskToken || isAsync(fn) || !fn.body) return undefined;
  if (fn.parameters.some((p) => !ts.isIdentifier(p.name) || p.dotDotDotToken)) return undefined;
  const names = new Set<string>();
  let nodes = 0;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (++nodes > COUNT_ONLY_MAX_NODES || forbidden(n)) {
      ok = false;
      return;
    }
    if (ts.isCallExpression(n)) {
      const name = builtinCall(n, rebound);
      if (name === undefined) {
        ok = false;
        return;
      }
      if (name) names.add(name);
      // The callee's property access is the built-in's, not a read: its receiver is checked on its own.
      ts.forEachChild(n, (c) => (c === n.expression && ts.isPropertyAccessExpression(c) ? visit(c.expression) : visit(c)));
      return;
    }
    if (ts.isPropertyAccessExpression(n) && !plainRead(n, fn, rebound)) {
      ok = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  for (const p of fn.parameters) if (p.initializer) visit(p.initializer); // a default value runs on the call
  visit(fn.body); // the body itself: an arrow's body may be the call (`(x) => this.detect(x)`)
  return ok ? [...names].sort() : undefined;
}

function forbidden(n: ts.Node): boolean {
  return (
    ts.isIterationStatement(n, false) || ts.isLabeledStatement(n) || ts.isTryStatement(n) || ts.isFunctionLike(n) || ts.isClassLike(n) ||
    ts.isNewExpression(n) || ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isTaggedTemplateExpression(n) ||
    ts.isSpreadElement(n) || ts.isSpreadAssignment(n) || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n) ||
    ts.isDeleteExpression(n) || n.kind === ts.SyntaxKind.SuperKeyword || n.kind === ts.SyntaxKind.ImportKeyword || ts.isWithStatement(n) ||
    (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isArrayLiteralExpression(n.left) || ts.isObjectLiteralExpression(n.left)))
  );
}

/**
 * A named property read (or write) that runs no app code for certain enough: `.length`, a
 * constant of a global namespace (`Math.PI`), or `this.name` in a method of a class that extends
 * nothing and declares no accessor of that name (a field). Any other may be an app getter
 * (measured: examples/virus-scan's describe() read `this.matcher.stateCount`, a getter, which was
 * then counted under describe's caller). Element reads (`a[k]`) are taken to index data.
 */
function plainRead(n: ts.PropertyAccessExpression, fn: ts.FunctionLikeDeclaration, rebound: ReadonlySet<string>): boolean {
  const name = n.name.text;
  if (name === 'length') return true;
  if (ts.isIdentifier(n.expression) && Object.hasOwn(NAMESPACES, n.expression.text)) return !rebound.has(n.expression.text);
  const cls = n.expression.kind === ts.SyntaxKind.ThisKeyword ? ownClass(fn) : undefined;
  if (!cls) return false;
  // A superclass may declare an accessor of the name (not of a #private one: those are the class's own).
  if (!ts.isPrivateIdentifier(n.name) && cls.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) return false;
  return !cls.members.some((m) => (ts.isGetAccessor(m) || ts.isSetAccessor(m)) && m.name.getText() === n.name.getText());
}

/** The class whose method (or accessor) `fn` is; undefined for any other function (an arrow's `this` is its outer function's). */
function ownClass(fn: ts.FunctionLikeDeclaration): ts.ClassLikeDeclaration | undefined {
  return (ts.isMethodDeclaration(fn) || ts.isGetAccessor(fn) || ts.isSetAccessor(fn)) && ts.isClassLike(fn.parent) ? fn.parent : undefined;
}

/** '' for a namespace built-in, the method's name for a BUILTIN_METHODS call, undefined for any other call. */
function builtinCall(call: ts.CallExpression, rebound: ReadonlySet<string>): string | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || call.questionDotToken || ts.isPrivateIdentifier(callee.name)) return undefined;
  const name = callee.name.text;
  const target = callee.expression;
  if (ts.isIdentifier(target) && Object.hasOwn(NAMESPACES, target.text) && !rebound.has(target.text)) {
    const allowed = NAMESPACES[target.text]!;
    if (allowed === true || allowed.includes(name)) return '';
  }
  return BUILTIN_METHODS.has(name) ? name : undefined;
}

/** Names the module declares (variables, parameters, functions, classes, imports): a rebound `Math` is not the built-in. */
export function boundNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    const name = (n as { name?: ts.Node }).name;
    if (
      name && ts.isIdentifier(name) &&
      (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isImportSpecifier(n) ||
        ts.isImportClause(n) || ts.isNamespaceImport(n) || ts.isBindingElement(n) || ts.isImportEqualsDeclaration(n) || ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n))
    )
      names.add(name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return names;
}
