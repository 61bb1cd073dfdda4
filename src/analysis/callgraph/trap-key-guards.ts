/**
 * A proxy's `get` trap is called with the name of the property read (`get(target, key)`), and
 * often hands out a function for one name only:
 *
 *   get(target, key) {
 *     if (key === 'subscribe') return wrap(target.subscribe);
 *     return Reflect.get(target, key);
 *   }
 *
 * A `return` that runs only where a test of the key against string constants held (the branch
 * of an `if` or a conditional, each branch of a conditional returned taken on its own, the right side of `&&`/`||`, a `switch (key)` case) returns for
 * reads of those names only: `p.on(...)` never runs `wrap`'s result, whatever `p` may be. The
 * key must keep what the trap was given (the parameter is never assigned). A symbol key equals
 * no string, so the names are exact. Anything else (a key compared with a variable, a default
 * case before the return, `Reflect.get` itself) keeps the return for every name.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';
import { branchCondition, branchTaken } from './branches.js';
import { argumentParameters } from '../parameters.js';
import { reassigned } from './typeof-guards.js';

/** The property names for which `ret`, a return of the `get` trap `trap`, may run; undefined when any. */
export function keysReturnedFor(c: ts.TypeChecker, trap: ts.Node, ret: ts.Node): ReadonlySet<string> | undefined {
  if (!ts.isFunctionLike(trap)) return undefined;
  const key = argumentParameters(trap)[1];
  if (!key || key.dotDotDotToken || !ts.isIdentifier(key.name)) return undefined;
  const sym = c.getSymbolAtLocation(key.name);
  if (!sym || reassigned(c, sym, key)) return undefined;
  let child: ts.Node = ret;
  for (let p = ret.parent; p && p !== trap; child = p, p = p.parent) {
    // A return of a function nested in the trap is none of the trap's.
    if (ts.isFunctionLike(p)) return undefined;
    const truth = branchTaken(p, child);
    const names = truth === undefined ? (ts.isCaseClause(p) ? caseNames(c, sym, p) : undefined) : namesWhen(c, sym, branchCondition(p), truth);
    if (names) return names;
  }
  return undefined;
}

/** A returned expression's conditional branches, each on its own (`key === 'x' ? wrap(f) : Reflect.get(t, key)`): what it may evaluate to. */
export function branchesOf(ret: ts.Expression): ts.Expression[] {
  const e = skipWrappers(ret);
  return ts.isConditionalExpression(e) ? [...branchesOf(e.whenTrue), ...branchesOf(e.whenFalse)] : [ret];
}

/** The key's names when `cond` has value `truth`: a set when the key must be one of them, else undefined. */
function namesWhen(c: ts.TypeChecker, key: ts.Symbol, cond: ts.Expression, truth: boolean): Set<string> | undefined {
  const e = skipWrappers(cond);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return namesWhen(c, key, e.operand, !truth);
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  // Both sides hold (a true `&&`, a false `||`): either restricts, both the more.
  if ((op === ts.SyntaxKind.AmpersandAmpersandToken && truth) || (op === ts.SyntaxKind.BarBarToken && !truth)) {
    const a = namesWhen(c, key, e.left, truth);
    const b = namesWhen(c, key, e.right, truth);
    return a && b ? new Set([...a].filter((n) => b.has(n))) : (a ?? b);
  }
  // One side holds (a true `||`, a false `&&`): both must restrict.
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
    const a = namesWhen(c, key, e.left, truth);
    const b = a && namesWhen(c, key, e.right, truth);
    return a && b ? new Set([...a, ...b]) : undefined;
  }
  const equality = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const inequality = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  // `key !== 'x'` false, or `key === 'x'` true: the key is 'x'.
  if (!(equality ? truth : inequality && !truth)) return undefined;
  const name = comparedName(c, key, e.left, e.right) ?? comparedName(c, key, e.right, e.left);
  return name === undefined ? undefined : new Set([name]);
}

/** The string `a` is compared with, when `a` reads the key and `b` is a string literal. */
function comparedName(c: ts.TypeChecker, key: ts.Symbol, a: ts.Expression, b: ts.Expression): string | undefined {
  const k = skipWrappers(a);
  const s = skipWrappers(b);
  return ts.isIdentifier(k) && ts.isStringLiteralLike(s) && c.getSymbolAtLocation(k) === key ? s.text : undefined;
}

/**
 * `switch (key) { case 'a': case 'b': return ... }`: a clause runs when the key is its label or
 * one of an earlier clause's (falling through); a `default` before it, or a label that is not a
 * string literal, lets it run for other names.
 */
function caseNames(c: ts.TypeChecker, key: ts.Symbol, clause: ts.CaseClause): Set<string> | undefined {
  const sw = clause.parent.parent;
  const k = skipWrappers(sw.expression);
  if (!ts.isIdentifier(k) || c.getSymbolAtLocation(k) !== key) return undefined;
  const names = new Set<string>();
  for (const cl of clause.parent.clauses) {
    if (!ts.isCaseClause(cl)) return undefined;
    const label = skipWrappers(cl.expression);
    if (!ts.isStringLiteralLike(label)) return undefined;
    names.add(label.text);
    if (cl === clause) return names;
  }
  return undefined;
}
