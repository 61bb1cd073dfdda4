/**
 * `this` in a class's (or interface's) member is typed by the polymorphic this type, a type
 * parameter to the checker. It is no open type: the value is an instance of the class or of a
 * subclass, as a variable declared with the class's type is. Rules that take a type parameter
 * for a receiver that may be anything (a proxy, an object an accessor was installed on under
 * `any`) read it as that class instead.
 */
import { ts } from '../../typescript.cjs';

/** The class or interface a polymorphic this type stands for; any other type as it is. */
export function thisAsDeclared(c: ts.TypeChecker, t: ts.Type): ts.Type {
  if (!(t.flags & ts.TypeFlags.TypeParameter)) return t;
  // A this type's symbol is its class's or interface's; a declared type parameter's is its own.
  const owner = t.getSymbol();
  if (!owner || !(owner.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) return t;
  return c.getBaseConstraintOfType(t) ?? t;
}
