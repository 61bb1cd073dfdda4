/**
 * `for (const key in table)` (or a `let` the loop never assigns) over a const holding an object literal: the loop takes
 * the object's enumerable string keys, which are the properties its type admits. The literal's own members are among
 * them; the program may add more only where the type declares them (a typed const: `ProxyHandler<S>`'s other traps),
 * since adding a property its type lacks is a type error; an object literal's prototype adds none. A type with an index
 * signature admits any key: no finite set (the key stays `string`, as before).
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';

const MAX_NAMES = 64;

/** The names a for-in loop variable takes over such a table; undefined where they are not a finite set. */
export function forInNames(checker: ts.TypeChecker, key: ts.Identifier): string[] | undefined {
  const d = checker.getSymbolAtLocation(key)?.valueDeclaration;
  if (!d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name) || !ts.isVariableDeclarationList(d.parent)) return undefined;
  const loop = d.parent.parent;
  if (!ts.isForInStatement(loop) || (!(d.parent.flags & ts.NodeFlags.Const) && assignedIn(checker, loop.statement, d))) return undefined;
  const table = skipWrappers(loop.expression);
  const tableDecl = ts.isIdentifier(table) ? checker.getSymbolAtLocation(table)?.valueDeclaration : undefined;
  if (!tableDecl || !ts.isVariableDeclaration(tableDecl) || !(tableDecl.parent.flags & ts.NodeFlags.Const) || !tableDecl.initializer) return undefined;
  if (!ts.isObjectLiteralExpression(skipWrappers(tableDecl.initializer))) return undefined;
  const t = checker.getTypeAtLocation(tableDecl.name);
  if (t.isUnion() || checker.getIndexInfosOfType(t).length > 0) return undefined;
  const names = checker.getPropertiesOfType(t).map((p) => p.getName()).filter((n) => !n.startsWith('__@'));
  return names.length <= MAX_NAMES ? names : undefined;
}

/** Does the loop's body assign the variable (`key = ...`, `key += ...`, `key++`)? */
function assignedIn(checker: ts.TypeChecker, body: ts.Node, d: ts.VariableDeclaration): boolean {
  const isVar = (n: ts.Node): boolean => ts.isIdentifier(n) && checker.getSymbolAtLocation(n)?.valueDeclaration === d;
  const visit = (n: ts.Node): boolean => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && isVar(skipWrappers(n.left))) return true;
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) && isVar(n.operand)) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(body);
}
