/**
 * Members the app installs on a built-in's prototype: `Array.prototype.total = ...`,
 * `Date.prototype.toISOString = ...`, `Object.defineProperty(String.prototype, 'words', ...)`,
 * `Object.assign(Map.prototype, { ... })`. Like any global the app writes, the clone has them only
 * if it happens to load the module that installs them, so the state rule takes each as a global
 * (`Array.prototype.total`) and a method using one stays on the device:
 * - explicitly: a read of a member named so whose declaration is a library's or an ambient one
 *   (`xs.total()` declared by `declare global { interface Array<T> { total(): number } }`,
 *   `d.toISOString()` by lib.es5.d.ts), under the interface that declares it; on a receiver the
 *   checker cannot type (`any`), under any built-in;
 * - implicitly: a conversion of an object (`String(x)`, `${x}`, `x + ''`) runs its toString or
 *   valueOf, `JSON.stringify(x)` its toJSON.
 * The names installed are gathered first (only files that mention `prototype` are walked), so
 * that the walk over every file looks up a member's declaration only for those names.
 */
import { ts } from '../../typescript.cjs';
import type { AppFile } from '../project.js';
import { climbWrappers } from '../../ids/methodIds.js';
import { isAmbient } from './state-syntax.js';
import { isWritten } from './state-uncarried.js';

/** Lib interfaces whose members live on another constructor's prototype. */
const PROTOTYPE_OF: Record<string, string> = { ReadonlyArray: 'Array', ReadonlyMap: 'Map', ReadonlySet: 'Set', CallableFunction: 'Function', NewableFunction: 'Function' };
const CONVERSIONS = ['toString', 'valueOf', 'Symbol.toPrimitive'];

export const ANY_BUILTIN = '*';

/** The member names the app installs on built-in prototypes ('*' for a computed one). */
export function installedNames(files: readonly AppFile[], isBuiltin: (id: ts.Identifier) => boolean): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'prototype' && ts.isIdentifier(n.expression) && isBuiltin(n.expression)) {
      for (const name of namesWritten(n)) names.add(name);
    }
    ts.forEachChild(n, visit);
  };
  for (const f of files) if (f.sf.text.includes('prototype')) visit(f.sf);
  return names;
}

/**
 * The members a use of `<Builtin>.prototype` writes: `P.m = v`, `P['m'] = v`, `delete P.m`,
 * `Object.defineProperty(P, 'm', d)`, `Object.defineProperties(P, { m })`, `Object.assign(P, { m })`;
 * '*' when the key is computed. None for a read (`P.m.call(x)`).
 */
export function namesWritten(proto: ts.PropertyAccessExpression): string[] {
  const outer = climbWrappers(proto);
  const p = outer.parent;
  if (!p) return [];
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === outer) {
    if (!isWritten(p)) return [];
    if (ts.isPropertyAccessExpression(p)) return [p.name.text];
    return [ts.isStringLiteralLike(p.argumentExpression) || ts.isNumericLiteral(p.argumentExpression) ? p.argumentExpression.text : ANY_BUILTIN];
  }
  if (!ts.isCallExpression(p) || p.arguments[0] !== outer || !ts.isPropertyAccessExpression(p.expression) || !ts.isIdentifier(p.expression.expression)) return [];
  const how = `${p.expression.expression.text}.${p.expression.name.text}`;
  const key = p.arguments[1];
  if (how === 'Object.defineProperty' || how === 'Reflect.defineProperty' || how === 'Reflect.set') {
    return [key && ts.isStringLiteralLike(key) ? key.text : ANY_BUILTIN];
  }
  if (how === 'Object.defineProperties' || how === 'Object.assign') {
    if (p.arguments.length !== 2 || !key || !ts.isObjectLiteralExpression(key)) return [ANY_BUILTIN];
    return key.properties.map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteralLike(m.name)) ? m.name.text : ANY_BUILTIN));
  }
  return [];
}

