/**
 * The state of each candidate and the 'state' rule: a candidate whose call needs state that
 * cannot cross to the clone is not a candidate. The state is the candidate's own module and
 * captured bindings plus those of the methods it may reach (state-flow.ts: a callee's captures
 * count when the candidate is nested in the same function, as a helper declared beside it).
 * Not candidates, one reason per cause:
 * - a captured binding whose type cannot cross (serializable.ts: functions, symbols, promises,
 *   weak collections, catalog device types);
 * - a module binding holding a function that is not code fixed at load: a variable written
 *   somewhere, or a value made at run time (its captured state is hidden);
 * - a module binding of another type that cannot cross (a WeakMap memo, a promise, a stream), or
 *   holding functions in data other than a table of code (`{ sign, verify }`);
 * - state no call carries (state-uncarried.ts) that the program changes after load: a static
 *   field, a namespace's variable, a global the app writes, a CommonJS module's `exports` (also its own exported
 *   variables, which live there); unchanged, it is the same on both sides and not listed;
 * - the constructor of a derived class (`this` does not exist before `super()` returns);
 * - a generator (its body runs after the call returns, as the caller iterates);
 * - an async function (its body goes on after the call returns, between the device's other work;
 *   a sync function returning a promise is the boundary's concern, serializable.ts);
 * - a function the run-time copies to its module's top level (neither a class member nor a
 *   top-level function) that uses `super`, or an arrow using its enclosing function's
 *   `arguments` or `new.target`: in the copy they would be something else;
 * - any other form the run-time cannot carry, by the run-time's own test (runtime-form.ts).
 */
import { ts } from '../../typescript.cjs';
import { isAsync, isMethodNode } from '../../ids/methodIds.js';
import type { MethodEntry, MethodTable } from '../methods.js';
import { fileLine, siteOf } from '../project.js';
import { crossingProblem, isFunctionType } from './serializable.js';
import { stateFlow } from './state-flow.js';
import { isCode, nonCodeMember } from './state-kinds.js';
import { READ, thisProvider, WRITE } from './state-syntax.js';
import { isCopiedToTop } from './state-uncarried.js';
import { runtimeFormReason } from './runtime-form.js';
import { COMPUTED_AT_LOAD, MADE_FUNCTION, SHARED, type Binding, type Change, type Lexical, type StateFacts, type Use } from './state-facts.js';
import type { CallEdge, Reason, StateBinding } from '../types.js';

export interface StateInput {
  checker: ts.TypeChecker;
  table: MethodTable;
  facts: StateFacts;
  /** Every method id (the call graph's nodes). */
  ids: string[];
  edges: CallEdge[];
  /** Methods that are candidates by every other rule. */
  candidates: string[];
  /** Device type name -> platform (catalog.ts catalogTypes). */
  deviceTypes: Map<string, string>;
}

export interface StateVerdicts {
  /** For candidates that stay candidates: their state, sorted by (scope, file, name, line). */
  state: Map<string, StateBinding[]>;
  /** For those that do not: the 'state' reasons. */
  reasons: Map<string, Reason[]>;
}

export function stateVerdicts(x: StateInput): StateVerdicts {
  const { checker, facts } = x;
  const listed = facts.bindings.map((b, i) => (isUncarried(b) ? facts.changed.has(i) : !isCode(b, facts.written.has(i), checker)));
  const own = new Map<string, Map<number, Use>>();
  for (const [id, uses] of facts.own) {
    const kept = new Map([...uses].filter(([i]) => listed[i]));
    if (kept.size) own.set(id, kept);
  }
  const nodeOf = (id: string): ts.Node | undefined => {
    const m = x.table.byId.get(id);
    return m?.nodes[0] ?? m?.synthetic?.cls;
  };
  const flow = stateFlow(x.ids, x.edges, own, facts.bindings, nodeOf, (n) => x.table.idOf.get(n));
  const problems = new Map<number, string | undefined>();
  const problem = (i: number): string | undefined => {
    if (!problems.has(i)) problems.set(i, whyNot(facts, i, checker, x.deviceTypes));
    return problems.get(i);
  };
  const out: StateVerdicts = { state: new Map(), reasons: new Map() };
  for (const id of x.candidates) {
    const reasons = shapeReasons(x.table.byId.get(id)!, facts.lexical.get(id));
    const node = nodeOf(id);
    const state: [Binding, number][] = [];
    const bad: [Binding, number, string][] = [];
    for (const [i, bits] of flow.of(id)) {
      const b = facts.bindings[i]!;
      if (b.kind === 'this' && !ownThis(b, node)) continue;
      const why = problem(i);
      if (why) bad.push([b, i, why]);
      else state.push([b, bits]);
    }
    bad.sort(([a], [b]) => byBinding(a, b));
    for (const [b, i, why] of bad) {
      // No path but through the declaring function: the call makes that binding anew.
      const path = flow.path(id, i);
      if (path) reasons.push(reason(b, i, id, path, why, own));
    }
    if (!reasons.length) {
      const carried = runtimeFormReason(x.table.byId.get(id)!, state.filter(([b]) => b.scope === 'captured').map(([b]) => b.name));
      if (carried) reasons.push(carried);
    }
    if (reasons.length) out.reasons.set(id, reasons);
    else out.state.set(id, state.sort(([a], [b]) => byBinding(a, b)).map(([b, bits]) => toStateBinding(b, bits)));
  }
  return out;
}

