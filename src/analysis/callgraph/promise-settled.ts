/**
 * What a promise the app makes settles to, for value following (call-returns.ts): `new Promise((resolve) => ...)`
 * of the standard Promise settles to what its executor's first parameter is called with, and `await` of it (or of
 * a call returning it: `const [n, release] = await this.acquire()`) is that value, as `await` of an async function's
 * call is what it returns. `resolve` is called in the executor (nested functions too: `setTimeout(() => resolve(x))`),
 * or handed on as a member of an object literal (`const task: QueueEntry = { resolve, reject }`, queued, later
 * `item.resolve([n, releaser])`): then every app call of that member (the literal's own, or the member of the
 * declared type the literal fills) passes a value the promise may settle to. Calls on other objects of that type are
 * counted too (a safe excess). Not followed: `resolve` passed as an argument or stored by assignment.
 */
import { ts } from '../../typescript.cjs';
import { declaredByLibrary } from '../symbols.js';
import { argumentParameters } from '../parameters.js';
import { skipWrappers } from '../expressions.js';
import type { Resolver } from './resolve.js';

/**
 * `new Promise(executor)` of the standard library with its executor written in place: the executor and the
 * symbol of its parameter `index` (0: resolve, 1: reject), when that parameter is a plain name.
 */
export function executorParameter(checker: ts.TypeChecker, e: ts.NewExpression, index: 0 | 1): { executor: ts.ArrowFunction | ts.FunctionExpression; symbol: ts.Symbol } | undefined {
  if (!ts.isIdentifier(e.expression) || e.expression.text !== 'Promise' || !declaredByLibrary(checker.getSymbolAtLocation(e.expression))) return undefined;
  const executor = e.arguments?.[0] && skipWrappers(e.arguments[0]);
  if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor))) return undefined;
  const param = argumentParameters(executor)[index];
  const symbol = param && ts.isIdentifier(param.name) ? checker.getSymbolAtLocation(param.name) : undefined;
  return symbol && { executor, symbol };
}

/** The values `new Promise(executor)` may settle to, or undefined when it is no promise of the standard library with an executor written in place. */
export function settledValues(r: Resolver, e: ts.NewExpression): ts.Expression[] | undefined {
  const checker = r.checker;
  const found = executorParameter(checker, e, 0);
  if (!found) return undefined;
  const { executor, symbol: resolve } = found;
  const out: ts.Expression[] = [];
  const members = new Set<ts.Declaration>();
  const isResolve = (x: ts.Expression): boolean => {
    const v = skipWrappers(x);
    return ts.isIdentifier(v) && checker.getSymbolAtLocation(v) === resolve;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isResolve(node.expression)) {
      const arg = node.arguments[0];
      if (arg && !ts.isSpreadElement(arg)) out.push(arg);
    }
    // `{ resolve }` / `{ done: resolve }`: the member it fills, the literal's own and the declared type's.
    const handedOn = ts.isShorthandPropertyAssignment(node) ? checker.getShorthandAssignmentValueSymbol(node) === resolve : ts.isPropertyAssignment(node) && isResolve(node.initializer);
    if (handedOn) for (const d of filledMembers(r, node as ts.ObjectLiteralElementLike)) members.add(d);
    ts.forEachChild(node, visit);
  };
  visit(executor.body);
  if (members.size) out.push(...memberCallArguments(r, members));
  return out;
}

/** The declarations of the member a literal's property fills: its own, and the contextual type's declared in the app. */
function filledMembers(r: Resolver, prop: ts.ObjectLiteralElementLike): ts.Declaration[] {
  const checker = r.checker;
  const name = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : undefined;
  if (name === undefined) return [];
  const own = checker.getSymbolAtLocation(prop.name!)?.declarations ?? [];
  const context = checker.getContextualType(prop.parent as ts.ObjectLiteralExpression);
  const declared = context ? (checker.getPropertyOfType(context, name)?.declarations ?? []) : [];
  return [...own, ...declared].filter((d) => r.isApp(d));
}

/** The first arguments of the app's calls `x.name(v)` whose member is one of `members`. */
function memberCallArguments(r: Resolver, members: ReadonlySet<ts.Declaration>): ts.Expression[] {
  const names = new Set([...members].map((d) => ts.getNameOfDeclaration(d)).flatMap((n) => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? [n.text] : [])));
  const out: ts.Expression[] = [];
  for (const name of names) {
    for (const call of callsByName(r).get(name) ?? []) {
      const callee = skipWrappers(call.expression) as ts.PropertyAccessExpression;
      const decls = r.checker.getSymbolAtLocation(callee.name)?.declarations ?? [];
      const arg = call.arguments[0];
      if (arg && !ts.isSpreadElement(arg) && decls.some((d) => members.has(d))) out.push(arg);
    }
  }
  return out;
}

const byResolver = new WeakMap<Resolver, Map<string, ts.CallExpression[]>>();

/** The app's calls `x.name(...)`, by member name (built once per analysis). */
function callsByName(r: Resolver): Map<string, ts.CallExpression[]> {
  let index = byResolver.get(r);
  if (index) return index;
  index = new Map();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = skipWrappers(node.expression);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) {
        const list = index!.get(callee.name.text);
        if (list) list.push(node);
        else index!.set(callee.name.text, [node]);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const sf of r.appSources()) visit(sf);
  byResolver.set(r, index);
  return index;
}
