/**
 * Functions the app hands to its callers come back. An exported function's result that is a
 * function (`return effectOper.bind(e)`, `return () => unsubscribe(id)`) is held by code outside
 * the app, which may pass it back to any app function taking a function (`trigger(signal())`)
 * or call it from a callback the app runs (`effectScope(() => dispose())`). So a call through a
 * function value that is not known statically (a parameter whose callers are outside, a member
 * holding what they passed) may run any of those functions whose type fits the callee's.
 * Exported functions themselves come back too (`create(base, fn, { mark: markSimpleObject })`),
 * but rarely: counting them at every such call ran every small exported function from every
 * callback site (a third more edges, no more found), so they are not.
 */
import { ts } from '../../typescript.cjs';
import type { AppFile } from '../project.js';
import { fitsErased, namesTypeParameter } from './generic-fit.js';
import type { Resolver, Target } from './resolve.js';

/**
 * The function values the app's exported functions return, each with the types it is known by
 * outside: its own, and the result type its exported function declares
 * (`signalOper.bind(node)` needs an argument, `signal()`'s result may be called without).
 */
export function handedOut(r: Resolver, files: readonly AppFile[]): Handed[] {
  const c = r.checker;
  const out = new Map<ts.Node, ts.Type[]>();
  for (const f of files) {
    const module = c.getSymbolAtLocation(f.sf);
    if (!module) continue;
    for (const exported of c.getExportsOfModule(module)) {
      const sym = exported.flags & ts.SymbolFlags.Alias ? c.getAliasedSymbol(exported) : exported;
      for (const d of sym.declarations ?? []) {
        const fn = exportedFunction(d);
        if (!fn || !r.isApp(fn)) continue;
        const declared = c.getSignatureFromDeclaration(fn);
        const result = declared && c.getNonNullableType(c.getReturnTypeOfSignature(declared));
        for (const ret of r.values.returnsOf(fn)) {
          for (const v of r.values.of(ret)) {
            const types = out.get(v) ?? out.set(v, [typeOfFunction(c, v)]).get(v)!;
            if (result && result.getCallSignatures().length && !types.includes(result)) types.push(result);
          }
        }
      }
    }
  }
  return [...out].map(([node, types]) => ({ node, types }));
}

export interface Handed {
  node: ts.Node;
  types: ts.Type[];
}

/**
 * Of the handed-out functions, those a call through `callee` may run: the callee's type has call
 * signatures (an `any` callee says nothing) and the function's type is assignable to it.
 */
export function handedBackTo(c: ts.TypeChecker, callee: ts.Expression, handed: readonly Handed[]): Target[] {
  const want = c.getTypeAtLocation(callee);
  if (want.flags & ts.TypeFlags.Any || !c.getNonNullableType(want).getCallSignatures().length) return [];
  const target = c.getNonNullableType(want);
  // Written in the enclosing function's type parameters, the callee's type is compared with them erased (generic-fit.ts).
  const generic = namesTypeParameter(c, target);
  const fits = (t: ts.Type): boolean => c.isTypeAssignableTo(t, target) || (generic && fitsErased(c, t, target));
  return handed.filter((h) => h.types.some(fits)).map((h) => ({ node: h.node, kind: 'callback' as const }));
}

function exportedFunction(d: ts.Declaration): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionDeclaration(d) && d.body) return d;
  if (ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
  return undefined;
}

function typeOfFunction(c: ts.TypeChecker, fn: ts.Node): ts.Type {
  const named = (fn as ts.NamedDeclaration).name;
  return c.getTypeAtLocation(named && !ts.isFunctionExpression(fn) ? named : fn);
}
