/**
 * An object type written as a type literal whose members name type parameters (`type Queue<E, O> = { dequeue: () => E |
 * undefined; ... }`, a literal inside a generic interface or function) is generic as a generic interface is: each use
 * picks the parameters (`Queue<RunFunction, Options>`), and a class implementing it (`class PriorityQueue implements
 * Queue<RunFunction, PriorityQueueOptions>`, or any class of its shape) is not assignable to it uninstantiated, where
 * `E` is no particular type. So such a literal's implementations are found as a generic interface's are
 * (implementations.ts): every app class having all its required member names.
 */
import { ts } from '../../typescript.cjs';
import { namesTypeParameter } from './generic-fit.js';

/** Whether some member of type literal `owner`'s type (`type`, as the checker reads it in place) names a type parameter. */
export function typeLiteralNamesTypeParameters(checker: ts.TypeChecker, owner: ts.InterfaceDeclaration | ts.TypeLiteralNode, type: ts.Type): boolean {
  if (!ts.isTypeLiteralNode(owner)) return false;
  return checker.getPropertiesOfType(type).some((p) => namesTypeParameter(checker, checker.getTypeOfSymbol(p)));
}