/** Why a binding cannot cross (the rest of a sentence about it), or undefined when it can. */
function whyNot(facts: StateFacts, i: number, checker: ts.TypeChecker, deviceTypes: Map<string, string>): string | undefined {
  const b = facts.bindings[i]!;
  if (isUncarried(b)) return uncarriedWhy(b, facts.changed.get(i)!);
  let t = b.kind === 'this' ? checker.getTypeAtLocation(b.sample!) : checker.getTypeOfSymbol(b.sym!);
  // `this` in a class is its polymorphic this type: judge the class's instance type.
  if (b.kind === 'this' && t.isTypeParameter()) t = checker.getBaseConstraintOfType(t) ?? t;
  const cannot = (p: string): string => `, of type '${checker.typeToString(t)}' (${p}), which cannot cross to the clone`;
  if (b.scope === 'captured') {
    const p = crossingProblem(checker, t, deviceTypes);
    return p && cannot(p);
  }
  if (isFunctionType(t)) {
    const w = facts.written.get(i);
    if (w) return `, a function held in a variable written at ${fileLine(w)}, which cannot cross to the clone`;
    const made = b.init ? ` (${fileLine(siteOf(b.file, b.init))})` : '';
    return `, a function made at run time${made}, which may hold captured state and cannot cross to the clone`;
  }
  const p = crossingProblem(checker, t, deviceTypes, true);
  if (p) return cannot(p);
  // Functions held in data cross only as code: a table of the app's functions, never written.
  const held = crossingProblem(checker, t, deviceTypes);
  if (!held) return undefined;
  const misfit = facts.written.has(i) || !b.init || b.destructured ? null : nonCodeMember(b.init, checker);
  if (misfit === undefined) return undefined;
  if (misfit === null) return `, of type '${checker.typeToString(t)}' (${held}), which may hold functions made at run time and cannot cross to the clone`;
  const member = ts.isSpreadAssignment(misfit) ? 'a spread' : `property '${(misfit as ts.ObjectLiteralElementLike).name?.getText(b.file.sf)}'`;
  return `, whose ${member} (${fileLine(siteOf(b.file, misfit))}) holds a function made at run time, which cannot cross to the clone`;
}

/** State no call carries: static fields, globals, `exports`, and variables that live on `exports`. */
function isUncarried(b: Binding): boolean {
  return b.kind === 'static' || b.kind === 'namespace' || b.kind === 'global' || b.kind === 'exports' || b.cjs === true;
}

/** Why uncarried state that the program changes after load cannot be used on the clone. */
function uncarriedWhy(b: Binding, c: Change): string {
  const at = fileLine(c.site);
  if (b.kind === 'global') return `, which the app writes at ${at}: globals stay on each side, and a call does not carry them`;
  const what =
    c.how === MADE_FUNCTION ? `a function made at load by a call (${at}), which may keep state of its own` : c.how === COMPUTED_AT_LOAD
      ? `computed as its ${b.kind === 'static' ? 'class' : 'module'} loads (${at}), which the clone does again and may get another value`
      : c.how === SHARED
        ? `given at ${at} an object that other code holds too`
        : `${c.how} at ${at} ${c.load === 'own' ? 'as its module loads' : c.load === 'other' ? 'as another module loads, which the clone may not load' : 'after load'}`;
  if (b.kind === 'static') return `, ${what}: static fields stay with the class on each side, and a call does not carry them`;
  if (b.kind === 'namespace') return `, ${what}: a namespace's variables stay with it on each side, and a call does not carry them`;
  if (b.kind === 'exports') return `, ${what}: a CommonJS module's exports stay on each side, and a call does not carry them`;
  return `, ${what}: exported from a module compiled to CommonJS, it lives on the module's exports, which a call does not carry`;
}

function labelOf(b: Binding): string {
  const where = `${b.file.rel}:${b.line}`;
  if (b.kind === 'static') return `static field ${b.name} (${where})`;
  if (b.kind === 'namespace') return `namespace variable ${b.name} (${where})`;
  if (b.kind === 'global') return `global ${b.name}`;
  if (b.kind === 'exports') return `${b.name} of ${b.file.rel} (${where})`;
  return b.scope === 'module' ? `${b.file.rel}#${b.name} (${where})` : `'${b.name}' (${where})`;
}

