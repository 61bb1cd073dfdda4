/**
 * What standard library calls hand back of what they are given, for the device values that
 * travel through them (device-values.ts):
 * - `Object.assign(target, ...sources)` is the target, now holding each source's members;
 *   `Object.freeze(x)`, `Object.seal(x)`, `Object.preventExtensions(x)` and `new Proxy(x, handler)`
 *   are x itself (a proxy forwards what its handler does not catch to x);
 * - `Object.values(o)` and `Object.entries(o)` list o's members, as `o[key]` for a key not known;
 * - `Reflect.get(o, key)` is `o[key]`;
 * - an array's `find`, `at`, `pop`, ... return one of its elements, and `filter`, `slice`,
 *   `concat`, `sort`, ... a list of them (also of `concat`'s arguments).
 */
import { ts } from '../../typescript.cjs';
import { declaredByLibrary } from '../symbols.js';
import { skipWrappers } from '../expressions.js';

export type LibraryReturn = { whole: ts.Expression[] } | { membersOf: ts.Expression } | { memberOf: ts.Expression; key: ts.Expression } | { elementsOf: ts.Expression };

const RETURNS_ARGUMENTS: ReadonlySet<string> = new Set(['assign', 'freeze', 'seal', 'preventExtensions']);
const LISTS_MEMBERS: ReadonlySet<string> = new Set(['values', 'entries']);
const ELEMENT_OF: ReadonlySet<string> = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const LIST_OF: ReadonlySet<string> = new Set(['filter', 'slice', 'concat', 'reverse', 'sort', 'splice', 'toSorted', 'toReversed', 'toSpliced', 'with', 'fill', 'copyWithin']);

export function libraryReturn(checker: ts.TypeChecker, e: ts.CallExpression | ts.NewExpression): LibraryReturn | undefined {
  if (ts.isNewExpression(e)) return proxied(checker, e);
  const callee = skipWrappers(e.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const args = e.arguments.map((a) => (ts.isSpreadElement(a) ? a.expression : a));
  return objectStatic(checker, callee, args) ?? reflectGet(checker, callee, args) ?? arrayMethod(checker, callee, args);
}

function reflectGet(checker: ts.TypeChecker, callee: ts.PropertyAccessExpression, args: ts.Expression[]): LibraryReturn | undefined {
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'Reflect' || callee.name.text !== 'get' || !args[0] || !args[1]) return undefined;
  return declaredByLibrary(checker.getSymbolAtLocation(callee.expression)) ? { memberOf: args[0], key: args[1] } : undefined;
}

function objectStatic(checker: ts.TypeChecker, callee: ts.PropertyAccessExpression, args: ts.Expression[]): LibraryReturn | undefined {
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
  const name = callee.name.text;
  if (!RETURNS_ARGUMENTS.has(name) && !LISTS_MEMBERS.has(name)) return undefined;
  if (!declaredByLibrary(checker.getSymbolAtLocation(callee.expression))) return undefined;
  if (LISTS_MEMBERS.has(name)) return args[0] ? { membersOf: args[0] } : undefined;
  return { whole: name === 'assign' ? args : args.slice(0, 1) };
}

function arrayMethod(checker: ts.TypeChecker, callee: ts.PropertyAccessExpression, args: ts.Expression[]): LibraryReturn | undefined {
  const name = callee.name.text;
  if (!ELEMENT_OF.has(name) && !LIST_OF.has(name)) return undefined;
  const list = callee.expression;
  const t = checker.getTypeAtLocation(list);
  if (!(checker.isArrayType(t) || checker.isTupleType(t)) || !declaredByLibrary(checker.getSymbolAtLocation(callee.name))) return undefined;
  if (ELEMENT_OF.has(name)) return { elementsOf: list };
  return { whole: name === 'concat' ? [list, ...args] : [list] };
}

function proxied(checker: ts.TypeChecker, e: ts.NewExpression): LibraryReturn | undefined {
  const target = e.arguments?.[0];
  if (!target || ts.isSpreadElement(target) || !ts.isIdentifier(e.expression) || e.expression.text !== 'Proxy') return undefined;
  return declaredByLibrary(checker.getSymbolAtLocation(e.expression)) ? { whole: [target] } : undefined;
}
