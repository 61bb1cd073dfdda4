/**
 * Calls written in another form than a call of the function they run:
 * - `Reflect.apply(f, t, [a, b])` runs f with `this` t and those arguments, as `f.apply(t, [a, b])`;
 * - `o.k = v` through a setter runs the setter with v as its argument.
 */
import { ts } from '../../typescript.cjs';
import { declaredByLibrary } from '../symbols.js';
import { isStoringOperator } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import { builtinName } from './installer-syntax.js';

/** The function, `this` and arguments of a `Reflect.apply(f, t, list)` of the standard Reflect. */
export function reflectedApply(checker: ts.TypeChecker, call: ts.CallExpression): { fn: ts.Expression; given: ts.Expression; args: ts.NodeArray<ts.Expression> } | undefined {
  const [fn, given, list] = call.arguments;
  if (!fn || !given || !list || builtinName(call.expression) !== 'Reflect.apply') return undefined;
  if ([fn, given, list].some(ts.isSpreadElement) || !declaredByLibrary(checker.getSymbolAtLocation(skipWrappers(call.expression)))) return undefined;
  return { fn, given, args: appliedArguments(list) };
}

/**
 * The arguments an applied list passes (`f.apply(t, list)`, `Reflect.apply(f, t, list)`): an array
 * literal's elements; any other list spreads its elements over the parameters (`f.apply(t, arguments)`).
 */
export function appliedArguments(list: ts.Expression | undefined): ts.NodeArray<ts.Expression> {
  const l = list && skipWrappers(list);
  if (l && ts.isArrayLiteralExpression(l)) return l.elements;
  return ts.factory.createNodeArray(list ? [ts.isSpreadElement(list) ? list : ts.factory.createSpreadElement(list)] : []);
}

/** The value an assignment stores through a property access on its left (`o.k = v`, `o.k ??= v`). */
export function assignedValue(node: ts.Expression): ts.Expression | undefined {
  const p = node.parent;
  return ts.isBinaryExpression(p) && p.left === node && isStoringOperator(p.operatorToken.kind) ? p.right : undefined;
}
