/**
 * Syntax questions of the state analysis, answered from the tree alone: how a reference uses
 * its binding (read, write or both), which function declares a variable, which function gives
 * an arrow its `this`, and which names a file declares at module level or imports.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode, isStatic, isWrapper } from '../../ids/methodIds.js';

export const READ = 1;
export const WRITE = 2;

const COMPOUND = new Set([
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/**
 * READ, WRITE or both for a reference: WRITE as the target of `=`, of a destructuring assignment
 * or of a for-in/of; both for compound assignments and `++`/`--`; READ otherwise.
 */
export function accessOf(node: ts.Node): number {
  let n = node;
  while (n.parent && isWrapper(n.parent)) n = n.parent;
  const p = n.parent;
  if (!p) return READ;
  if (ts.isBinaryExpression(p) && p.left === n) {
    if (p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return WRITE;
    return COMPOUND.has(p.operatorToken.kind) ? READ | WRITE : READ;
  }
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) {
    return READ | WRITE;
  }
  if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === n) return WRITE;
  if (ts.isShorthandPropertyAssignment(p) && p.name === n) return isPattern(p.parent) ? WRITE : READ;
  if (ts.isPropertyAssignment(p) && p.initializer === n) return isPattern(p.parent) ? WRITE : READ;
  if (ts.isArrayLiteralExpression(p)) return isPattern(p) ? WRITE : READ;
  if (ts.isSpreadElement(p) || ts.isSpreadAssignment(p)) return isPattern(p.parent) ? WRITE : READ;
  return READ;
}

/** Whether an object or array literal is the target of an assignment (a destructuring pattern). */
function isPattern(lit: ts.Node): boolean {
  let e = lit;
  while (e.parent && ts.isParenthesizedExpression(e.parent)) e = e.parent;
  const q = e.parent;
  if (!q) return false;
  if (ts.isBinaryExpression(q)) return q.left === e && q.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  if (ts.isForOfStatement(q) || ts.isForInStatement(q)) return q.initializer === e;
  if (ts.isArrayLiteralExpression(q)) return isPattern(q);
  if (ts.isPropertyAssignment(q) && q.initializer === e) return isPattern(q.parent);
  if (ts.isSpreadElement(q) || ts.isSpreadAssignment(q)) return isPattern(q.parent);
  return false;
}

/**
 * Where a variable or parameter lives: the function (or class static block) whose calls create
 * it, the source file for module-level ones (also in top-level blocks), or the namespace.
 */
export function scopeOf(decl: ts.Node): ts.Node {
  for (let n = decl.parent; ; n = n.parent) {
    if (isMethodNode(n) || ts.isClassStaticBlockDeclaration(n) || ts.isSourceFile(n) || ts.isModuleDeclaration(n)) return n;
  }
}

/**
 * What gives an arrow function its `this`: the nearest enclosing non-arrow function, or the class
 * for an arrow in an instance field initialiser. Undefined at module level, and in static
 * members, where `this` is the class itself: code, which the clone has too.
 */
export function thisProvider(arrow: ts.Node): ts.Node | undefined {
  for (let n = arrow.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n)) continue;
    if (ts.isClassStaticBlockDeclaration(n)) return undefined;
    if (isMethodNode(n)) return isStatic(n) ? undefined : n;
    if (ts.isPropertyDeclaration(n) && ts.isClassLike(n.parent)) return isStatic(n) ? undefined : n.parent;
    if (ts.isSourceFile(n) || ts.isModuleDeclaration(n)) return undefined;
  }
  return undefined;
}

/**
 * Names a file declares outside its functions (variables, also in top-level blocks and loops)
 * and names it imports: the only names that can be module-level state where no function
 * encloses the reference. Statements only, no expressions: cheap.
 */
export function topLevelNames(sf: ts.SourceFile, out: Set<string>): void {
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name);
  };
  const list = (l: ts.ForInitializer | undefined): void => {
    if (l && ts.isVariableDeclarationList(l)) for (const d of l.declarations) bind(d.name);
  };
  const visit = (st: ts.Node): void => {
    if (ts.isVariableStatement(st)) list(st.declarationList);
    else if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      if (c?.name) out.add(c.name.text);
      const nb = c?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.add(nb.name.text);
      else if (nb) for (const el of nb.elements) out.add(el.name.text);
    } else if (ts.isImportEqualsDeclaration(st)) out.add(st.name.text);
    else if (ts.isForStatement(st) || ts.isForInStatement(st) || ts.isForOfStatement(st)) {
      list(st.initializer);
      visit(st.statement);
    } else if (ts.isBlock(st) || ts.isIfStatement(st) || ts.isWhileStatement(st) || ts.isDoStatement(st) || ts.isLabeledStatement(st) || ts.isTryStatement(st) || ts.isCatchClause(st)) {
      ts.forEachChild(st, (c) => (ts.isStatement(c) || ts.isBlock(c) || ts.isCatchClause(c) ? visit(c) : undefined));
    } else if (ts.isSwitchStatement(st)) for (const c of st.caseBlock.clauses) c.statements.forEach(visit);
  };
  sf.statements.forEach(visit);
}

/**
 * Names a function declares for its own calls (parameters, variables, catch bindings), not in
 * the functions nested in it: a reference to any other name cannot be one of its variables.
 */
export function declaredNames(fn: ts.Node): Set<string> {
  const out = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) || ts.isParameter(n)) bind(n.name);
    if (n !== fn && (isMethodNode(n) || ts.isClassStaticBlockDeclaration(n))) return;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return out;
}
