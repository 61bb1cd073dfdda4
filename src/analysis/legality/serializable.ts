/**
 * The serializable boundary: a migration point's parameters and awaited result must survive
 * structured clone. A first, simple rule: reject functions, symbols, promises (as values),
 * WeakMap/WeakSet/WeakRef, and types named by a catalog's `types` (DOM nodes, canvas
 * contexts, streams); look through unions, arrays, tuples, Map/Set and the data properties of
 * app-declared object types (methods are assumed to be restored with the class on the other
 * side). `any`/`unknown` pass: we cannot tell. For instance methods `this` crosses too: the
 * instance's data fields must pass the same test, and an instance of a native-state class
 * (groups.ts) never does, naming the field. Nor does an instance of an app class with `#private`
 * members (fields, methods, accessors, also inherited): nothing in JavaScript can list or
 * restore them, so it would arrive without them (a private method's brand with it); for a
 * constructor, the instance it makes comes back. A result that is a promise (or any thenable) of a
 * function that is not async cannot cross either: the caller goes on while it settles (an async
 * function is no candidate by the 'state' rule, state-rules.ts).
 */
import { ts } from '../../typescript.cjs';
import { isAsync } from '../../ids/methodIds.js';
import { fileLine, siteOf, type AppFile } from '../project.js';
import type { Reason } from '../types.js';
import { describeDeviceType, deviceTypeOf } from './device-types.js';
import { isSymbolKey } from '../symbol-keys.js';

const NEVER = new Set(['WeakMap', 'WeakSet', 'WeakRef', 'Promise', 'PromiseLike', 'Function']);
const CONTAINERS = new Set(['Map', 'Set', 'ReadonlyMap', 'ReadonlySet', 'Array', 'ReadonlyArray']);

export function boundaryReasons(
  checker: ts.TypeChecker,
  file: AppFile,
  node: ts.FunctionLikeDeclaration,
  /** Device type name -> platform (catalog.ts catalogTypes), built once for all methods. */
  named: Map<string, string>,
  self?: { cls: ts.ClassLikeDeclaration; native?: { field: string; reason: Reason } },
): Reason[] {
  const out: Reason[] = [];
  const why = (t: ts.Type): string | undefined => badness(checker, t, named, 0, new Set());
  const at = (n: ts.Node): string => fileLine(siteOf(file, n));

  for (const p of node.parameters) {
    const t = checker.getTypeAtLocation(p);
    const bad = why(t);
    if (bad) {
      const name = p.name.getText(file.sf);
      out.push({
        rule: 'not-serializable',
        message: `parameter '${name}' has type '${checker.typeToString(t)}', which cannot cross the boundary: ${bad} (${at(p)})`,
        site: siteOf(file, p),
      });
    }
  }
  if (self && ts.isConstructorDeclaration(node)) {
    const sym = self.cls.name ? checker.getSymbolAtLocation(self.cls.name) : undefined;
    const t = sym && checker.getDeclaredTypeOfSymbol(sym);
    const bad = t && privateMember(checker, t);
    if (bad) {
      out.push({
        rule: 'not-serializable',
        message: `the instance it makes cannot come back from the clone: ${bad} (${at(node)})`,
        site: siteOf(file, node),
      });
    }
  }
  if (self && !ts.isConstructorDeclaration(node)) {
    const name = self.cls.name?.text ?? 'the class';
    if (self.native) {
      out.push({
        rule: 'not-serializable',
        message: `'this' (${name}) cannot cross the boundary: field '${self.native.field}' holds device-bound state (${at(node)})`,
        site: siteOf(file, node),
      });
    } else {
      const sym = self.cls.name ? checker.getSymbolAtLocation(self.cls.name) : undefined;
      const t = sym && checker.getDeclaredTypeOfSymbol(sym);
      const bad = t && why(t);
      if (bad) {
        out.push({
          rule: 'not-serializable',
          message: `'this' has type '${checker.typeToString(t)}', which cannot cross the boundary: ${bad} (${at(node)})`,
          site: siteOf(file, node),
        });
      }
    }
  }
  if (!ts.isConstructorDeclaration(node) && !ts.isSetAccessorDeclaration(node)) {
    const sig = checker.getSignatureFromDeclaration(node);
    if (sig) {
      const ret = checker.getReturnTypeOfSignature(sig);
      const awaited = checker.getAwaitedType(ret) ?? ret;
      const bad = why(awaited);
      if (!isAsync(node) && isThenable(checker, ret)) {
        // An async function is no candidate by the 'state' rule (state-rules.ts); a sync one handing back a promise is the same.
        out.push({
          rule: 'not-serializable',
          message: `result has type '${checker.typeToString(ret)}', a promise: the caller goes on while it settles, interleaved with the device's other work, so the clone cannot answer it as one call (${at(node)})`,
          site: siteOf(file, node),
        });
      } else if (bad) {
        out.push({
          rule: 'not-serializable',
          message: `result has type '${checker.typeToString(awaited)}', which cannot cross the boundary: ${bad} (${at(node)})`,
          site: siteOf(file, node),
        });
      }
    }
  }
  return out;
}

/**
 * Why a value of type `t` cannot cross the boundary, or undefined. With `functionsPass`, functions
 * pass wherever they are: for callers that judge function values themselves (module state,
 * state-rules.ts: code fixed at load crosses by reference, as the app's registered functions).
 */
