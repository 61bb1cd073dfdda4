/**
 * A binding nested in another (`const { options: { commentString } } = ctx`, or a parameter so
 * destructured) reads a member of a member: the property of that name on the type the outer
 * binding has, whose declarations say what it may hold (as a read `ctx.options.commentString`
 * would). Computed names and array patterns are left to the rules that know them.
 */
import { ts } from '../../typescript.cjs';
import { bindingName, propertyDeclsOf } from './keys.js';

export function nestedPropertyDecls(checker: ts.TypeChecker, d: ts.BindingElement): readonly ts.Declaration[] {
  const name = bindingName(d);
  if (name === undefined || !ts.isObjectBindingPattern(d.parent) || !ts.isBindingElement(d.parent.parent)) return [];
  return propertyDeclsOf(checker, checker.getTypeAtLocation(d.parent), name);
}
