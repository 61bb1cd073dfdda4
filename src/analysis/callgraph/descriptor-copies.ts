/**
 * Accessors copied as property descriptors: `Object.defineProperties(t, Object.getOwnPropertyDescriptors(src))`,
 * `Object.create(proto, descriptors)`, `Object.defineProperty(t, k, Object.getOwnPropertyDescriptor(src, k))`.
 * The copy's property is src's getter (setter) itself, so it runs where the copy is read. The
 * descriptors may be gathered first: held by a `const`, merged by `Object.assign(merged, d)` or
 * spread (`{ ...a, ...b }`), named one by one (`{ k: Object.getOwnPropertyDescriptor(src, 'k') }`),
 * and src may come from the copying function's parameters (also each element of a rest
 * parameter, `for (const def of defs)`), substituted at each call of it.
 *
 * Which reads reach the copy: its type is rarely written (`Object.create` and helpers give `any`),
 * but it holds the members of everything copied together, so it is read as any of those objects
 * is: the copied accessor runs at reads whose property is declared by (or redeclares) the
 * property of that name on the type of a source copied with it, of the target, or of where the
 * copy goes (`return`, a typed variable: the contextual type). zod's util.mergeDefs copies
 * `schema._zod.def` (a `$ZodObjectDef`) with a literal whose `shape` is a getter: reads of a
 * `$ZodObjectDef`'s `shape` run it. When none of those types declares the name, reads on a
 * receiver of the target's type or one that says nothing of its class do (defined-accessors.ts).
 * The sources whose accessors are known are object literals (in place, a `const`, or returned by
 * the app function called); walks through calls and variables are bounded (MAX_DEPTH).
 */
import { ts } from '../../typescript.cjs';
import { propertyDeclsOf } from './keys.js';
import type { Callers } from './callers.js';
import { builtinName, enclosingFunction, initializerOf, isInside, paramIndex } from './installer-syntax.js';
import type { InstalledAccessor } from './installers.js';
import type { Resolver } from './resolve.js';
import { objectLiteralsOf } from './literal-entries.js';
import { propName, type FileSites } from '../walk.js';
import { skipWrappers, valueOperands } from '../expressions.js';
import { argumentParameters } from '../parameters.js';

const MAX_DEPTH = 5;

/** An object copied: a parameter of the copying function (by index; `rest`: each argument from there on), or an expression. */
type Source = { param: number; rest: boolean } | { expr: ts.Expression };

/** The descriptors of `src` copied: all of them, or one (`from`, any when its key is not written) installed as `as`. */
interface Part {
  src: Source;
  from?: string;
  as?: string;
  single: boolean;
}

interface Copy {
  fn: ts.SignatureDeclaration | undefined;
  parts: Part[];
  /** Types the copy is read as, besides its sources': the target's and where the copy goes. */
  typedBy: ts.Type[];
  depth: number;
}

export class DescriptorCopies {
  readonly accessors: InstalledAccessor[] = [];

  constructor(
    private readonly r: Resolver,
    all: readonly FileSites[],
    private readonly callers: Callers,
  ) {
    for (const s of all) {
      for (const { node } of s.calls) {
        if (!ts.isCallExpression(node)) continue;
        const copy = this.copyAt(node);
        if (copy) this.settle(copy);
      }
    }
  }

