/**
 * The checker's names for symbol-keyed members: `__@iterator@12` for `[Symbol.iterator]`,
 * `__@clean@9` for a unique symbol `clean` (the number is the symbol's, per process). Such a name
 * is already escaped, and getPropertyOfType would escape it again: it is found by its escaped name
 * among the type's properties.
 */
import type { ts } from '../typescript.cjs';

/** Whether a property name (escaped) is a symbol's key. */
export function isSymbolKey(name: string): boolean {
  return name.startsWith('__@');
}

/** Whether a property name (escaped) is well-known symbol `Symbol.<symbol>`'s key (`iterator`, `species`). */
export function isWellKnownKey(name: string, symbol: string): boolean {
  return name.startsWith(`__@${symbol}@`);
}

/** `t`'s properties keyed by `Symbol.<symbol>`. */
export function wellKnownProperties(t: ts.Type, symbol: string): ts.Symbol[] {
  return t.getProperties().filter((s) => isWellKnownKey(s.escapedName as string, symbol));
}

/** `t`'s property named `name` (as the checker names it: a symbol's key escaped, others not). */
export function propertyNamed(checker: ts.TypeChecker, t: ts.Type, name: string): ts.Symbol | undefined {
  return isSymbolKey(name) ? t.getProperties().find((s) => s.escapedName === name) : checker.getPropertyOfType(t, name);
}

/** A property name as written: a symbol's key (`__@clean@12`) as `[clean]`. */
export function shownKey(name: string): string {
  return isSymbolKey(name) ? `[${name.slice(3).replace(/@\d+$/, '')}]` : name;
}
