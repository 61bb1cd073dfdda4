/**
 * Members of a receiver the checker cannot type (`any`, an untyped `this`) whose value the flow
 * still sees: `const y = { m() {} } as any; y.m()`, `const x: any = new C(); x.run()`, and `this`
 * inside a method of an object literal. Followed: a name's initializer (through casts), an
 * object literal's member of that name, a constructed class's member (its own or a base's, and
 * the overrides of its subclasses). Anything else gives nothing: the site stays unresolved.
 *
 * One more source of types: a parameter that an overloaded function's implementation types
 * `any` holds what its callers pass, and they can pass only what the overloads declare for it.
 * So `s.area()` on such a parameter, and `f(x).area()` on what calling one returns, run the
 * members of the overloads' types (through their implementations, as a typed call would).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Hierarchy } from './hierarchy.js';
import { memberName } from './hierarchy.js';
import { symbolAt } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import { argumentIndex, argumentParameters } from '../parameters.js';

const MAX_DEPTH = 6;

export interface UntypedContext {
  checker: ts.TypeChecker;
  hierarchy: Hierarchy;
  /** Functions an expression may evaluate to (values.ts). */
  valuesOf: (e: ts.Expression) => ts.Node[];
  isApp: (d: ts.Node) => boolean;
}

export function untypedMembers(cx: UntypedContext, recv: ts.Expression, name: string, depth = 0): ts.Node[] {
  if (depth > MAX_DEPTH) return [];
  const e = skipWrappers(recv);
  if (e.kind === ts.SyntaxKind.ThisKeyword) {
    const fn = ts.findAncestor(e.parent, (n) => isMethodNode(n) && !ts.isArrowFunction(n));
    const lit = fn && (ts.isObjectLiteralExpression(fn.parent) ? fn.parent : ts.isPropertyAssignment(fn.parent) && ts.isObjectLiteralExpression(fn.parent.parent) ? fn.parent.parent : undefined);
    return lit ? literalMember(cx, lit, name) : [];
  }
  if (ts.isObjectLiteralExpression(e)) return literalMember(cx, e, name);
  if (ts.isNewExpression(e)) {
    const cls = (symbolAt(cx.checker, e.expression)?.declarations ?? []).find(ts.isClassLike);
    return cls && cx.isApp(cls) ? classMember(cx, cls, name) : [];
  }
  if (ts.isIdentifier(e)) {
    const out: ts.Node[] = [];
    for (const d of symbolAt(cx.checker, e)?.declarations ?? []) {
      if (ts.isVariableDeclaration(d) && d.initializer && cx.isApp(d)) out.push(...untypedMembers(cx, d.initializer, name, depth + 1));
    }
    return out;
  }
  return [];
}

/**
 * The declarations of member `name` on a receiver typed only by overloads: a parameter the
 * implementation types `any`, or what calling one returns (a type parameter by its constraint).
 */
export function overloadTypedMember(checker: ts.TypeChecker, recv: ts.Expression, name: string): readonly ts.Declaration[] {
  const e = skipWrappers(recv);
  let types: ts.Type[] = [];
  if (ts.isIdentifier(e)) types = overloadTypes(checker, symbolAt(checker, e)?.declarations?.find(ts.isParameter));
  else if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
    const param = symbolAt(checker, e.expression)?.declarations?.find(ts.isParameter);
    types = overloadTypes(checker, param).flatMap((t) => t.getCallSignatures().map((s) => s.getReturnType()));
  }
  return types.flatMap((raw) => {
    const t = raw.flags & ts.TypeFlags.TypeParameter ? (checker.getBaseConstraintOfType(raw) ?? raw) : raw;
    return checker.getPropertyOfType(t, name)?.declarations ?? [];
  });
}

/**
 * The types the overloads of `param`'s function declare at its position, when the
 * implementation's own type for it is `any`; none otherwise.
 */
function overloadTypes(checker: ts.TypeChecker, param: ts.ParameterDeclaration | undefined): ts.Type[] {
  const fn = param?.parent;
  if (!param || !fn || !isImplementation(fn) || !(checker.getTypeAtLocation(param).flags & ts.TypeFlags.Any)) return [];
  const at = argumentIndex(param);
  const types: ts.Type[] = [];
  for (const overload of overloadsOf(fn)) {
    const params = argumentParameters(overload);
    const p = params[Math.min(at, params.length - 1)];
    if (!p || (at >= params.length && !p.dotDotDotToken)) continue;
    const t = checker.getTypeAtLocation(p);
    types.push(p.dotDotDotToken ? (checker.getIndexTypeOfType(t, ts.IndexKind.Number) ?? t) : t);
  }
  return types;
}

type Implementation = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ConstructorDeclaration;

function isImplementation(fn: ts.Node): fn is Implementation {
  return (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isConstructorDeclaration(fn)) && fn.body !== undefined;
}

/** The body-less declarations of the same name beside an implementation: its overloads. */
function overloadsOf(fn: Implementation): Implementation[] {
  const siblings: readonly ts.Node[] = ts.isClassLike(fn.parent) ? fn.parent.members : ts.isSourceFile(fn.parent) || ts.isModuleBlock(fn.parent) || ts.isBlock(fn.parent) ? fn.parent.statements : [];
  const key = (n: ts.Node): string | undefined => (ts.isConstructorDeclaration(n) ? 'constructor' : (n as Implementation).name?.getText());
  return siblings.filter((n): n is Implementation => n !== fn && n.kind === fn.kind && (n as Implementation).body === undefined && key(n) === key(fn));
}

function literalMember(cx: UntypedContext, lit: ts.ObjectLiteralExpression, name: string): ts.Node[] {
  const out: ts.Node[] = [];
  for (const p of lit.properties) {
    if (memberName(p) !== name) continue;
    if (isMethodNode(p)) out.push(p);
    else if (ts.isPropertyAssignment(p)) out.push(...cx.valuesOf(p.initializer));
    else if (ts.isShorthandPropertyAssignment(p)) out.push(...cx.valuesOf(p.name));
  }
  return out;
}

function classMember(cx: UntypedContext, cls: ts.ClassLikeDeclaration, name: string): ts.Node[] {
  const out: ts.Node[] = [];
  for (let c: ts.ClassLikeDeclaration | undefined = cls, i = 0; c && i < 20; c = cx.hierarchy.baseOf(c), i++) {
    const own = c.members.find((m) => isMethodNode(m) && memberName(m) === name);
    if (own) {
      out.push(own);
      break;
    }
  }
  for (const sub of cx.hierarchy.subclassesOf(cls)) for (const m of sub.members) if (isMethodNode(m) && memberName(m) === name) out.push(m);
  return out;
}
