/**
 * `table[k]` with a key not known, `table` a variable holding an object literal
 * (`var extensions = { splice() {...} }`): any member of the literal may be read, its own and those
 * stored onto it later (`extensions.peek = f`, or `extensions[name] = make(name)` through a helper
 * whose calls name the keys: installers.ts), each under its name. A proxy's get trap handing out
 * `extensions[key]` for the key read hands out, for a read of `p.splice`, the member `splice`
 * (also `return fn` of a variable assigned `table[key]`: proxies.ts). Likewise `Reflect.get(o, key)`
 * under a key not known may run any getter of the literals o may be (literalGetters).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Stores } from './stores.js';
import type { Resolver } from './resolve.js';
import { keyNames } from './keys.js';
import { initializerOf } from './installer-syntax.js';
import { isNothing, skipWrappers, valueOperands } from '../expressions.js';

const MAX_DEPTH = 5;

export interface LiteralEntry {
  name: string;
  /** A method node stands for itself; other values are expressions to follow. */
  value: ts.Node;
}

/** The entries of the literal that `read`, a read `table[k]` with a key not known, may give; undefined when it is no such read. */
export function literalEntries(checker: ts.TypeChecker, stores: Stores, read: ts.Expression): LiteralEntry[] | undefined {
  const e = skipWrappers(read);
  if (!ts.isElementAccessExpression(e) || keyNames(checker, e.argumentExpression) !== undefined) return undefined;
  return tableEntries(checker, stores, e.expression);
}

/** The entries of the literal a variable `table` holds (its own and those stored onto it), under their names; undefined when it holds none. */
export function tableEntries(checker: ts.TypeChecker, stores: Stores, raw: ts.Expression): LiteralEntry[] | undefined {
  const table = skipWrappers(raw);
  if (!ts.isIdentifier(table)) return undefined;
  let out: LiteralEntry[] | undefined;
  let sym = checker.getSymbolAtLocation(table);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym); // imported
  for (const d of sym?.declarations ?? []) {
    const init = ts.isVariableDeclaration(d) && d.initializer ? skipWrappers(d.initializer) : undefined;
    if (!init || !ts.isObjectLiteralExpression(init)) continue;
    out ??= [];
    for (const p of init.properties) {
      const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name) || ts.isNumericLiteral(p.name)) ? p.name.text : undefined;
      if (name === undefined) continue;
      if (ts.isPropertyAssignment(p)) out.push({ name, value: p.initializer });
      else if (isMethodNode(p)) out.push({ name, value: p });
      else if (ts.isShorthandPropertyAssignment(p)) out.push({ name, value: p.name });
    }
    for (const [name, value] of stores.storedOn(checker, d)) out.push({ name, value });
  }
  return out;
}

/** The object literals a value may be: written in place, held by a `const`, returned by the app functions called. */
export function objectLiteralsOf(r: Resolver, raw: ts.Expression, depth = 0): ts.ObjectLiteralExpression[] {
  const e = skipWrappers(raw);
  if (depth >= MAX_DEPTH || isNothing(e)) return [];
  if (ts.isObjectLiteralExpression(e)) return [e];
  const either = valueOperands(e);
  if (either) return either.flatMap((x) => objectLiteralsOf(r, x, depth + 1));
  if (ts.isIdentifier(e)) {
    const init = initializerOf(r.checker, e);
    return init ? objectLiteralsOf(r, init, depth + 1) : [];
  }
  if (!ts.isCallExpression(e)) return [];
  return r.values.of(e.expression).flatMap((f) => (isMethodNode(f) ? r.values.returnsOf(f).flatMap((ret) => objectLiteralsOf(r, ret, depth + 1)) : []));
}

/** `Reflect.get(o, key)` under a key not known may read any property of o: the getters of the literals o may be. */
export function literalGetters(r: Resolver, o: ts.Expression): ts.GetAccessorDeclaration[] {
  return objectLiteralsOf(r, o).flatMap((lit) => lit.properties.filter(ts.isGetAccessorDeclaration));
}
