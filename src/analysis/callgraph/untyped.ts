/**
 * Members of a receiver the checker cannot type (`any`, an untyped `this`) whose value the flow
 * still sees: `const y = { m() {} } as any; y.m()`, `const x: any = new C(); x.run()`, and `this`
 * inside a method of an object literal. Followed: a name's initializer (through casts), an
 * object literal's member of that name, a constructed class's member (its own or a base's, and
 * the overrides of its subclasses). Anything else gives nothing: the site stays unresolved.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Hierarchy } from './hierarchy.js';
import { memberName } from './hierarchy.js';
import { symbolAt } from '../symbols.js';
import { skipWrappers } from '../walk.js';

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
