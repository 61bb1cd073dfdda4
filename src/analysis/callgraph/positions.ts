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

/** Array methods that move elements to other positions in place (`fill` and the adders' values are added anywhere: stores.ts). */
const MOVERS = new Set(['reverse', 'sort', 'shift', 'unshift', 'splice', 'copyWithin']);

/**
 * Declarations whose array some call reorders in place (`list.reverse()`, `list.shift()`): a position read of one
 * is any element. Found once over the app's sources, by the receiver's declarations.
 */
export class MovedArrays {
  private moved: Set<ts.Declaration> | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly sources: () => Iterable<ts.SourceFile>,
  ) {}

  has(d: ts.Declaration): boolean {
    return (this.moved ??= this.find()).has(d);
  }

  private find(): Set<ts.Declaration> {
    const out = new Set<ts.Declaration>();
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && MOVERS.has(n.expression.name.text)) {
        let recv: ts.Expression = n.expression.expression;
        while (ts.isParenthesizedExpression(recv) || ts.isAsExpression(recv) || ts.isNonNullExpression(recv) || ts.isSatisfiesExpression(recv) || ts.isTypeAssertionExpression(recv)) recv = recv.expression;
        const name = ts.isIdentifier(recv) ? recv : ts.isPropertyAccessExpression(recv) ? recv.name : undefined;
        for (const d of (name && this.checker.getSymbolAtLocation(name)?.declarations) || []) out.add(d);
      }
      ts.forEachChild(n, visit);
    };
    for (const sf of this.sources()) visit(sf);
    return out;
  }
}
