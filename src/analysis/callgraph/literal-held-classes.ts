/**
 * A class read back from a member that object literals fill: `new args.constr(...args.injections)` with `args` typed by
 * an interface or type literal (`interface Arg<T> { constr: Newable<T> }`) and its objects built as literals, by a
 * caller (`const arg: Arg<T> = { ...resolved, constr }`, constr its own parameter) or in place (`{ constr: Ninja }`).
 * Reading the member gives what any literal implementing it holds there, as a call through it runs any function they
 * hold (implementations.ts). The resolver follows those values for functions only; passed-classes.ts follows them here
 * with its own origins, which know a class named as a value and what callers pass for a parameter.
 */
import { ts } from '../../typescript.cjs';
import type { Resolver } from './resolve.js';

/** Values held under the member a property read names, by the app's object literals implementing it (a shorthand: its name). */
export function literalMemberValues(r: Resolver, e: ts.PropertyAccessExpression): ts.Expression[] {
  const decls = (r.named(e)?.declarations ?? []).filter((d) => ts.isPropertySignature(d) && r.isApp(d));
  return decls.flatMap((d) => r.implementations.literalValuesOf(d)).map((v) => (ts.isShorthandPropertyAssignment(v) ? v.name : v));
}

/** What a name declares, a shorthand member (`{ constr }`) read as the variable or parameter it copies. */
export function valueDeclarations(r: Resolver, e: ts.Expression): readonly ts.Declaration[] {
  const decls = r.named(e)?.declarations ?? [];
  const shorthand = decls.find(ts.isShorthandPropertyAssignment);
  return shorthand ? (r.checker.getShorthandAssignmentValueSymbol(shorthand)?.declarations ?? []) : decls;
}
