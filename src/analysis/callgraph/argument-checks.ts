/** What parameter flow reads off an argument as written (parameter-flow.ts). */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';

/** An object literal written in place without that property (nor a spread that may bring it). */
export function lacks(e: ts.Expression, property: string): boolean {
  const o = skipWrappers(e);
  if (ts.isJsxAttributes(o)) return o.properties.every((p) => ts.isJsxAttribute(p) && !(ts.isIdentifier(p.name) && p.name.text === property));
  return ts.isObjectLiteralExpression(o) && o.properties.every((p) => !ts.isSpreadAssignment(p) && !(p.name && ts.isIdentifier(p.name) && p.name.text === property) && !(p.name && !ts.isIdentifier(p.name)));
}

/** An argument TypeScript did not check against its parameter: typed any (or unknown, through a cast). */
export function typedLoosely(checker: ts.TypeChecker, arg: ts.Expression): boolean {
  return (checker.getTypeAtLocation(arg).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}
