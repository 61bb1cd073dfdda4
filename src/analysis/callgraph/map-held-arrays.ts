/**
 * Arrays kept as a standard Map's values (`blocks.set(store, [get, set])`, then
 * `blocks.get(store)![1]` or `const [get] = blocks.get(store)!`): what `get` returns is one of
 * the values put on that map, so its elements are the elements of those values. A Map's
 * values read as functions (`byName.get(k)()`) are followed by values.ts; this is the same
 * read one level down, for the arrays (tuples) a map holds. Values are what `set(k, v)` puts
 * on the map a variable or property holds anywhere (stores.ts), and the pairs written in a
 * `new Map([[k, v], ...])` it starts with (pairs from elsewhere are not followed).
 */
import { ts } from '../../typescript.cjs';
import { collectionOf } from './arrays.js';
import type { Stores } from './stores.js';
import { declaredByLibrary, symbolAt } from '../symbols.js';
import { skipWrappers } from '../expressions.js';

/** `recv.get(k)` of a standard Map (a WeakMap or ReadonlyMap too): `recv`. */
export function mapRead(checker: ts.TypeChecker, e: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(e)) return undefined;
  const callee = skipWrappers(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'get') return undefined;
  return collectionOf(checker, callee.name) === 'Map' ? callee.expression : undefined;
}

/** The values put on the Map that `recv` (a variable or property) holds, as expressions: `set`'s second argument, the initial pairs' second element. */
export function mapValuesPut(checker: ts.TypeChecker, stores: Stores, isApp: (d: ts.Node) => boolean, recv: ts.Expression): ts.Expression[] {
  const e = skipWrappers(recv);
  const name = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) ? e.name : undefined;
  const decls = ((name && symbolAt(checker, name)?.declarations) || []).filter(isApp);
  return decls.flatMap((d) => [...initialValues(checker, d), ...stores.added(d)]);
}

/** The pairs a declaration's initialiser `new Map(pairs)` (a WeakMap too) of the standard library starts with. */
export function standardMapPairs(checker: ts.TypeChecker, d: ts.Declaration): ts.Expression | undefined {
  const init = ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) ? d.initializer && skipWrappers(d.initializer) : undefined;
  if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression) || !/^(Weak)?Map$/.test(init.expression.text)) return undefined;
  return declaredByLibrary(checker.getSymbolAtLocation(init.expression)) ? init.arguments?.[0] : undefined;
}

/** `new Map([[k, v], ...])` of the standard library as a declaration's initialiser: each literal pair's `v`. */
function initialValues(checker: ts.TypeChecker, d: ts.Declaration): ts.Expression[] {
  const given = standardMapPairs(checker, d);
  const pairs = given && skipWrappers(given);
  if (!pairs || !ts.isArrayLiteralExpression(pairs)) return [];
  return pairs.elements.flatMap((p) => {
    const pair = ts.isSpreadElement(p) ? undefined : skipWrappers(p);
    if (!pair || !ts.isArrayLiteralExpression(pair) || pair.elements.slice(0, 2).some(ts.isSpreadElement)) return [];
    const v = pair.elements[1];
    return v ? [v] : [];
  });
}
