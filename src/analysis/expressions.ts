/**
 * What an expression's value is, read off its syntax: through parentheses and casts
 * (`skipWrappers`), the operands it may be one of (`valueOperands`), whether it holds nothing,
 * whether it is overwritten, and the function whose `this` a node sees.
 */
import { ts } from '../typescript.cjs';
import { climbWrappers, isMethodNode, isWrapper } from '../ids/methodIds.js';

export function skipWrappers(e: ts.Expression): ts.Expression {
  while (isWrapper(e)) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}

/** `undefined`, `null` or `void x` (also wrapped): an expression that holds no function nor object. */
export function isNothing(raw: ts.Expression): boolean {
  const e = skipWrappers(raw);
  return e.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(e) || (ts.isIdentifier(e) && e.text === 'undefined');
}

/**
 * The operands whose values an expression's value is one of: both branches of `a ? f : g`, both
 * sides of `a || f` (also `??`, `&&` and their assignments), the right of `x = f` and of a comma,
 * the operand of `await`, the argument of `Object.freeze(x)` (also `seal`, `preventExtensions`:
 * they return the object they are given, so `Object.freeze([ruleA, ruleB])` holds those elements).
 * Undefined for any other expression.
 */
export function valueOperands(e: ts.Expression): ts.Expression[] | undefined {
  if (ts.isConditionalExpression(e)) return [e.whenTrue, e.whenFalse];
  if (ts.isAwaitExpression(e)) return [e.expression];
  const kept = keptArgument(e);
  if (kept) return [kept];
  if (!ts.isBinaryExpression(e)) return undefined;
  const k = e.operatorToken.kind;
  if (EITHER_SIDE.has(k)) return [e.left, e.right];
  return k === ts.SyntaxKind.CommaToken || k === ts.SyntaxKind.EqualsToken ? [e.right] : undefined;
}

const RETURN_THEIR_ARGUMENT = new Set(['freeze', 'seal', 'preventExtensions']);

/**
 * `Object.freeze(x)`, `Object.seal(x)`, `Object.preventExtensions(x)`: x, which the call returns. Read by its text: the
 * global Object (these run no app code of x's, but a proxy's traps: proxy-uses.ts sees the call itself).
 */
export function keptArgument(e: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || ts.isSpreadElement(e.arguments[0]!)) return undefined;
  const callee = e.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
  return RETURN_THEIR_ARGUMENT.has(callee.name.text) ? e.arguments[0] : undefined;
}

const EITHER_SIDE = new Set([
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** `x.m = v`: the old value is overwritten, not read (so not handed out); a setter still runs. */
export function isAssigned(node: ts.Expression): boolean {
  const e = climbWrappers(node);
  return ts.isBinaryExpression(e.parent) && e.parent.left === e && e.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/**
 * The function whose `this` and `arguments` a node inside it sees: the nearest enclosing
 * function that is not an arrow. Undefined in a class body outside its methods (a field's
 * initialiser sees the instance) and at the top level.
 */
export function thisFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && !ts.isArrowFunction(n)) return isMethodNode(n) ? n : undefined;
    if (ts.isClassLike(n) || ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}
