/**
 * What an array built by the standard `concat` holds (element-values.ts): the receiver's elements, and for each
 * argument its elements when it is an array (IsConcatSpreadable), else the argument itself. `list.concat(f)`
 * appends the function f; `list.concat(more)` the elements of more. An argument whose type may or may not be an
 * array (any, unknown, a type parameter, an object type an array fits, a union of arrays and others) counts both
 * ways. A receiver typed any is left to the copies' rule (arrays.ts ARRAY_COPIES: its elements only). The same through the function's own
 * `call` and `apply` (`Array.prototype.concat.apply([], lists)`, `[].concat.call(a, f)`): the receiver is the
 * first argument; apply's arguments are the elements of its second, each of them a value appended (an element that
 * is itself an array would add its elements: not followed, as elements() does not follow arrays of arrays).
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';
import { isArrayMethod } from './arrays.js';

/** Where a concat's elements come from: arrays whose elements count, values that count themselves, arrays of values. */
export interface ConcatParts {
  /** Arrays whose elements the result holds (the receiver, array arguments). */
  arrays: ts.Expression[];
  /** Values the result holds as elements (arguments that are not arrays). */
  items: ts.Expression[];
  /** Arrays whose elements are arguments (a spread argument, apply's list): each element is appended as a value. */
  argumentLists: ts.Expression[];
}

/** `recv.concat(...)`, `X.concat.call(recv, ...)`, `X.concat.apply(recv, list)` of the standard Array's concat. */
export function concatParts(checker: ts.TypeChecker, e: ts.Expression): ConcatParts | undefined {
  if (!ts.isCallExpression(e)) return undefined;
  const callee = skipWrappers(e.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  if (isConcat(checker, callee)) return withArguments(checker, [callee.expression], e.arguments);
  const inner = skipWrappers(callee.expression);
  if (!ts.isPropertyAccessExpression(inner) || !isConcat(checker, inner)) return undefined;
  const [receiver, ...rest] = e.arguments;
  if (!receiver || ts.isSpreadElement(receiver)) return undefined;
  if (callee.name.text === 'call') return withArguments(checker, [receiver], rest);
  if (callee.name.text !== 'apply') return undefined;
  const list = rest[0];
  return { arrays: [receiver], items: [], argumentLists: list && !ts.isSpreadElement(list) ? [list] : [] };
}

function isConcat(checker: ts.TypeChecker, callee: ts.PropertyAccessExpression): boolean {
  return callee.name.text === 'concat' && isArrayMethod(checker, callee.name);
}

function withArguments(checker: ts.TypeChecker, arrays: ts.Expression[], args: readonly ts.Expression[]): ConcatParts {
  const out: ConcatParts = { arrays: [...arrays], items: [], argumentLists: [] };
  for (const a of args) {
    if (ts.isSpreadElement(a)) {
      out.argumentLists.push(a.expression);
      continue;
    }
    const kind = arrayKind(checker, checker.getTypeAtLocation(a));
    if (kind !== 'never') out.arrays.push(a);
    if (kind !== 'always') out.items.push(a);
  }
  return out;
}

/**
 * Whether a value of this type is an array: always (arrays, tuples), never (primitives, and functions: an array has no
 * call signature, so no array fits a function type), or maybe (any other object type: an array fits `Iterable<T>`,
 * `{ length: number }`, `object`; any, unknown, type parameters).
 */
function arrayKind(checker: ts.TypeChecker, t: ts.Type): 'always' | 'never' | 'maybe' {
  if (t.isUnion() || t.isIntersection()) {
    const kinds = new Set(t.types.map((x) => arrayKind(checker, x)));
    if (t.isIntersection() && kinds.has('never')) return 'never';
    return kinds.size === 1 ? [...kinds][0]! : 'maybe';
  }
  if (checker.isArrayType(t) || checker.isTupleType(t)) return 'always';
  if (t.flags & PRIMITIVE) return 'never';
  if (t.flags & ts.TypeFlags.Object && (t.getCallSignatures().length || t.getConstructSignatures().length)) return 'never';
  return 'maybe';
}

const PRIMITIVE =
  ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never;

/** The functions a concat's result holds, given how to find an array's elements and a value's functions. */
export function concatenated(parts: ConcatParts, elementsOf: (array: ts.Expression) => ts.Node[], valueOf: (value: ts.Expression) => ts.Node[]): ts.Node[] {
  return [...parts.arrays.flatMap(elementsOf), ...parts.items.flatMap(valueOf), ...parts.argumentLists.flatMap(elementsOf)];
}