/** The global keys (`Array.prototype.total`) a read of member `name` at `id` (a property name) may use. */
export function memberReadKeys(id: ts.Identifier, name: string, checker: ts.TypeChecker): string[] {
  const sym = checker.getSymbolAtLocation(id);
  if (!sym) {
    const p = id.parent as ts.PropertyAccessExpression;
    const t = checker.getTypeAtLocation(p.expression);
    return t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) ? [key(ANY_BUILTIN, name)] : [];
  }
  const keys: string[] = [];
  for (const d of sym.declarations ?? []) {
    if (!d.getSourceFile().isDeclarationFile && !isAmbient(d)) continue;
    const owner = d.parent;
    if ((ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && owner.name) keys.push(key(PROTOTYPE_OF[owner.name.text] ?? owner.name.text, name));
  }
  return keys;
}

/**
 * The global keys a conversion at `node` may use: an object converted to a string or a number
 * (`String(x)`, a template's `${x}`, `x + y`, unary `+x`) runs its toString, valueOf or
 * Symbol.toPrimitive; `JSON.stringify(x)` its toJSON. Primitives convert without them.
 */
export function conversionReadKeys(node: ts.Node, checker: ts.TypeChecker): string[] {
  const converted: ts.Expression[] = [];
  let members = CONVERSIONS;
  if (ts.isTemplateSpan(node)) converted.push(node.expression);
  else if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken)) converted.push(node.left, node.right);
  else if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.PlusToken || node.operator === ts.SyntaxKind.MinusToken)) converted.push(node.operand);
  else if (ts.isCallExpression(node) && node.arguments[0]) {
    const callee = node.expression;
    const text = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? `${callee.expression.text}.${callee.name.text}` : '';
    if (text === 'String' || text === 'Number') converted.push(node.arguments[0]);
    else if (text === 'JSON.stringify') {
      converted.push(node.arguments[0]);
      members = ['toJSON'];
    }
  }
  const keys: string[] = [];
  for (const e of converted) {
    const owner = objectOwner(checker.getTypeAtLocation(e));
    // JSON.stringify runs the toJSON of every value inside too, whatever its type.
    if (owner) for (const m of members) keys.push(key(m === 'toJSON' ? ANY_BUILTIN : owner, m));
  }
  return keys;
}

/** Whose prototype an object of this type converts through: a library class's (`Date`), else Object's; undefined for primitives. */
function objectOwner(t: ts.Type): string | undefined {
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return ANY_BUILTIN;
  if (t.isUnion()) {
    const owners = new Set(t.types.map(objectOwner).filter((o): o is string => o !== undefined));
    return owners.size === 0 ? undefined : owners.size === 1 ? [...owners][0] : ANY_BUILTIN;
  }
  if (!(t.flags & ts.TypeFlags.Object) && !(t.flags & ts.TypeFlags.NonPrimitive) && !t.isIntersection()) return undefined;
  const d = t.getSymbol()?.declarations?.[0];
  const name = t.getSymbol()?.getName();
  return d && d.getSourceFile().isDeclarationFile && name && /^[A-Z]/.test(name) ? (PROTOTYPE_OF[name] ?? name) : 'Object';
}

/** Whether a read under `read` may use the member installed under `written` ('*' on either side: any built-in, any member). */
export function meets(written: string, read: string): boolean {
  const [wOwner, wMember] = split(written);
  const [rOwner, rMember] = split(read);
  return (wOwner === rOwner || rOwner === ANY_BUILTIN) && (wMember === rMember || wMember === ANY_BUILTIN);
}

export function isPrototypeKey(k: string): boolean {
  return k.includes('.prototype.');
}

export function key(owner: string, member: string): string {
  return `${owner}.prototype.${member}`;
}

function split(k: string): [string, string] {
  const i = k.indexOf('.prototype.');
  return [k.slice(0, i), k.slice(i + '.prototype.'.length)];
}
