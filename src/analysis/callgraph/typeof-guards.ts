/**
 * References that a `typeof` test rules functions out of: `typeof partial === 'function' ?
 * partial(state) : partial` reads `partial` in its last operand only when it is not a function,
 * whatever its static type says (`T | ((s: T) => T)` keeps T, which may be a function type).
 * JavaScript's `typeof` is 'function' for every callable value (functions, classes, bound and
 * proxied functions), so a read where the test said otherwise holds no app function: the
 * functions passed for `partial` do not flow through it to whoever receives that value.
 *
 * Recognised: a test (under `!`, `&&` when true, `||` when false, parentheses) of `typeof x`
 * against a string, deciding the branch of a conditional, an `if` or the right side of
 * `&&`/`||` that holds the read. The variable must keep the value tested: it is `const`, or a
 * parameter or `let`/`var` never assigned after its declaration (a closure run between the test
 * and the read could otherwise change it). So a test also holds in a function nested in its
 * branch. A parameter of a function that reads `arguments` counts as assigned: in sloppy code
 * (a JS script) `arguments[i] = f` assigns it.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';
import { branchCondition, branchTaken } from './branches.js';

/** Whether `ref` is read where a `typeof` test of its variable ruled out a function. */
export function holdsNoFunction(c: ts.TypeChecker, ref: ts.Identifier): boolean {
  if (!underTypeofTest(ref)) return false;
  const sym = c.getSymbolAtLocation(ref);
  const decl = sym?.valueDeclaration;
  if (!sym || !decl || !(ts.isParameter(decl) || ts.isVariableDeclaration(decl)) || !ts.isIdentifier(decl.name)) return false;
  const constant = ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
  if (!constant && reassigned(c, sym, decl)) return false;
  let child: ts.Node = ref;
  for (let p = ref.parent; p && p !== decl.parent; child = p, p = p.parent) {
    const truth = branchTaken(p, child);
    if (truth !== undefined && rulesOutFunction(c, sym, branchCondition(p), truth)) return true;
  }
  return false;
}

/** A cheap first look: some `typeof` expression in a condition around the read (most reads have none). */
function underTypeofTest(ref: ts.Node): boolean {
  for (let child: ts.Node = ref, p = ref.parent; p; child = p, p = p.parent) {
    if (branchTaken(p, child) !== undefined && containsTypeof(branchCondition(p))) return true;
  }
  return false;
}

function containsTypeof(e: ts.Node): boolean {
  return ts.isTypeOfExpression(e) || (ts.forEachChild(e, containsTypeof) ?? false);
}

/** Whether `cond` having value `truth` means the variable is not a function. */
function rulesOutFunction(c: ts.TypeChecker, sym: ts.Symbol, cond: ts.Expression, truth: boolean): boolean {
  const e = skipWrappers(cond);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return rulesOutFunction(c, sym, e.operand, !truth);
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  // Both sides of a true `&&` hold, both of a false `||` fail.
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return truth && (rulesOutFunction(c, sym, e.left, true) || rulesOutFunction(c, sym, e.right, true));
  if (op === ts.SyntaxKind.BarBarToken) return !truth && (rulesOutFunction(c, sym, e.left, false) || rulesOutFunction(c, sym, e.right, false));
  const equality = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equality && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return false;
  const tag = typeofTag(c, sym, e.left, e.right) ?? typeofTag(c, sym, e.right, e.left);
  if (tag === undefined) return false;
  // `typeof x === 'object'` true, or `typeof x === 'function'` false.
  return equality === truth ? tag !== 'function' : tag === 'function';
}

/** The string `typeof x` is compared with, when `a` is `typeof x` of this variable and `b` a string literal. */
function typeofTag(c: ts.TypeChecker, sym: ts.Symbol, a: ts.Expression, b: ts.Expression): string | undefined {
  const t = skipWrappers(a);
  const s = skipWrappers(b);
  if (!ts.isTypeOfExpression(t) || !ts.isStringLiteralLike(s)) return undefined;
  const operand = skipWrappers(t.expression);
  return ts.isIdentifier(operand) && c.getSymbolAtLocation(operand) === sym ? s.text : undefined;
}

/** Answers of reassigned, by variable: many reads of one parameter ask it, each a walk of the whole function. */
const assignedVariables = new WeakMap<ts.Symbol, boolean>();

/** Whether the variable is assigned anywhere in its scope after its declaration (`x = f`, `[x] = fs`, `x++`, `for (x of fs)`). */
export function reassigned(c: ts.TypeChecker, sym: ts.Symbol, decl: ts.ParameterDeclaration | ts.VariableDeclaration): boolean {
  const known = assignedVariables.get(sym);
  if (known !== undefined) return known;
  const answer = assignedIn(c, sym, decl);
  assignedVariables.set(sym, answer);
  return answer;
}

function assignedIn(c: ts.TypeChecker, sym: ts.Symbol, decl: ts.ParameterDeclaration | ts.VariableDeclaration): boolean {
  const scope = ts.isParameter(decl) ? decl.parent : scopeOf(decl);
  const name = (decl.name as ts.Identifier).text;
  const visit = (n: ts.Node): boolean => {
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name && isWritten(n) && c.getSymbolAtLocation(n) === sym) return true;
    // In sloppy code (a JS script) `arguments[i] = f` assigns the parameter: a function reading `arguments` may.
    if (ts.isParameter(decl) && ts.isIdentifier(n) && n.text === 'arguments') return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(scope);
}

/** The function, module or block a `let`/`var` lives in (a `var` in its function). */
function scopeOf(decl: ts.VariableDeclaration): ts.Node {
  const list = decl.parent;
  const functionScoped = ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
  for (let p: ts.Node = decl.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return p;
    if (!functionScoped && (ts.isBlock(p) || ts.isForStatement(p) || ts.isForOfStatement(p) || ts.isForInStatement(p))) return p;
  }
  return decl.getSourceFile();
}

/** Whether an identifier is written: the target of an assignment (also inside a destructuring pattern), `++`/`--`, or a for-in/of variable. */
function isWritten(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  // Climb out of a destructuring pattern written as an array or object literal.
  while (
    ts.isParenthesizedExpression(n.parent) ||
    ts.isArrayLiteralExpression(n.parent) ||
    ts.isObjectLiteralExpression(n.parent) ||
    ts.isSpreadElement(n.parent) ||
    ts.isSpreadAssignment(n.parent) ||
    ts.isShorthandPropertyAssignment(n.parent) ||
    (ts.isPropertyAssignment(n.parent) && n.parent.initializer === n)
  ) {
    n = n.parent;
  }
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n) return p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  return (ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === n;
}
