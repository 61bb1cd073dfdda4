/**
 * Which branch of a condition a node sits in: guards read it (typeof-guards.ts: a variable tested
 * not to be a function; trap-key-guards.ts: a proxy trap's key tested against names).
 */
import { ts } from '../../typescript.cjs';

/** The condition deciding whether a child of `p` runs (p: a conditional, an `if`, or `&&`/`||`). */
export function branchCondition(p: ts.Node): ts.Expression {
  if (ts.isConditionalExpression(p)) return p.condition;
  if (ts.isIfStatement(p)) return p.expression;
  return (p as ts.BinaryExpression).left;
}

/** Whether `child` of `p` runs when p's condition is true, false, or either (undefined). */
export function branchTaken(p: ts.Node, child: ts.Node): boolean | undefined {
  if (ts.isConditionalExpression(p)) return child === p.whenTrue ? true : child === p.whenFalse ? false : undefined;
  if (ts.isIfStatement(p)) return child === p.thenStatement ? true : child === p.elseStatement ? false : undefined;
  if (ts.isBinaryExpression(p) && child === p.right) {
    if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return true;
    if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken) return false;
  }
  return undefined;
}
