/**
 * Whether a receiver may hold a device value, judged by their types.
 *
 * The value flow does not tell calling contexts apart: a value passed through a generic or `any`
 * path reaches what every caller of that path gets (rxjs: the `Event` a WebSocket hands its open
 * observer reached `source.pipe(...)` of every `Observable`, and through it a thousand test
 * callbacks). Reading a member of a receiver, or calling its method, derives a device value from
 * what the receiver holds (and a parameter holds what callers pass); where the receiver is typed
 * by the app's own object types and no object may be of both types (typesMayMeet), nothing is
 * derived from that value there. A use is judged the same way, whoever declares its type.
 *
 * Not judged (the value is kept): a receiver typed `any`, `unknown` or by a type parameter, one
 * typed by the library's types, either in a JavaScript file (device-values.ts: its types bound
 * nothing), and one whose type is a container the flow merges with its
 * contents: arrays and tuples, iterables, thenables, anything indexed by number (a rest
 * parameter's list holds what its elements hold, a promise what it settles to).
 */
import { ts } from '../../typescript.cjs';

const OPEN = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution;
const NOTHING = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never;

/**
 * Whether a receiver of type `receiver` may hold a value of type `value`. `isApp` tells a
 * declaration of the app's files from the library's.
 */
export function receiverMayHold(checker: ts.TypeChecker, receiver: ts.Type, value: ts.Type, isApp: (d: ts.Declaration) => boolean): boolean {
  if (value.flags & OPEN || !judgedReceiver(checker, receiver, isApp, 0)) return true;
  return typesMayMeet(checker, receiver, value);
}

/**
 * Whether one object may be of both types: one type (or one member of a union) is assignable to
 * the other, or, both callable or both not, one has every member the other requires, by name.
 * Names, not signatures, decide the last: an adapter the app types by its own interface
 * (`fs as unknown as Reader`, with a narrower `readFileSync`) is still fs.
 */
export function typesMayMeet(checker: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  if (assignableEitherWay(checker, a, b)) return true;
  // Parts of a union are asked on their own; a type that is none was asked whole just above.
  const split = a.isUnion() || b.isUnion();
  const bs = partsOf(b);
  return partsOf(a).some((x) => bs.some((y) => (split && assignableEitherWay(checker, x, y)) || namesMeet(checker, x, y)));
}

function partsOf(t: ts.Type): ts.Type[] {
  return t.isUnion() ? t.types.filter((p) => !(p.flags & NOTHING)) : [t];
}

function assignableEitherWay(checker: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  return checker.isTypeAssignableTo(b, a) || checker.isTypeAssignableTo(a, b);
}

/** Both objects, both callable or both not, and one has every member the other requires. */
function namesMeet(checker: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  if (!(a.flags & b.flags & ts.TypeFlags.Object)) return false;
  if (callable(a) !== callable(b)) return false;
  return !requiresMissing(checker, a, b) || !requiresMissing(checker, b, a);
}

function callable(t: ts.Type): string {
  return `${t.getCallSignatures().length > 0}:${t.getConstructSignatures().length > 0}`;
}

/** Whether `a` requires a member `b` has none of. */
function requiresMissing(checker: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  return checker.getPropertiesOfType(a).some((p) => !(p.flags & ts.SymbolFlags.Optional) && !checker.getPropertyOfType(b, p.escapedName as string));
}

/** A type made only of the app's own object types that are no containers (null and undefined aside). */
function judgedReceiver(checker: ts.TypeChecker, t: ts.Type, isApp: (d: ts.Declaration) => boolean, depth: number): boolean {
  if (depth > 4 || t.flags & OPEN) return false;
  if (t.isUnionOrIntersection()) {
    const parts = t.types.filter((p) => !(p.flags & NOTHING));
    return parts.length > 0 && parts.every((p) => judgedReceiver(checker, p, isApp, depth + 1));
  }
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  const decls = (t.getSymbol() ?? t.aliasSymbol)?.declarations;
  if (!decls?.length || !decls.every(isApp)) return false;
  return !isContainer(checker, t);
}

/**
 * Whether `receiver` is a list (arrays, tuples, number-indexed types) and `value` no list: the
 * flow gives a list what its elements hold (a rest parameter's callers' arguments), so such a
 * value read by index from it is the element itself, not a member of the value.
 */
export function elementOfList(checker: ts.TypeChecker, receiver: ts.Type, value: ts.Type): boolean {
  if (value.flags & OPEN || partsOf(value).some((t) => isList(checker, t))) return false;
  const parts = partsOf(receiver);
  return parts.length > 0 && parts.every((t) => isList(checker, t));
}

function isList(checker: ts.TypeChecker, t: ts.Type): boolean {
  return checker.isArrayType(t) || checker.isTupleType(t) || checker.getIndexInfoOfType(t, ts.IndexKind.Number) !== undefined;
}

function isContainer(checker: ts.TypeChecker, t: ts.Type): boolean {
  if (isList(checker, t) || checker.getPropertyOfType(t, 'then')) return true;
  return checker.getPropertiesOfType(t).some((p) => /^__@(async)?[iI]terator@/.test(p.escapedName as string));
}
