/** What a call hands its callee, read off the call as written (calls.ts): its arguments, its `this`, a parameter's member it calls. */
import { ts } from '../../typescript.cjs';
import { keyNames } from './keys.js';
import { appliedArguments } from './reflected-calls.js';
import type { Resolver } from './resolve.js';
import { type CallSite } from '../walk.js';
import { skipWrappers } from '../expressions.js';

/**
 * The arguments the called function receives: `f.call(t, a)` passes `a`, `f.apply(t, [a])`
 * passes `a` (`f.apply(t, list)`: list spread), `f.bind(t)` calls nothing yet.
 */
export function argumentsOf(r: Resolver, node: CallSite): ts.NodeArray<ts.Expression> | undefined {
  // `<Picker onPick={save} />` calls Picker with its attributes as the props object.
  if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) return ts.factory.createNodeArray([node.attributes]);
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const args = node.arguments ?? ts.factory.createNodeArray();
  const member = ts.isCallExpression(node) ? r.fnMember(skipWrappers(node.expression)) : undefined;
  if (member === 'bind') return undefined;
  if (member === 'call') return ts.factory.createNodeArray(args.slice(1));
  if (member !== 'apply') return args;
  return appliedArguments(args[1]);
}

/** The `this` a call gives its callee: `t` of `f.call(t)`, `f.apply(t)`, `f.bind(t)`. */
export function thisGiven(r: Resolver, node: CallSite): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || !r.fnMember(skipWrappers(node.expression))) return undefined;
  const t = node.arguments[0];
  return t && !ts.isSpreadElement(t) ? t : undefined;
}

/**
 * `p.name(...)`, or `p[k](...)` with a key of a finite type, with `p` a parameter of an app
 * function (not destructured): the parameter and the names read.
 */
export function parameterProperty(r: Resolver, node: CallSite, keyedOnly: boolean): { param: ts.ParameterDeclaration; names: readonly string[] } | undefined {
  const callee = ts.isCallExpression(node) ? skipWrappers(node.expression) : undefined;
  let names: readonly string[] | undefined;
  if (callee && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name) && !keyedOnly) names = [callee.name.text];
  else if (callee && ts.isElementAccessExpression(callee)) names = keyNames(r.checker, callee.argumentExpression);
  else return undefined;
  const param = names?.length ? r.parameterRead(callee) : undefined;
  return param && names ? { param, names } : undefined;
}

/** A callee whose call signatures only a library declares. */
export function libraryTyped(checker: ts.TypeChecker, callee: ts.Expression): boolean {
const sigs = checker.getTypeAtLocation(callee).getCallSignatures();
return sigs.length > 0 && sigs.every((s) => s.declaration !== undefined && s.declaration.getSourceFile().isDeclarationFile && /[\\/]node_modules[\\/]/.test(s.declaration.getSourceFile().fileName));
}
