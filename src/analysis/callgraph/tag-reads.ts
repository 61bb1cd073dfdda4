/**
 * `Object.prototype.toString.call(x)` reads x's `[Symbol.toStringTag]`: a getter of the app's
 * when x is one of its objects (`get [Symbol.toStringTag]() { return 'Map' }` on a class a type
 * check like isES6Map meets). Of an x typed by the app the conversion rule finds it by the type
 * (implicit.ts); typed any, unknown, `object` or `{}`, x may be any object, so every such getter of the app may
 * run. The callee is also reached through consts (`const toString = objectPrototype.toString`,
 * `objectPrototype = Object.prototype`).
 */
import { ts } from '../../typescript.cjs';
import { conversionTargets } from './implicit.js';
import type { Resolver, Target } from './resolve.js';
import { MAX_CONST_ALIASES, constInitializer } from '../symbols.js';
import { skipWrappers } from '../expressions.js';

const getters = new WeakMap<Resolver, ts.Node[]>();

/** What `Object.prototype.toString.call(x)` (or `.apply`) runs of the app; [] for any other call. */
export function objectToStringTargets(r: Resolver, site: ts.CallExpression): Target[] {
  const callee = skipWrappers(site.expression);
  const x = site.arguments[0];
  if (!x || !ts.isPropertyAccessExpression(callee) || !['call', 'apply'].includes(callee.name.text) || !isObjectToString(r.checker, callee.expression)) return [];
  if (!untyped(r.checker, r.checker.getTypeAtLocation(x))) return conversionTargets(r, x);
  return tagGetters(r).map((node) => ({ node, kind: 'implicit' as const }));
}

/** any, unknown, `object`, or `{}` (unknown narrowed by `x != null`): a type that says nothing of the value's members. */
function untyped(c: ts.TypeChecker, t: ts.Type): boolean {
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive)) return true;
  return !!(t.flags & ts.TypeFlags.Object) && !t.isUnion() && c.getPropertiesOfType(t).length === 0 && !t.getCallSignatures().length && !t.getConstructSignatures().length && !c.getIndexInfosOfType(t).length;
}

/** `Object.prototype.toString`, written so or through consts holding it or Object.prototype. */
function isObjectToString(c: ts.TypeChecker, e: ts.Expression): boolean {
  const v = constValue(c, e);
  return ts.isPropertyAccessExpression(v) && v.name.text === 'toString' && isObjectPrototype(c, v.expression);
}

function isObjectPrototype(c: ts.TypeChecker, e: ts.Expression): boolean {
  const v = constValue(c, e);
  return ts.isPropertyAccessExpression(v) && v.name.text === 'prototype' && ts.isIdentifier(v.expression) && v.expression.text === 'Object';
}

/** What a chain of consts (through imports) holds in the end, a few steps; else the expression itself. */
function constValue(c: ts.TypeChecker, e: ts.Expression): ts.Expression {
  let v = skipWrappers(e);
  for (let i = 0; i < MAX_CONST_ALIASES; i++) {
    const init = constInitializer(c, v);
    if (!init) break;
    v = skipWrappers(init);
  }
  return v;
}

/** The app's `get [Symbol.toStringTag]()` accessors. */
function tagGetters(r: Resolver): ts.Node[] {
  let found = getters.get(r);
  if (!found) {
    found = [...r.table.idOf.keys()].filter((n) => ts.isGetAccessorDeclaration(n) && ts.isComputedPropertyName(n.name) && n.name.expression.getText() === 'Symbol.toStringTag');
    getters.set(r, found);
  }
  return found;
}
