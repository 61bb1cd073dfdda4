/**
 * Members installed through helpers: `Object.defineProperty(o, key, { get() {...} })` whose key
 * (and object) come from the enclosing function's parameters, as in
 * `function define(obj, key, make) { Object.defineProperty(obj, key, { get() { return make(this) } }) }`.
 * A call of such a helper installs the accessor under the key it passes on the object it passes;
 * a helper passing its own parameters on (`lazy(inst, name, f) { define(proto(inst), name, f) }`)
 * is one too. Where the key is the variable of `for (const k in src)`, every member of the object
 * literals `src` may hold is installed (`src` also through a parameter: `const built = make()`).
 * The installed value, for calls of the member: when the helper's getter calls the function passed
 * for it and that is `src[k]` itself, what the member returns; when it is a function returning
 * `src[k]` (maybe bound), the member. The object's type says where reads reach it: the property
 * the key names there, or (not declared) the object's type (defined-accessors.ts).
 * Plain copies, `for (const k in src) target[k] = src[k]`, store src's members onto target.
 * A plain store under a key from a parameter, `function add(name, make) { table[name] = make(name) }`:
 * each call (`add('slice', wrap)`) stores under the name it passes what `wrap` returns.
 * Walks through calls and variables are bounded (MAX_DEPTH); a path not followed installs nothing.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { keyNames, propertyDeclsOf } from './keys.js';
import type { Resolver } from './resolve.js';
import type { Callers } from './callers.js';
import { propName, type FileSites } from '../walk.js';
import { isNothing, skipWrappers } from '../expressions.js';
import { enclosingFunction, forInVariable, initializerOf, isGetPrototypeOf, isInside, isLoopElement, isOr, literalMembers, paramIndex } from './installer-syntax.js';
import { argumentParameters } from '../parameters.js';

const MAX_DEPTH = 6;
/** A step of a path that calls the value (`make()`), beside property names. */
const CALL = '()';

/** A value as a path from a root: a parameter of the function the path is written in (by index), or an expression. */
interface Ref {
  root: number | ts.Expression;
  steps: string[];
}

type Key = { names: string[] } | { value: Ref } | { members: Ref; loop: ts.VariableDeclaration };

/** An installation still written in terms of `fn`'s parameters (or already concrete). */
interface Pending {
  fn: ts.SignatureDeclaration | undefined;
  recv: Ref;
  key: Key;
  /** What the getter calls to compute its value. */
  compute: Ref | undefined;
  get: ts.Node[];
  set: ts.Node[];
  /** `target[k] = data`: a value copied, not an accessor. */
  data?: ts.Expression;
  /** `target[key] = make(key)` with the key a parameter: the value stored, as a path. */
  stored?: Ref;
  depth: number;
}

export interface InstalledAccessor {
  name: string;
  decls: readonly ts.Declaration[];
  type: ts.Type;
  get: ts.Node[];
  set: ts.Node[];
}

export interface InstalledValue {
  name: string;
  recv: ts.Expression;
  /** A function node stands for itself (values.ts takes method nodes as their own value). */
  value: ts.Expression;
}

