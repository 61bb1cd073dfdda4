/**
 * What stands at a position of a list written with spreads: an array literal's elements, or the
 * arguments a rest parameter gathers. An item before the position counts one; a spread of a tuple
 * whose length the type fixes (no optional nor rest element) counts its length; past a spread of
 * another length, the position is not known: any element of that spread, or any item after it,
 * may stand there. A spread written last holds the position at its own offset, whatever its length.
 */
import { ts } from '../../typescript.cjs';

/** A value standing at the position, the element `at` of an array standing from there on, or any element of an array. */
export type PositionSource = { value: ts.Expression } | { array: ts.Expression; at: number } | { anyOf: ts.Expression };

export function sourcesAt(checker: ts.TypeChecker, items: readonly ts.Expression[], at: number): PositionSource[] {
  let offset = 0;
  for (let k = 0; k < items.length; k++) {
    const x = items[k]!;
    if (!ts.isSpreadElement(x)) {
      if (offset === at) return [{ value: x }];
      offset++;
      continue;
    }
    if (k === items.length - 1) return [{ array: x.expression, at: at - offset }];
    const length = fixedLength(checker, x.expression);
    if (length === undefined) return items.slice(k).map((y) => (ts.isSpreadElement(y) ? { anyOf: y.expression } : { value: y }));
    if (at < offset + length) return [{ array: x.expression, at: at - offset }];
    offset += length;
  }
  return [];
}

/** The length of a tuple type that has neither optional nor rest elements. */
function fixedLength(checker: ts.TypeChecker, e: ts.Expression): number | undefined {
  const t = checker.getTypeAtLocation(e);
  if (!checker.isTupleType(t)) return undefined;
  const target = (t as ts.TypeReference).target as ts.TupleType;
  return !target.hasRestElement && target.minLength === target.fixedLength ? target.fixedLength : undefined;
}
