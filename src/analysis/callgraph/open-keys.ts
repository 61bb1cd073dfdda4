/**
 * `p[k](...)` with `p` a parameter of an app function and `k` of no finite type (`store[name](...)`
 * with `name: T extends string`, clipanion's state machine running `execute(reducers, ...)`): the
 * key may name any property of what is passed there, so the call runs any function member of the
 * values callers pass for `p`. Parameter flow asks for each property name the passed arguments'
 * types have (as for `p.name()`, or a key of a finite type: calls-keyed-parameter); the site stays
 * listed as unresolved, since other callers and keys are not known. Only the call sites known once
 * every file is walked are read for names (not those parameter flow finds later).
 */
import { ts } from '../../typescript.cjs';
import { argumentIndex } from '../parameters.js';
import { keyNames } from './keys.js';
import type { Resolver } from './resolve.js';
import { type CallSite } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import { isSymbolKey } from '../symbol-keys.js';

/** Arguments whose type has more properties than this are not asked by name (an array, a namespace). */
const MAX_NAMES = 64;

export interface OpenKeyedSite {
  from: string;
  site: string;
  text: string;
  param: ts.ParameterDeclaration;
  args: ts.NodeArray<ts.Expression> | undefined;
}

/** The parameter `p` of a call `p[k](...)` whose key has no finite type, if it is one. */
export function openKeyedParameter(r: Resolver, node: CallSite): ts.ParameterDeclaration | undefined {
  const callee = ts.isCallExpression(node) ? skipWrappers(node.expression) : undefined;
  if (!callee || !ts.isElementAccessExpression(callee) || keyNames(r.checker, callee.argumentExpression)?.length) return undefined;
  return r.parameterRead(callee);
}

/** The property names of what the known calls pass for `param`, sorted. */
export function passedNames(checker: ts.TypeChecker, calls: readonly (readonly ts.Expression[])[], param: ts.ParameterDeclaration): string[] {
  const idx = argumentIndex(param);
  const names = new Set<string>();
  for (const args of calls) {
    if (idx < 0 || args.slice(0, idx + 1).some(ts.isSpreadElement)) continue;
    const a = args[idx];
    if (!a) continue;
    const t = checker.getTypeAtLocation(a);
    if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) continue;
    const props = checker.getPropertiesOfType(checker.getApparentType(t));
    if (props.length > MAX_NAMES) continue;
    // Symbol-keyed members (`__@iterator@12`) are not names a string key reads.
    for (const p of props) if (!isSymbolKey(p.escapedName as string)) names.add(p.name);
  }
  return [...names].sort();
}
