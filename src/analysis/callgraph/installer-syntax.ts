/**
 * Syntax the helper installations of installers.ts are read through: which function a callee
 * names, parameters by position, `const` initialisers, `for…in` variables and literal members.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { propName } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import { argumentIndex } from '../parameters.js';

/** The function declared by what a callee names: a function, or a variable holding one (also an alias of another name). */
export function calledDeclaration(c: ts.TypeChecker, callee: ts.Expression, depth = 0): ts.SignatureDeclaration | undefined {
  const e = skipWrappers(callee);
  const name = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) ? e.name : undefined;
  let sym = name && c.getSymbolAtLocation(name);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = c.getAliasedSymbol(sym);
  const d = sym?.valueDeclaration;
  if (!d) return undefined;
  if (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) return d;
  if (!ts.isVariableDeclaration(d) || !d.initializer || depth > 3) return undefined;
  const init = skipWrappers(d.initializer);
  if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  return ts.isIdentifier(init) || ts.isPropertyAccessExpression(init) ? calledDeclaration(c, init, depth + 1) : undefined;
}

export function enclosingFunction(n: ts.Node): ts.SignatureDeclaration | undefined {
  return ts.findAncestor(n.parent, (a) => ts.isFunctionLike(a) && isMethodNode(a)) as ts.SignatureDeclaration | undefined;
}

export function paramIndex(c: ts.TypeChecker, id: ts.Identifier, fn: ts.SignatureDeclaration): number {
  const d = c.getSymbolAtLocation(id)?.valueDeclaration;
  return d && ts.isParameter(d) && d.parent === fn && ts.isIdentifier(d.name) ? argumentIndex(d) : -1;
}

/** A `const` (or `let` never written again is not told apart: its initialiser only) variable's initialiser. */
export function initializerOf(c: ts.TypeChecker, id: ts.Identifier): ts.Expression | undefined {
  const d = c.getSymbolAtLocation(id)?.valueDeclaration;
  if (!d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name) || !d.initializer) return undefined;
  return ts.isVariableDeclarationList(d.parent) && d.parent.flags & ts.NodeFlags.Const ? d.initializer : undefined;
}

/** The declaration of a `for (const k in src)` variable `id` names. */
export function forInVariable(c: ts.TypeChecker, e: ts.Expression): ts.VariableDeclaration | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  const d = c.getSymbolAtLocation(e)?.valueDeclaration;
  return d && ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && ts.isForInStatement(d.parent.parent) ? d : undefined;
}

/** `src[k]` with `k` the loop's variable. */
export function isLoopElement(c: ts.TypeChecker, e: ts.Expression, loop: ts.VariableDeclaration): boolean {
  if (!ts.isElementAccessExpression(e)) return false;
  const k = skipWrappers(e.argumentExpression);
  return ts.isIdentifier(k) && c.getSymbolAtLocation(k)?.valueDeclaration === loop;
}

export function literalMembers(l: ts.ObjectLiteralExpression): { name: string; value: ts.Expression }[] {
  const out: { name: string; value: ts.Expression }[] = [];
  for (const p of l.properties) {
    const name = p.name && propName(p.name);
    if (name === undefined) continue;
    if (ts.isPropertyAssignment(p)) out.push({ name, value: p.initializer });
    else if (ts.isShorthandPropertyAssignment(p)) out.push({ name, value: p.name });
    else if (ts.isMethodDeclaration(p)) out.push({ name, value: p as unknown as ts.Expression });
  }
  return out;
}

/** `Object.x` or `Reflect.x` as written: the built-in a callee names. */
export function builtinName(callee: ts.Expression): string | undefined {
  const e = skipWrappers(callee);
  if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  const on = e.expression.text;
  return on === 'Object' || on === 'Reflect' ? `${on}.${e.name.text}` : undefined;
}

export function isGetPrototypeOf(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'getPrototypeOf' && ts.isIdentifier(callee.expression) && (callee.expression.text === 'Object' || callee.expression.text === 'Reflect');
}

export function isOr(k: ts.SyntaxKind): boolean {
  return k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.QuestionQuestionToken;
}

export function isInside(n: ts.Node, fn: ts.Node): boolean {
  return !!ts.findAncestor(n, (a) => a === fn);
}

