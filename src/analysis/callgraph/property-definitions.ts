/**
 * Properties defined at run time by a call: `Object.defineProperty(o, 'k', desc)`,
 * `Reflect.defineProperty(o, 'k', desc)` and each entry of `Object.defineProperties(o, { k: desc })`.
 * Their accessors are read by defined-accessors.ts, their data values by stores.ts.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';

export interface PropertyDefinition {
  /** The object the property is defined on. */
  recv: ts.Expression;
  name: string;
  desc: ts.Expression;
}

/** The properties a define call puts on its object, by names written in place. */
export function propertyDefinitions(call: ts.CallExpression): PropertyDefinition[] {
  const callee = skipWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || call.arguments.length < 2) return [];
  const on = callee.expression.text;
  const method = callee.name.text;
  const [recv, key, desc] = call.arguments as unknown as [ts.Expression, ts.Expression, ts.Expression | undefined];
  if ((on === 'Object' || on === 'Reflect') && method === 'defineProperty') return desc && ts.isStringLiteralLike(key) ? [{ recv, name: key.text, desc }] : [];
  if (on !== 'Object' || method !== 'defineProperties' || !ts.isObjectLiteralExpression(key)) return [];
  return key.properties.flatMap((p) => (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [{ recv, name: p.name.text, desc: p.initializer }] : []));
}

/** `{ value: f }` or `{ value }`: a data descriptor's value, when the descriptor is an object literal written in place. */
export function descriptorValue(desc: ts.Expression): ts.Expression | undefined {
  const d = skipWrappers(desc);
  if (!ts.isObjectLiteralExpression(d)) return undefined;
  for (const p of d.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'value') return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'value') return p.name;
  }
  return undefined;
}