/** The 'state' reason for a binding a candidate needs: where it uses it, or the call path to a method that does. */
function reason(b: Binding, i: number, id: string, path: CallEdge[], why: string, own: Map<string, Map<number, Use>>): Reason {
  const label = labelOf(b);
  const user = own.get(path.length ? path[path.length - 1]!.to : id)?.get(i)!;
  if (!path.length) {
    // A method writing a global itself: where the app writes it is here.
    const own = b.kind === 'global' && user.bits & WRITE ? why.replace(/^, which the app writes at [^:]+:\d+/, '') : why;
    return { rule: 'state', message: `${verb(b, user.bits)} ${label}${own} (at ${fileLine(user.site)})`, site: user.site };
  }
  const hops = path.map((e) => `${e.to} (called at ${fileLine(e.site)})`);
  return {
    rule: 'state',
    message: `may reach a use of ${label}${why}: ${id} -> ${hops.join(' -> ')}, which ${verb(b, user.bits)} it at ${fileLine(user.site)}`,
    site: path[0]!.site,
    via: [id, ...path.map((e) => e.to)],
    path,
  };
}

/** Causes in the method's own form: a derived class's constructor, a generator, an async function, a copy that would mean another `super`, `arguments` or `new.target`. */
function shapeReasons(m: MethodEntry, lexical: Lexical | undefined): Reason[] {
  const node = m.nodes[0];
  const at = (n: ts.Node): string => siteOf(m.file, n);
  const cls = node && ts.isConstructorDeclaration(node) ? node.parent : m.synthetic?.kind === 'constructor' ? m.synthetic.cls : undefined;
  const base = cls?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const out: Reason[] = [];
  if (cls && base) {
    const site = at(node ?? cls);
    const name = cls.name ? `'${cls.name.text}'` : 'a class';
    const message = `constructor of ${name}, which extends '${base.expression.getText(m.file.sf)}': 'this' does not exist before super() returns, so the run-time cannot carry it (${fileLine(site)})`;
    out.push({ rule: 'state', message, site });
  }
  if (node && 'asteriskToken' in node && node.asteriskToken) {
    const site = at(node);
    const kind = isAsync(node) ? 'an async generator' : 'a generator';
    out.push({ rule: 'state', message: `${kind}: its body runs after the call returns, as the caller iterates its result (${fileLine(site)})`, site });
  } else if (node && isAsync(node)) {
    // Even awaited at once, other device work (a timer, another chain) runs between its awaits, and the clone would work on a snapshot.
    const site = at(node);
    const message = `an async function: its body goes on after the call returns, interleaved with the device's other work, so the clone cannot run it as one call (move its work into a synchronous function, which can migrate) (${fileLine(site)})`;
    out.push({ rule: 'state', message, site });
  }
  if (node && lexical && isCopiedToTop(node)) {
    const site = at(lexical.node);
    const whose = lexical.what !== 'super' ? 'its enclosing function' : ts.isObjectLiteralExpression(homeOf(lexical.node)?.parent ?? node) ? 'its object literal' : 'its class';
    const fn = ts.isArrowFunction(node) ? 'an arrow function' : 'a function';
    out.push({
      rule: 'state',
      message: `${fn} that uses ${lexical.what} of ${whose}: the run-time runs a copy of it at its module's top level on the clone, where ${lexical.what} is another's (at ${fileLine(site)})`,
      site,
    });
  }
  return out;
}

/** The method (not an arrow) whose `super` a `super` means. */
function homeOf(n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (isMethodNode(p) && !ts.isArrowFunction(p)) return p;
  return undefined;
}

/** Whether an arrow's captured `this` is the method's own: it is an arrow whose `this` that function or class gives. */
function ownThis(b: Binding, node: ts.Node | undefined): boolean {
  return !!node && ts.isArrowFunction(node) && thisProvider(node) === b.owner;
}

function verb(b: Binding, bits: number): string {
  if (b.scope === 'captured') return 'captures';
  return bits === (READ | WRITE) ? 'reads and writes' : bits === WRITE ? 'writes' : 'reads';
}

function byBinding(a: Binding, b: Binding): number {
  const ka = [a.scope, a.file.rel, a.name];
  const kb = [b.scope, b.file.rel, b.name];
  for (let k = 0; k < 3; k++) if (ka[k] !== kb[k]) return ka[k]! < kb[k]! ? -1 : 1;
  return a.line - b.line;
}

function toStateBinding(b: Binding, bits: number): StateBinding {
  const access = bits === (READ | WRITE) ? 'read-write' : bits === WRITE ? 'write' : 'read';
  return { scope: b.scope, file: b.file.rel, name: b.name, line: b.line, access };
}
