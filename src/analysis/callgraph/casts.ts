/**
 * A type assertion does not change the value: `(field as Schema).cast(v)` runs `cast` of what
 * `field` holds, which its type before the assertion tells (`Schema | Reference`), besides what
 * the asserted type names. An operand typed `any` or `unknown` tells nothing more.
 */
import { ts } from '../../typescript.cjs';
import { propertyDecls } from './keys.js';
import type { Resolution, Resolver } from './resolve.js';
import { skipWrappers } from '../expressions.js';

/** The resolution of a call `(x as T).m()`, with the members `m` of x's own type added. */
export function uncast(r: Resolver, raw: ts.Expression, res: Resolution): Resolution {
  const expr = skipWrappers(raw);
  if (!ts.isPropertyAccessExpression(expr)) return res;
  let recv: ts.Expression = expr.expression;
  while (ts.isParenthesizedExpression(recv) || ts.isNonNullExpression(recv)) recv = recv.expression;
  if (!ts.isAsExpression(recv) && !ts.isTypeAssertionExpression(recv)) return res;
  const operand = skipWrappers(recv.expression);
  if (r.checker.getTypeAtLocation(operand).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return res;
  const known = new Set('targets' in res ? res.targets.map((t) => t.node) : []);
  const decls = propertyDecls(r.checker, operand, expr.name.text).filter((d) => r.isApp(d) && !known.has(d));
  const more = decls.length ? r.fromDecls(decls) : undefined;
  if (!more || !('targets' in more)) return res;
  const added = more.targets.filter((t) => !known.has(t.node));
  return 'targets' in res ? { ...res, targets: [...res.targets, ...added] } : { targets: added };
}
