/**
 * Calls through a computed key (`obj[key]()`, `handlers[i]()`): what the key's names run, else any
 * function the receiver may hold, always listed as not all known.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { libraryLeaf } from '../library.js';
import { skipWrappers } from '../expressions.js';
import { typedAny } from './any-receivers.js';
import { keyNames, propertyDecls } from './keys.js';
import type { Resolution, Resolver, Target } from './resolve.js';

/**
 * `obj[key]()` with a computed key: with a finite key type, what `obj.a()`, `obj.b()`, ... run;
 * else every function member of an app object literal or class the receiver names, and always
 * listed as unresolved, since the key is not known statically.
 */
export function computedCallee(r: Resolver, expr: ts.ElementAccessExpression): Resolution {
  const reason = computedReason(expr);
  const names = keyNames(r.checker, expr.argumentExpression);
  const byName = names && byKeys(r, expr, names);
  if (byName) return byName;
  // `(schema as any)[m]()` with m's names known: the app's class members of those names.
  const onAny = names && typedAny(r.checker, expr.expression) ? r.onAnyReceiver(names) : undefined;
  if (onAny) return onAny;
  const recv = r.symbolAt(skipWrappers(expr.expression));
  // `handlers[i]()`: any element of the array (of an array received as a parameter: what callers pass), or entry of a record stored as a function.
  const held = r.values.collectParameters(() => [...r.values.elements(expr.expression).nodes, ...r.values.entryFunctions(expr)]);
  const via = held.parameters.length ? { via: held.parameters } : {};
  const targets: Target[] = held.result.map((node) => ({ node, kind: 'callback' as const }));
  for (const d of recv?.declarations ?? []) {
    const init = ts.isVariableDeclaration(d) && d.initializer ? skipWrappers(d.initializer) : undefined;
    if (!init || !ts.isObjectLiteralExpression(init)) continue;
    for (const p of init.properties) {
      const v = ts.isPropertyAssignment(p) ? r.values.of(p.initializer, 1) : isMethodNode(p) ? [p] : ts.isShorthandPropertyAssignment(p) ? r.values.ofDeclaration(p, 1) : [];
      for (const node of v) targets.push({ node, kind: 'callback' });
    }
  }
  if (targets.length) return { targets, partial: reason, ...via };
  if (held.parameters.length) return { reason, partial: true, ...via };
  // Only library functions can be there (`Math[op]()`): a library leaf, like a named call.
  const sigs = r.checker.getTypeAtLocation(expr).getCallSignatures();
  const libOnly = sigs.length > 0 && sigs.every((s) => s.declaration !== undefined && !r.isApp(s.declaration));
  return libOnly ? { library: libraryLeaf(r.checker, expr.expression, r.symbolAt(skipWrappers(expr.expression))) } : { reason };
}

/** `obj[k]()` with k: 'a' | 'b': the union of `obj.a()` and `obj.b()`; undefined when a name is not a declared property (index signatures). */
function byKeys(r: Resolver, expr: ts.ElementAccessExpression, names: string[]): Resolution | undefined {
  const recv = skipWrappers(expr.expression);
  const targets: Target[] = [];
  const reasons: string[] = [];
  let app = false;
  for (const name of names) {
    const decls = propertyDecls(r.checker, recv, name);
    if (!decls.length) return undefined;
    if (decls.every((d) => !r.isApp(d))) continue;
    app = true;
    const found = r.fromDecls(decls);
    if ('targets' in found) targets.push(...found.targets);
    if ('targets' in found && found.partial) reasons.push(found.partial);
    if ('reason' in found) reasons.push(`${found.reason} (key '${name}')`);
  }
  if (targets.length) return reasons.length ? { targets, partial: reasons[0] } : { targets };
  if (!app) return { library: libraryLeaf(r.checker, recv, r.symbolAt(recv)) };
  return { reason: reasons[0] ?? 'callee is not a statically known function' };
}

export function computedReason(expr: ts.ElementAccessExpression): string {
  return `called through a computed key ([${shortText(expr.argumentExpression)}]): the member is not known statically`;
}

function shortText(e: ts.Node): string {
  const t = e.getText().replace(/\s+/g, ' ');
  return t.length > 30 ? `${t.slice(0, 27)}...` : t;
}
