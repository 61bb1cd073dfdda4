/**
 * Members of what a call through a parameter returns, found through the value: `const r = fn(); r.then(...)`, with
 * `fn` a parameter, runs member `then` of what the functions the callers pass for `fn` return (tinybench's
 * `isFnAsyncResource(() => ({ then: ... }))`, whose `then` is reached through the library's PromiseLike after a type
 * guard). The call runs one of those functions, so its result is one of their returns; a generator or async function
 * returns an iterator or a promise of the library instead. Asked by value-members.ts where the callee resolves to no
 * targets of its own (a parameter's call is resolved by the parameter flow, after value following).
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';
import type { Resolver } from './resolve.js';
import type { Stores } from './stores.js';
import { memberInCall, parameterSources } from './passed-members.js';
import { isGeneratorOrAsync } from './value-members.js';
import { DistinctNodes } from './value-memo.js';

export function memberOfParameterCall(r: Resolver, stores: Stores, call: ts.CallExpression, name: string, depth: number): ts.Node[] {
  const callee = skipWrappers(call.expression);
  const sources = ts.isIdentifier(callee) ? parameterSources(r, stores, callee, name) : undefined;
  if (!sources) return [];
  const out = new DistinctNodes();
  for (const passed of sources.passed) {
    for (const fn of r.values.of(passed, depth + 1)) {
      if (isGeneratorOrAsync(fn)) continue;
      for (const ret of r.values.returnsOf(fn)) out.addAll(memberInCall(r, stores, ret, name, depth + 1, { fn, call }));
    }
  }
  return out.nodes();
}
