/**
 * Object-literal members under a computed key: `{ [matcher]() {} }`, `{ [K]: f }`. A protocol
 * keyed by a unique symbol (`const matcher = Symbol.for('...')`, a declared `unique symbol`) is
 * how libraries keep their methods out of the user's names, and the interface that declares it
 * (`interface Matcher { [matcher](): Protocol }`) is all a call `x[matcher]()` sees. Such a member
 * has the name the checker gives the key: a unique symbol's property name (`__@matcher@290`, the
 * name keys.ts reads off the call's key), or a string or number literal's value. A key typed
 * `string`, `symbol` or `any` names no member: it stays out, as it does at call sites.
 */
import { ts } from '../../typescript.cjs';
import type { KeyedLiteralMember, LiteralMember } from '../walk.js';

/** The members whose key the checker names, as literal members of that name. */
export function namedKeyedMembers(checker: ts.TypeChecker, keyed: readonly KeyedLiteralMember[]): LiteralMember[] {
  const out: LiteralMember[] = [];
  for (const k of keyed) {
    const name = computedKeyName(checker, k.key);
    if (name !== undefined) out.push({ name, lit: k.lit, ...(k.fn ? { fn: k.fn } : {}), ...(k.value ? { value: k.value } : {}) });
  }
  return out;
}

/**
 * The property name of a computed key, when its type is one name: a unique symbol's escaped name
 * (what the checker keys the member by), a string or number literal's text.
 */
export function computedKeyName(checker: ts.TypeChecker, key: ts.ComputedPropertyName): string | undefined {
  const t = checker.getTypeAtLocation(key.expression);
  if (t.flags & ts.TypeFlags.UniqueESSymbol) return (t as ts.UniqueESSymbolType).escapedName as string;
  if (t.isStringLiteral() || t.isNumberLiteral()) return String(t.value);
  return undefined;
}

/** A declaration's member name when written under a computed key (an interface's `[matcher](): P`); undefined otherwise. */
export function declaredKeyName(checker: ts.TypeChecker, m: ts.Node): string | undefined {
  const n = (m as { name?: ts.PropertyName }).name;
  return n && ts.isComputedPropertyName(n) ? computedKeyName(checker, n) : undefined;
}