export function crossingProblem(checker: ts.TypeChecker, t: ts.Type, named: Map<string, string>, functionsPass = false): string | undefined {
  return badness(checker, t, named, 0, new Set(), functionsPass);
}

/** Whether `t`, or a member of its union, is a promise or another thenable (an object with a callable `then`). */
function isThenable(checker: ts.TypeChecker, t: ts.Type): boolean {
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
  if (t.isUnion()) return t.types.some((m) => isThenable(checker, m));
  const then = checker.getPropertyOfType(checker.getApparentType(t), 'then');
  return !!then && checker.getTypeOfSymbol(then).getCallSignatures().length > 0;
}

/** Whether `t`, or a member of its union, is a function. */
export function isFunctionType(t: ts.Type): boolean {
  if (t.isUnion()) return t.types.some(isFunctionType);
  return t.getCallSignatures().length > 0 || t.getConstructSignatures().length > 0 || (t.getSymbol() ?? t.aliasSymbol)?.getName() === 'Function';
}

function badness(checker: ts.TypeChecker, t: ts.Type, named: Map<string, string>, depth: number, seen: Set<ts.Type>, functionsPass = false): string | undefined {
  if (depth > 4 || seen.has(t)) return undefined;
  seen.add(t);
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  if (t.flags & ts.TypeFlags.ESSymbolLike) return 'symbol';
  if (t.isUnionOrIntersection()) {
    for (const m of t.types) {
      const b = badness(checker, m, named, depth + 1, seen, functionsPass);
      if (b) return b;
    }
    return undefined;
  }
  if (functionsPass && isFunctionType(t)) return undefined;
  if (!(t.flags & ts.TypeFlags.Object)) return undefined;
  const sym = t.getSymbol() ?? t.aliasSymbol;
  const name = sym?.getName() ?? '';
  const device = deviceTypeOf(checker, t, named);
  if (device) return describeDeviceType(name, device);
  if (NEVER.has(name)) return name === 'Function' ? 'function' : `${name} cannot be cloned`;
  if (t.getCallSignatures().length > 0 || t.getConstructSignatures().length > 0) return 'function';
  // A library's class or interface (Date, Uint8Array, Map); not a library's mapped type over the app's (Record<string, F>, Partial<T>).
  const fromLib = !!sym && !!(sym.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) && (sym.declarations ?? []).some((d) => d.getSourceFile().isDeclarationFile);
  if (checker.isArrayType(t) || checker.isTupleType(t) || (fromLib && CONTAINERS.has(name))) {
    for (const a of checker.getTypeArguments(t as ts.TypeReference)) {
      const b = badness(checker, a, named, depth + 1, seen, functionsPass);
      if (b) return b;
    }
    return undefined;
  }
  if (fromLib) return undefined; // Date, RegExp, ArrayBuffer, typed arrays, ... clone fine
  const hidden = privateMember(checker, t);
  if (hidden) return hidden;
  for (const prop of checker.getPropertiesOfType(t)) {
    const decls = prop.declarations ?? [];
    if (decls.some((d) => ts.isMethodDeclaration(d) || ts.isMethodSignature(d) || ts.isAccessor(d))) continue;
    const b = badness(checker, checker.getTypeOfSymbol(prop), named, depth + 1, seen, functionsPass);
    if (b) return `property '${propertyLabel(checker, prop)}': ${b}`;
  }
  // `Record<string, () => number>`, `{ [k: string]: Handler }`: every value the index holds crosses.
  for (const info of checker.getIndexInfosOfType(t)) {
    const b = badness(checker, info.type, named, depth + 1, seen, functionsPass);
    if (b) return `its values: ${b}`;
  }
  return undefined;
}

/** A property as written: a symbol-keyed one as `[matcher]`, not the checker's per-process `__@matcher@9`. */
function propertyLabel(checker: ts.TypeChecker, prop: ts.Symbol): string {
  const name = prop.getName();
  return isSymbolKey(name) ? checker.symbolToString(prop) : name;
}

/**
 * The first `#private` member of an instance of an app class (its own or inherited), as "an
 * instance of 'Account' has private field '#balance' (declared in 'Account'), ...", or undefined.
 */
function privateMember(checker: ts.TypeChecker, t: ts.Type): string | undefined {
  for (const prop of checker.getPropertiesOfType(t)) {
    const decl = prop.valueDeclaration;
    if (!decl || !('name' in decl) || !ts.isPrivateIdentifier((decl as ts.NamedDeclaration).name as ts.Node)) continue;
    const cls = decl.parent;
    if (!cls || !ts.isClassLike(cls) || cls.getSourceFile().isDeclarationFile) continue;
    const kind = ts.isMethodDeclaration(decl) ? 'method' : ts.isAccessor(decl) ? 'accessor' : 'field';
    const owner = cls.name?.text ?? 'a class';
    const of = t.getSymbol()?.getName();
    const inherited = of && of !== owner ? ` (declared in '${owner}')` : '';
    const lost = kind === 'field' ? 'it would arrive without it' : "it would arrive without the brand it checks, and calling it would throw";
    return `an instance of '${of ?? owner}' has private ${kind} '${prop.getName()}'${inherited}, which no serializer can see or restore: ${lost}`;
  }
  return undefined;
}
