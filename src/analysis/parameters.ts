/**
 * Argument positions. TypeScript lets a function declare its `this` first (`function f(this: Ctx,
 * out: Writable)`): that parameter only types `this` and takes no argument, so `f(x)` passes x to
 * `out`, the parameter at index 1. Every mapping between a call's arguments and a declaration's
 * parameters goes through here, or a value passed to such a function lands one place off.
 */
import { ts } from '../typescript.cjs';

/** A declared `this` parameter (TypeScript only allows it first). */
export function isThisParameter(p: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(p.name) && p.name.text === 'this';
}

/** The parameters a call's arguments meet, in order: all but a declared `this`. */
export function argumentParameters(fn: ts.SignatureDeclaration): readonly ts.ParameterDeclaration[] {
  const first = fn.parameters[0];
  return first && isThisParameter(first) ? fn.parameters.slice(1) : fn.parameters;
}

/** The argument position a parameter takes: -1 for a declared `this`, or for a parameter not of `fn`'s list. */
export function argumentIndex(p: ts.ParameterDeclaration): number {
  const params = (p.parent as ts.SignatureDeclaration).parameters;
  const i = params.indexOf(p);
  return i > 0 && isThisParameter(params[0]!) ? i - 1 : isThisParameter(p) ? -1 : i;
}
