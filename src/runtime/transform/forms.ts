/**
 * How a migration point's function is reached on each side: what the device's wrapper passes as
 * the call's arguments, and how the clone finds the code (a class member through the class
 * registry, a top-level function by its name, anything else as a copy lifted to the module's
 * top level). A function the run-time cannot carry says why, and stays where it is called.
 */
import { ts } from '../../typescript.cjs';
import { isAsync, isStatic } from '../../ids/methodIds.js';
import { paramsOf } from './params.js';
import { bindingNames, capturesOf, type Captures } from './scope.js';

export type Form =
  | { kind: 'member'; cls: ts.ClassLikeDeclaration; member: string; isStatic: boolean; entry: 'method' | 'accessor' | 'new' }
  | { kind: 'top'; name: string }
  | { kind: 'lift'; captures: Captures };

/** `args`: what the wrapper sends as the arguments; `guard`: a condition without which the call stays on the device. */
export type Located = { form: Form; args: string; guard?: string; part?: 'get' | 'set'; isConstructor: boolean } | { unsupported: string };

export function locate(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile, captured: readonly string[]): Located {
  if (fn.asteriskToken) return { unsupported: 'a generator runs after its call returns' };
  // The analysis makes no async function a candidate; an older manifest may still list one.
  if (isAsync(fn)) {
    return { unsupported: "an async function goes on after its call returns, interleaved with the device's other work, so the clone cannot run it as one call" };
  }
  const params = paramsOf(fn, sf);
  if ('unsupported' in params) return params;
  const part: 'get' | 'set' | undefined = ts.isGetAccessorDeclaration(fn) ? 'get' : ts.isSetAccessorDeclaration(fn) ? 'set' : undefined;
  const base = { ...params, isConstructor: ts.isConstructorDeclaration(fn), ...(part ? { part } : {}) };

  if (ts.isClassLike(fn.parent)) {
    const cls = fn.parent;
    if (!isTopLevelClass(cls)) return { unsupported: 'its class is declared inside a function, so the clone may not have it' };
    if (ts.isConstructorDeclaration(fn)) {
      if (cls.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) return { unsupported: "a derived class's constructor has no `this` before super()" };
      return { ...base, form: { kind: 'member', cls, member: 'constructor', isStatic: false, entry: 'new' } };
    }
    const name = memberName(fn.name);
    if (name === undefined) return { unsupported: 'a member with a computed or private name' };
    return { ...base, form: { kind: 'member', cls, member: name, isStatic: isStatic(fn), entry: part ? 'accessor' : 'method' } };
  }
  const top = topLevelName(fn);
  if (top !== undefined) return { ...base, form: { kind: 'top', name: top } };
  const captures = capturesOf(fn);
  if (captures.blocker) return { unsupported: `it cannot be copied out of its scope: ${captures.blocker}` };
  const unknown = captures.names.filter((c) => !captured.includes(c.name));
  if (unknown.length) return { unsupported: `it uses ${unknown.map((c) => `'${c.name}'`).join(', ')} of a scope around it, which its carried state does not hold` };
  return { ...base, form: { kind: 'lift', captures } };
}

function memberName(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** A class the module defines when it loads: a top-level declaration or `const X = class {}`. */
export function isTopLevelClass(cls: ts.ClassLikeDeclaration): boolean {
  if (ts.isClassDeclaration(cls)) return ts.isSourceFile(cls.parent);
  const decl = cls.parent;
  return ts.isVariableDeclaration(decl) && decl.initializer === cls && ts.isSourceFile(decl.parent.parent.parent);
}

/** The module-level name a function is bound to for good: `function f`, `const f = () => ...`. */
function topLevelName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return ts.isSourceFile(fn.parent) && fn.name ? fn.name.text : undefined;
  const decl = fn.parent;
  if (!(ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) || !ts.isVariableDeclaration(decl) || decl.initializer !== fn) return undefined;
  const list = decl.parent;
  if (!(list.flags & ts.NodeFlags.Const) || !ts.isSourceFile(list.parent.parent)) return undefined;
  const [name] = bindingNames(decl.name);
  return ts.isIdentifier(decl.name) ? name : undefined;
}