export class Installers {
  readonly accessors: InstalledAccessor[] = [];
  readonly values: InstalledValue[] = [];
  /** `for (const k in src)` loops whose `src` was followed to literals: their members (what `src[k]` may be). */
  readonly loopMembers = new Map<ts.VariableDeclaration, ts.Expression[]>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly r: Resolver,
    all: FileSites[],
    private readonly callers: Callers,
  ) {
    for (const s of all) {
      for (const { node } of s.calls) if (ts.isCallExpression(node)) this.define(node);
      for (const st of s.stores) if (ts.isElementAccessExpression(st.left)) this.copy(st.left, st.value) || this.keyedStore(st.left, st.value);
    }
  }

  /** `for (const k in src) target[k] = src[k]`: src's members copied onto target. Whether the key is such a loop's. */
  private copy(left: ts.ElementAccessExpression, value: ts.Expression): boolean {
    if (!forInVariable(this.r.checker, skipWrappers(left.argumentExpression))) return false;
    const fn = enclosingFunction(left);
    const key = this.keyOf(this.refOf(left.argumentExpression, fn, 0), fn);
    if (key && 'members' in key && isLoopElement(this.r.checker, skipWrappers(value), key.loop)) {
      this.settle({ fn, recv: this.refOf(left.expression, fn, 0), key, compute: undefined, get: [], set: [], data: value, depth: 0 });
    }
    return true;
  }

  /**
   * `function add(name, make) { target[name] = make(name) }`: each call (`add('slice', wrap)`)
   * stores under the name it passes the value it makes of what it passes (what wrap returns).
   */
  private keyedStore(left: ts.ElementAccessExpression, value: ts.Expression): void {
    const fn = enclosingFunction(left);
    const key = this.keyOf(this.refOf(left.argumentExpression, fn, 0), fn);
    if (!key || !('value' in key)) return;
    this.settle({ fn, recv: this.refOf(left.expression, fn, 0), key, compute: undefined, get: [], set: [], stored: this.refOf(value, fn, 0), depth: 0 });
  }

  /** `Object.defineProperty(o, k, desc)` (or Reflect's) with a key not written in place. */
  private define(call: ts.CallExpression): void {
    const callee = skipWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.name.text !== 'defineProperty') return;
    if (callee.expression.text !== 'Object' && callee.expression.text !== 'Reflect') return;
    const [o, k, desc] = call.arguments;
    if (!o || !k || !desc || ts.isStringLiteralLike(k)) return;
    const get = this.r.values.propertyOf(desc, 'get');
    const set = this.r.values.propertyOf(desc, 'set');
    if (!get.length && !set.length) return;
    const fn = enclosingFunction(call);
    const key = this.keyOf(this.refOf(k, fn, 0), fn);
    if (!key) return;
    this.settle({ fn, recv: this.refOf(o, fn, 0), key, compute: this.computed(get, fn), get, set, depth: 0 });
  }

  /** The parameter of `fn` the getter calls (`make(this)`), as a path. */
  private computed(getters: ts.Node[], fn: ts.SignatureDeclaration | undefined): Ref | undefined {
    if (!fn) return undefined;
    let found: Ref | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n) && ts.isIdentifier(skipWrappers(n.expression))) {
        const i = paramIndex(this.r.checker, skipWrappers(n.expression) as ts.Identifier, fn);
        if (i >= 0) found = { root: i, steps: [] };
      }
      ts.forEachChild(n, visit);
    };
    for (const g of getters) visit(g);
    return found;
  }

  /** Installs what is concrete; what still names `fn`'s parameters goes on to each call of `fn`. */
  private settle(p: Pending): void {
    const symbolic = typeof p.recv.root === 'number' || typeof p.stored?.root === 'number' || ('value' in p.key && typeof p.key.value.root === 'number') || ('members' in p.key && typeof p.key.members.root === 'number');
    if (!symbolic) return this.install(p);
    if (!p.fn || p.depth >= MAX_DEPTH) return;
    const calls = this.callers.of(p.fn);
    // A function no call names (a callback: `$constructor(name, (inst) => { ... })`): its parameters' declared types.
    if (!calls.length) return this.atParameters(p, p.fn);
    for (const call of calls) {
      const at = enclosingFunction(call);
      const sub = (ref: Ref): Ref | undefined => {
        if (typeof ref.root !== 'number') return ref;
        const arg = call.arguments[ref.root];
        if (!arg || ts.isSpreadElement(arg)) return undefined;
        const base = this.refOf(arg, at, 0);
        return { root: base.root, steps: [...base.steps, ...ref.steps] };
      };
      const recv = sub(p.recv);
      const key = 'names' in p.key ? p.key : 'value' in p.key ? this.keyOf(sub(p.key.value), at) : mapMembers(p.key, sub);
      if (!recv || !key) continue;
      const id = `${nodeKey(call)}|${refKey(recv)}|${keyKey(key)}|${p.get.map(nodeKey).join(',')}|${p.data ? nodeKey(p.data) : ''}|${p.stored ? refKey(p.stored) : ''}`;
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      const stored = p.stored && sub(p.stored);
      if (p.stored && !stored) continue;
      this.settle({ ...p, fn: at, recv, key, compute: p.compute && sub(p.compute), ...(stored ? { stored } : {}), depth: p.depth + 1 });
    }
  }

  private atParameters(p: Pending, fn: ts.SignatureDeclaration): void {
    const sub = (ref: Ref): Ref => (typeof ref.root === 'number' && argumentParameters(fn)[ref.root] ? { root: argumentParameters(fn)[ref.root]!.name as ts.Identifier, steps: ref.steps } : ref);
    const key = 'names' in p.key ? p.key : 'value' in p.key ? this.keyOf(sub(p.key.value), undefined) : { members: sub(p.key.members), loop: p.key.loop };
    const recv = sub(p.recv);
    if (key && typeof recv.root !== 'number') this.install({ ...p, recv, key, compute: p.compute && sub(p.compute) });
  }

  /** A key's value: a parameter still, names a finite type gives, or a `for…in` variable over a source. */
  private keyOf(ref: Ref | undefined, fn: ts.SignatureDeclaration | undefined): Key | undefined {
    if (!ref) return undefined;
    if (typeof ref.root === 'number') return ref.steps.length ? undefined : { value: ref };
    if (ref.steps.length) return undefined;
    const loop = forInVariable(this.r.checker, ref.root);
    if (loop && ts.isForInStatement(loop.parent.parent)) return { members: this.refOf(loop.parent.parent.expression, fn, 0), loop };
    const names = keyNames(this.r.checker, ref.root);
    return names ? { names } : undefined;
  }

  private install(p: Pending): void {
    const root = p.recv.root;
    if (typeof root === 'number' || ('members' in p.key && typeof p.key.members.root === 'number')) return;
    const type = this.typeAlong(root, p.recv.steps);
    if (!type) return;
    if (p.stored && 'names' in p.key) return this.installStored(p.key.names, root, p.stored);
    const members = 'members' in p.key ? this.literalsOf(p.key.members.root as ts.Expression, p.key.members.steps, 0).flatMap((l) => literalMembers(l)) : [];
    const names = 'names' in p.key ? p.key.names : members.map((m) => m.name);
    for (const name of p.get.length || p.set.length ? new Set(names) : []) {
      this.accessors.push({ name, decls: propertyDeclsOf(this.r.checker, type, name), type, get: p.get, set: p.set });
    }
    if (!('members' in p.key)) return;
    const looped = this.loopMembers.get(p.key.loop) ?? this.loopMembers.set(p.key.loop, []).get(p.key.loop)!;
    for (const m of members) if (!looped.includes(m.value)) looped.push(m.value);
    const how = p.data ? 'member' : p.compute && typeof p.compute.root !== 'number' ? this.computes(p.compute.root, p.key.loop, 0) : undefined;
    for (const m of members) {
      if (how === 'member') this.values.push({ name: m.name, recv: root, value: m.value });
      else if (how === 'returns') for (const fn of this.r.values.of(m.value)) for (const ret of this.r.values.returnsOf(fn)) this.values.push({ name: m.name, recv: root, value: ret });
    }
  }

  /** A value stored under known names: the expression itself, or what the functions it calls return (`make(name)`). */
  private installStored(names: string[], recv: ts.Expression, stored: Ref): void {
    if (typeof stored.root === 'number' || stored.steps.some((s) => s !== CALL)) return;
    let values: ts.Expression[] = [stored.root];
    for (let i = 0; i < stored.steps.length; i++) values = values.flatMap((v) => this.returned(v));
    for (const name of new Set(names)) for (const value of values) this.values.push({ name, recv, value });
  }

  /** Whether the function the getter calls is `src[k]` itself ('returns': the value is what it returns) or returns it ('member'). */
  private computes(e: ts.Expression, loop: ts.VariableDeclaration, depth: number): 'member' | 'returns' | undefined {
    const x = skipWrappers(e);
    if (isLoopElement(this.r.checker, x, loop)) return 'returns';
    if (isMethodNode(x)) return this.r.values.returnsOf(x).some((ret) => this.holdsLoopElement(ret, loop, depth + 1)) ? 'member' : undefined;
    const init = ts.isIdentifier(x) && depth < MAX_DEPTH ? initializerOf(this.r.checker, x) : undefined;
    return init ? this.computes(init, loop, depth + 1) : undefined;
  }

  private holdsLoopElement(e: ts.Expression, loop: ts.VariableDeclaration, depth: number): boolean {
    let x = skipWrappers(e);
    // `fn.bind(self)` is fn.
    if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(skipWrappers(x.expression)) && (skipWrappers(x.expression) as ts.PropertyAccessExpression).name.text === 'bind') {
      x = skipWrappers((skipWrappers(x.expression) as ts.PropertyAccessExpression).expression);
    }
    if (isLoopElement(this.r.checker, x, loop)) return true;
    const init = ts.isIdentifier(x) && depth < MAX_DEPTH ? initializerOf(this.r.checker, x) : undefined;
    return !!init && this.holdsLoopElement(init, loop, depth + 1);
  }

  /** The type at the end of a path: of the root, then of each property, or of a call's result. */
  private typeAlong(root: ts.Expression, steps: string[]): ts.Type | undefined {
    const c = this.r.checker;
    let t: ts.Type | undefined = c.getTypeAtLocation(root);
    for (const s of steps) {
      if (!t) return undefined;
      if (s === CALL) t = c.getApparentType(t).getCallSignatures()[0]?.getReturnType();
      else {
        const prop = c.getPropertyOfType(c.getApparentType(t), s);
        t = prop && c.getTypeOfSymbolAtLocation(prop, root);
      }
    }
    return t;
  }

  /**
   * A value as a path from `fn`'s parameters where it is one: through variables, property reads,
   * calls of a parameter, `Object.getPrototypeOf(x)` (what is installed there, instances of x's
   * type read), and calls of app functions returning a path from their own parameters.
   */
  private refOf(raw: ts.Expression, fn: ts.SignatureDeclaration | undefined, depth: number): Ref {
    const e = skipWrappers(raw);
    const self: Ref = { root: e, steps: [] };
    if (!fn || depth >= MAX_DEPTH) return self;
    const c = this.r.checker;
    if (ts.isIdentifier(e)) {
      const i = paramIndex(c, e, fn);
      if (i >= 0) return { root: i, steps: [] };
      const init = initializerOf(c, e);
      return init && isInside(init, fn) ? this.refOf(init, fn, depth + 1) : self;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const base = this.refOf(e.expression, fn, depth + 1);
      return typeof base.root === 'number' ? { root: base.root, steps: [...base.steps, e.name.text] } : self;
    }
    if (ts.isConditionalExpression(e) || (ts.isBinaryExpression(e) && isOr(e.operatorToken.kind))) {
      const parts = ts.isConditionalExpression(e) ? [e.whenTrue, e.whenFalse] : [e.left, e.right];
      return parts.filter((x) => !isNothing(x)).map((x) => this.refOf(x, fn, depth + 1)).find((x) => typeof x.root === 'number') ?? self;
    }
    if (!ts.isCallExpression(e)) return self;
    const callee = skipWrappers(e.expression);
    if (isGetPrototypeOf(callee) && e.arguments[0]) return this.refOf(e.arguments[0], fn, depth + 1);
    const base = this.refOf(callee, fn, depth + 1);
    if (typeof base.root === 'number') return { root: base.root, steps: [...base.steps, CALL] };
    for (const f of this.r.values.of(callee)) {
      if (!isMethodNode(f)) continue;
      for (const ret of this.r.values.returnsOf(f)) {
        if (isNothing(ret)) continue;
        const inner = this.refOf(ret, f, depth + 1);
        if (typeof inner.root !== 'number') continue;
        const arg = e.arguments[inner.root];
        if (!arg) continue;
        const outer = this.refOf(arg, fn, depth + 1);
        return { root: outer.root, steps: [...outer.steps, ...inner.steps] };
      }
    }
    return self;
  }

  /** The object literals a value at the end of a path may be: written in place, held by a variable, returned by the functions called. */
  private literalsOf(raw: ts.Expression, steps: string[], depth: number): ts.ObjectLiteralExpression[] {
    if (depth >= MAX_DEPTH) return [];
    const e = skipWrappers(raw);
    if (ts.isConditionalExpression(e)) return [e.whenTrue, e.whenFalse].flatMap((x) => this.literalsOf(x, steps, depth + 1));
    if (ts.isIdentifier(e)) {
      const init = steps[0] === CALL ? undefined : initializerOf(this.r.checker, e);
      if (init) return this.literalsOf(init, steps, depth + 1);
    }
    if (!steps.length) {
      if (ts.isObjectLiteralExpression(e)) return [e];
      if (!ts.isCallExpression(e)) return [];
      return this.returned(e.expression).flatMap((ret) => this.literalsOf(ret, [], depth + 1));
    }
    const [step, ...rest] = steps;
    if (step === CALL) return this.returned(e).flatMap((ret) => this.literalsOf(ret, rest, depth + 1));
    if (!ts.isObjectLiteralExpression(e)) return [];
    const prop = e.properties.find((p) => ts.isPropertyAssignment(p) && propName(p.name) === step) as ts.PropertyAssignment | undefined;
    return prop ? this.literalsOf(prop.initializer, rest, depth + 1) : [];
  }

  private returned(callee: ts.Expression): ts.Expression[] {
    return this.r.values.of(callee).flatMap((f) => (isMethodNode(f) ? this.r.values.returnsOf(f) : []));
  }
}

/** `src[k]` in a `for (const k in src)` loop an installation followed: the members of the literals `src` may be. */
export function loopElement(r: Resolver, e: ts.ElementAccessExpression): readonly ts.Expression[] | undefined {
  if (!r.loopMembers.size) return undefined;
  const k = skipWrappers(e.argumentExpression);
  const d = ts.isIdentifier(k) ? r.checker.getSymbolAtLocation(k)?.valueDeclaration : undefined;
  return d && ts.isVariableDeclaration(d) ? r.loopMembers.get(d) : undefined;
}

function mapMembers(k: { members: Ref; loop: ts.VariableDeclaration }, sub: (r: Ref) => Ref | undefined): Key | undefined {
  const members = sub(k.members);
  return members && { members, loop: k.loop };
}

function nodeKey(n: ts.Node): string {
  return `${n.getSourceFile().fileName}:${n.pos}`;
}

function refKey(r: Ref): string {
  return `${typeof r.root === 'number' ? r.root : nodeKey(r.root)}.${r.steps.join('.')}`;
}

function keyKey(k: Key): string {
  return 'names' in k ? k.names.join(',') : 'value' in k ? `v${refKey(k.value)}` : `m${refKey(k.members)}`;
}
