/**
 * Computed keys with a finite type: `obj[k]` where `k` is a string/number literal, a union of
 * them, an enum or a `keyof` of a known type names exactly those properties, so it is resolved
 * like `obj.a`, `obj.b`, ... A key typed `string`, `number`, `symbol` or `any` is not finite:
 * such sites stay unresolved.
 */
import { ts } from '../../typescript.cjs';
import { loopKeyDeclaredType } from './loop-narrowed-keys.js';
import { forInNames } from './for-in-keys.js';
import { propertyNamed } from '../symbol-keys.js';

const MAX_KEYS = 64;

/** The property names a key expression may take, or undefined when they are not a finite set. */
export function keyNames(checker: ts.TypeChecker, key: ts.Expression): string[] | undefined {
  if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) return [key.text];
  const names = namesOfType(checker, checker.getTypeAtLocation(key), 0) ?? (ts.isIdentifier(key) ? (loopedNames(checker, key) ?? forInNames(checker, key)) : undefined);
  // Narrowed in a loop: also what its declared type admits (loop-narrowed-keys.ts).
  const declared = names && loopKeyDeclaredType(checker, key);
  const more = declared && namesOfType(checker, declared, 0);
  return more ? [...new Set([...names!, ...more])] : names;
}

/**
 * `for (const m of ['validate', 'validateSync']) o[m]()`: a const loop variable over an array
 * literal of string or number literals takes those values (its type, `string`, does not say so).
 */
function loopedNames(checker: ts.TypeChecker, key: ts.Identifier): string[] | undefined {
  const d = checker.getSymbolAtLocation(key)?.valueDeclaration;
  if (!d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name) || !ts.isVariableDeclarationList(d.parent)) return undefined;
  const list = d.parent;
  if (!(list.flags & ts.NodeFlags.Const) || !ts.isForOfStatement(list.parent)) return undefined;
  let e = list.parent.expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (!ts.isArrayLiteralExpression(e) || e.elements.length > MAX_KEYS) return undefined;
  const names = e.elements.map((x) => (ts.isStringLiteralLike(x) || ts.isNumericLiteral(x) ? x.text : undefined));
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

function namesOfType(checker: ts.TypeChecker, t: ts.Type, depth: number): string[] | undefined {
  // `K extends keyof T`, `T[K]`, `keyof T` in a generic body: what the constraint allows.
  if (t.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution)) {
    const c = depth < 4 ? checker.getBaseConstraintOfType(t) : undefined;
    return c && c !== t ? namesOfType(checker, c, depth + 1) : undefined;
  }
  const parts = t.isUnion() ? t.types : [t];
  if (parts.length > MAX_KEYS) return undefined;
  const out: string[] = [];
  for (const p of parts) {
    if (p.isStringLiteral() || p.isNumberLiteral()) out.push(String(p.value));
    // `keyof typeof handlers` with a `[Symbol.iterator]()` member: its symbol's property name (`__@iterator@12`).
    else if (p.flags & ts.TypeFlags.UniqueESSymbol) out.push((p as ts.UniqueESSymbolType).escapedName as string);
    else if (p.flags & ts.TypeFlags.Never) continue;
    else return undefined;
  }
  return out;
}

/** The declarations of property `name` on the type of `recv` (all members of a union); `recv` may be a binding pattern. */
export function propertyDecls(checker: ts.TypeChecker, recv: ts.Node, name: string): readonly ts.Declaration[] {
  return propertyDeclsOf(checker, checker.getTypeAtLocation(recv), name);
}

/** The declarations of property `name` on type `type` (all members of a union). */
export function propertyDeclsOf(checker: ts.TypeChecker, type: ts.Type, name: string): readonly ts.Declaration[] {
  const t = checker.getApparentType(type);
  const parts = t.isUnion() ? t.types : [t];
  const out: ts.Declaration[] = [];
  for (const p of parts) out.push(...(propertyNamed(checker, checker.getApparentType(p), name)?.declarations ?? []));
  return out;
}

/** The property an object binding element reads (`{ f }`, `{ f: g }`); undefined for computed names and nested patterns. */
export function bindingName(d: ts.BindingElement): string | undefined {
  const n = d.propertyName ?? d.name;
  return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
}
