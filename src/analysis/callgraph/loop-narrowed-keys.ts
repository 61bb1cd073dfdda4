/**
 * A key held in a `let` (or `var`) with a declared type and used in a loop (`let state: 'stream' |
 * 'document' | 'flow' = 'stream'; while (...) state = lexer[state]()`): TypeScript's type at the
 * use is narrowed by the assignments it follows around the loop, and where an assignment's type
 * depends on that use it may stop short of what later iterations assign. The declared type says
 * every value the variable may hold, so its names are taken too.
 */
import { ts } from '../../typescript.cjs';

/** The declared type of a `let`/`var` key written with a type, when the key is used inside a loop; else undefined. */
export function loopKeyDeclaredType(checker: ts.TypeChecker, key: ts.Expression): ts.Type | undefined {
  if (!ts.isIdentifier(key)) return undefined;
  const d = checker.getSymbolAtLocation(key)?.valueDeclaration;
  if (!d || !ts.isVariableDeclaration(d) || !d.type || !ts.isVariableDeclarationList(d.parent)) return undefined;
  if (d.parent.flags & ts.NodeFlags.Const) return undefined;
  return inLoopWithin(key, d) ? checker.getTypeFromTypeNode(d.type) : undefined;
}

/** Is `use` inside a loop that does not also contain the declaration (so the loop carries the variable around)? */
function inLoopWithin(use: ts.Node, decl: ts.Node): boolean {
  for (let n: ts.Node | undefined = use.parent; n && !ts.isFunctionLike(n) && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isIterationStatement(n, false) && !(decl.pos >= n.pos && decl.end <= n.end)) return true;
  }
  return false;
}