  /** The copy a call makes, in terms of its function's parameters. */
  private copyAt(call: ts.CallExpression): Copy | undefined {
    const method = builtinName(call.expression);
    if (!method) return undefined;
    const fn = enclosingFunction(call);
    const c = this.r.checker;
    const [a, b, d] = call.arguments;
    const goes = c.getContextualType(call);
    const typedBy = (target: ts.Expression | undefined): ts.Type[] => [...(target ? [c.getTypeAtLocation(target)] : []), ...(goes ? [goes] : [])];
    if ((method === 'Object.defineProperties' || method === 'Object.create') && a && b) {
      const parts = this.descriptorSet(b, fn, 0);
      return parts.length ? { fn, parts, typedBy: typedBy(method === 'Object.create' ? undefined : a), depth: 0 } : undefined;
    }
    if ((method === 'Object.defineProperty' || method === 'Reflect.defineProperty') && a && b && d) {
      const as = ts.isStringLiteralLike(b) ? b.text : undefined;
      const parts = this.descriptor(d, fn, 0).map((p) => ({ ...p, as: as ?? p.from }));
      return parts.length ? { fn, parts, typedBy: typedBy(a), depth: 0 } : undefined;
    }
    return undefined;
  }

  /** What a descriptor map (`Object.getOwnPropertyDescriptors(src)`, merged or spread) copies. */
  private descriptorSet(raw: ts.Expression, fn: ts.SignatureDeclaration | undefined, depth: number): Part[] {
    const e = skipWrappers(raw);
    if (depth >= MAX_DEPTH) return [];
    const either = valueOperands(e);
    if (either) return either.flatMap((x) => this.descriptorSet(x, fn, depth + 1));
    if (ts.isObjectLiteralExpression(e)) {
      return e.properties.flatMap((p) => {
        if (ts.isSpreadAssignment(p)) return this.descriptorSet(p.expression, fn, depth + 1);
        const name = p.name && propName(p.name);
        if (name === undefined) return [];
        const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
        return value ? this.descriptor(value, fn, depth + 1).map((part) => ({ ...part, as: name })) : [];
      });
    }
    if (ts.isCallExpression(e)) {
      const method = builtinName(e.expression);
      if (method === 'Object.getOwnPropertyDescriptors' && e.arguments[0]) return this.sources(e.arguments[0], fn).map((src) => ({ src, single: false }));
      if (method === 'Object.assign') return e.arguments.flatMap((x) => this.descriptorSet(x, fn, depth + 1));
      return [];
    }
    if (!ts.isIdentifier(e)) return [];
    const init = initializerOf(this.r.checker, e);
    // `Object.assign(merged, descriptors)` in the same function adds to what `merged` holds.
    const merged = fn && init ? assignedInto(this.r.checker, e, fn).flatMap((x) => this.descriptorSet(x, fn, depth + 1)) : [];
    return [...(init ? this.descriptorSet(init, fn, depth + 1) : []), ...merged];
  }

  /** What one descriptor (`Object.getOwnPropertyDescriptor(src, k)`) copies. */
  private descriptor(raw: ts.Expression, fn: ts.SignatureDeclaration | undefined, depth: number): Part[] {
    const e = skipWrappers(raw);
    if (depth >= MAX_DEPTH) return [];
    const either = valueOperands(e);
    if (either) return either.flatMap((x) => this.descriptor(x, fn, depth + 1));
    if (ts.isIdentifier(e)) {
      const init = initializerOf(this.r.checker, e);
      return init ? this.descriptor(init, fn, depth + 1) : [];
    }
    if (!ts.isCallExpression(e)) return [];
    const method = builtinName(e.expression);
    const [src, key] = e.arguments;
    if ((method !== 'Object.getOwnPropertyDescriptor' && method !== 'Reflect.getOwnPropertyDescriptor') || !src) return [];
    const from = key && ts.isStringLiteralLike(key) ? key.text : undefined;
    return this.sources(src, fn).map((s) => ({ src: s, from, single: true }));
  }

