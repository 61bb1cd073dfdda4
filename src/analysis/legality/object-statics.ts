/**
 * What the standard `Object` functions hand back of what they are given, for the device values
 * that travel through them (device-values.ts):
 * - `Object.assign(target, ...sources)` is the target, now holding each source's members;
 *   `Object.freeze(x)`, `Object.seal(x)` and `Object.preventExtensions(x)` are x itself;
 * - `Object.values(o)` and `Object.entries(o)` list o's members, as `o[key]` for a key not known.
 */
import { ts } from '../../typescript.cjs';
import { declaredByLibrary } from '../symbols.js';
import { skipWrappers } from '../walk.js';

const RETURNS_ARGUMENTS: ReadonlySet<string> = new Set(['assign', 'freeze', 'seal', 'preventExtensions']);
const LISTS_MEMBERS: ReadonlySet<string> = new Set(['values', 'entries']);

/** The expressions whose values the call returns (`whole`), or whose members it lists (`membersOf`). */
export function objectStaticResult(checker: ts.TypeChecker, e: ts.CallExpression): { whole: ts.Expression[] } | { membersOf: ts.Expression } | undefined {
  const callee = skipWrappers(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
  const name = callee.name.text;
  if (!RETURNS_ARGUMENTS.has(name) && !LISTS_MEMBERS.has(name)) return undefined;
  if (!declaredByLibrary(checker.getSymbolAtLocation(callee.expression))) return undefined;
  const args = e.arguments.map((a) => (ts.isSpreadElement(a) ? a.expression : a));
  if (LISTS_MEMBERS.has(name)) return args[0] ? { membersOf: args[0] } : undefined;
  return { whole: name === 'assign' ? args : args.slice(0, 1) };
}