  /** The objects an expression copied from may be, as parameters of `fn` where it is one. */
  private sources(raw: ts.Expression, fn: ts.SignatureDeclaration | undefined, depth = 0): Source[] {
    const e = skipWrappers(raw);
    if (!fn || depth >= MAX_DEPTH || !ts.isIdentifier(e)) return [{ expr: e }];
    const c = this.r.checker;
    const i = paramIndex(c, e, fn);
    if (i >= 0) return [{ param: i, rest: false }];
    const init = initializerOf(c, e);
    if (init && isInside(init, fn)) return this.sources(init, fn, depth + 1);
    // `for (const def of defs)`: each element of a rest parameter, or of an array literal.
    const d = c.getSymbolAtLocation(e)?.valueDeclaration;
    const loop = d && ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && ts.isForOfStatement(d.parent.parent) ? d.parent.parent : undefined;
    if (!loop) return [{ expr: e }];
    const list = skipWrappers(loop.expression);
    if (ts.isArrayLiteralExpression(list)) return list.elements.flatMap((x) => (ts.isSpreadElement(x) ? [] : this.sources(x, fn, depth + 1)));
    const j = ts.isIdentifier(list) ? paramIndex(c, list, fn) : -1;
    return j >= 0 && argumentParameters(fn)[j]!.dotDotDotToken ? [{ param: j, rest: true }] : [{ expr: e }];
  }

  /** Installs what is concrete; a copy from `fn`'s parameters goes on to each call of `fn` with its arguments. */
  private settle(copy: Copy): void {
    if (copy.parts.every((p) => 'expr' in p.src)) return this.install(copy);
    const fn = copy.fn;
    if (!fn || copy.depth >= MAX_DEPTH) return;
    const calls = this.callers.of(fn);
    // A function no call names: its parameters, by their declared types.
    if (!calls.length) return this.install({ ...copy, parts: copy.parts.map((p) => ('param' in p.src && argumentParameters(fn)[p.src.param] ? { ...p, src: { expr: argumentParameters(fn)[p.src.param]!.name as ts.Identifier } } : p)) });
    for (const call of calls) {
      const at = enclosingFunction(call);
      const parts = copy.parts.flatMap((p) => {
        if ('expr' in p.src) return [p];
        const args = p.src.rest ? call.arguments.slice(p.src.param) : call.arguments.slice(p.src.param, p.src.param + 1);
        return args.flatMap((a) => (ts.isSpreadElement(a) ? [] : this.sources(a, at).map((src) => ({ ...p, src }))));
      });
      this.settle({ fn: at, parts, typedBy: copy.typedBy, depth: copy.depth + 1 });
    }
  }

  private install(copy: Copy): void {
    const c = this.r.checker;
    const sources = copy.parts.map((p) => (p.src as { expr: ts.Expression }).expr);
    const types = [...sources.map((s) => c.getTypeAtLocation(s)), ...copy.typedBy];
    const type = copy.typedBy[0] ?? c.getTypeAtLocation(sources[0]!);
    for (const part of copy.parts) {
      for (const lit of objectLiteralsOf(this.r, (part.src as { expr: ts.Expression }).expr)) {
        for (const m of lit.properties) {
          if (!ts.isGetAccessorDeclaration(m) && !ts.isSetAccessorDeclaration(m)) continue;
          const name = propName(m.name);
          if (name === undefined || (part.from !== undefined && part.from !== name)) continue;
          const as = part.as ?? name;
          const decls = [...new Set(types.flatMap((t) => propertyDeclsOf(c, t, as)))];
          const getter = ts.isGetAccessorDeclaration(m);
          this.accessors.push({ name: as, decls, type, get: getter ? [m] : [], set: getter ? [] : [m] });
        }
      }
    }
  }
}

/** The sources of `Object.assign(v, ...sources)` calls inside `fn` whose target is the variable `v` names. */
function assignedInto(c: ts.TypeChecker, v: ts.Identifier, fn: ts.SignatureDeclaration): ts.Expression[] {
  const decl = c.getSymbolAtLocation(v)?.valueDeclaration;
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && builtinName(n.expression) === 'Object.assign' && n.arguments.length > 1) {
      const t = skipWrappers(n.arguments[0]!);
      if (ts.isIdentifier(t) && c.getSymbolAtLocation(t)?.valueDeclaration === decl) out.push(...n.arguments.slice(1));
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return out;
}
