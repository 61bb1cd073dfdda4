/**
 * Which app functions an expression or declaration may hold, following simple data flow:
 * `const g = f`, `a ? f : g`, `a ?? f`, `f.bind(x)`, factories (`const h = make()` holds what
 * `make` returns), properties assigned anywhere in the app by name (`this.onData = () => ...`,
 * `api.handler = f`, also over a method: `r.text = wrap(r.text)`), element access with a finite
 * key type (`obj[k]`, k: 'a' | 'b'). Depth-limited, so a cycle of aliases ends; what is not found here stays
 * an unresolved call with its reason.
 */
import { ts } from '../typescript.cjs';
import { isMethodNode } from '../ids/methodIds.js';
import { ARRAY_COPIES, forOfSource } from './arrays.js';
import { keyNames, propertyDecls } from './keys.js';
import type { Resolver } from './resolve.js';
import type { Stores } from './stores.js';
import { isFnMember, skipWrappers } from './walk.js';

const MAX_DEPTH = 6;
/**
 * Nested "what does this call return" walks at most. Finding a call's callee can start a fresh
 * walk (a symbol's targets are computed once, from depth 0), so depth alone does not end a
 * cycle through calls' results: `const h = make()` with `make` returning `h()()`.
 */
const MAX_NESTED_RETURNS = 8;

/** A parameter whose value (or whose property's value) a function value may be: see collectParameters. */
export interface ViaParameter {
  param: ts.ParameterDeclaration;
  property?: string;
}

/** A parameter met while finding a value ('' for the parameter itself), so a remembered answer can report it again. */
interface Sunk {
  param: ts.ParameterDeclaration;
  property: string;
}

interface Answer {
  nodes: ts.Node[];
  sunk: Sunk[];
}

export class FunctionValues {
  /** Where the parameters met while collectParameters runs go: per parameter, its properties read ('' for itself). */
  private parameterSink: Map<ts.ParameterDeclaration, Set<string>> | undefined;
  /** The parameters met by the answer being computed (see remember). */
  private sunk: Sunk[] | undefined;
  /** Answers of `of` and `ofDeclaration` by node, then by depth. */
  private readonly answers = new Map<ts.Node, (Answer | undefined)[]>();

  constructor(
    private readonly r: Resolver,
    /** Values assigned to properties anywhere in the app, by property name. */
    private readonly stores: Stores,
  ) {}

  /**
   * Runs `find` and also returns the app functions' parameters whose values (or properties'
   * values) the functions found may include (`this.handler = h`, `list.push(h)`,
   * `const cb = props.onX`): what callers pass there is known only once every call site is,
   * so parameter flow finishes the job.
   */
  collectParameters<T>(find: () => T): { result: T; parameters: ViaParameter[] } {
    const outer = this.parameterSink;
    const sink = new Map<ts.ParameterDeclaration, Set<string>>();
    this.parameterSink = sink;
    try {
      const result = find();
      const parameters = [...sink].flatMap(([param, names]) => [...names].map((name) => (name ? { param, property: name } : { param })));
      return { result, parameters };
    } finally {
      this.parameterSink = outer;
    }
  }

  private sinkParameter(param: ts.ParameterDeclaration, property = ''): void {
    this.sunk?.push({ param, property });
    const sink = this.parameterSink;
    if (!sink) return;
    const names = sink.get(param);
    if (names) names.add(property);
    else sink.set(param, new Set([property]));
  }

  /**
   * Many uses ask about the same nodes (one property's stores, one factory's returns), so each
   * answer is kept per node and depth, with the parameters it met, which are reported again
   * when it is reused. An answer is not kept when a walk was cut short meanwhile (a cycle through
   * calls' results or through interface implementations): a later use asks afresh, as before.
   */
  private remember(node: ts.Node, depth: number, compute: () => ts.Node[]): ts.Node[] {
    const byDepth = this.answers.get(node);
    const known = byDepth?.[depth];
    if (known) {
      for (const s of known.sunk) this.sinkParameter(s.param, s.property);
      return known.nodes;
    }
    const outer = this.sunk;
    const sunk: Sunk[] = [];
    this.sunk = sunk;
    const cuts = this.cutoffs + this.r.hierarchy.cycleCuts;
    let nodes: ts.Node[];
    try {
      nodes = compute();
    } finally {
      this.sunk = outer;
    }
    outer?.push(...sunk);
    if (this.cutoffs + this.r.hierarchy.cycleCuts === cuts) {
      if (byDepth) byDepth[depth] = { nodes, sunk };
      else this.answers.set(node, Object.assign([], { [depth]: { nodes, sunk } }));
    }
    return nodes;
  }

  /** Functions an expression may evaluate to. */
  of(raw: ts.Expression, depth = 0): ts.Node[] {
    if (depth > MAX_DEPTH) return [];
    return this.remember(raw, depth, () => this.evaluate(raw, depth));
  }

  private evaluate(raw: ts.Expression, depth: number): ts.Node[] {
    const e = skipWrappers(raw);
    if (isMethodNode(e)) return [e];
    if (ts.isConditionalExpression(e)) return [...this.of(e.whenTrue, depth + 1), ...this.of(e.whenFalse, depth + 1)];
    if (ts.isBinaryExpression(e)) {
      const k = e.operatorToken.kind;
      if (k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.AmpersandAmpersandToken) {
        return [...this.of(e.left, depth + 1), ...this.of(e.right, depth + 1)];
      }
      if (k === ts.SyntaxKind.CommaToken || k === ts.SyntaxKind.EqualsToken) return this.of(e.right, depth + 1);
      return [];
    }
    if (ts.isCallExpression(e)) {
      const callee = skipWrappers(e.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') return this.of(callee.expression, depth + 1);
      return this.returnedBy(e, depth + 1);
    }
    if (ts.isAwaitExpression(e)) return this.of(e.expression, depth + 1);
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      if (ts.isPropertyAccessExpression(e) && isFnMember(e.name.text)) return [];
      if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
        const param = this.r.parameterRead(e);
        if (param) this.sinkParameter(param, e.name.text);
      }
      if (ts.isElementAccessExpression(e) && !ts.isStringLiteralLike(e.argumentExpression) && !ts.isNumericLiteral(e.argumentExpression)) return this.keyed(e, depth);
      const name = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) ? e.name : e.argumentExpression;
      const sym = this.r.symbolAt(name);
      if (ts.isIdentifier(e) && sym?.valueDeclaration && ts.isShorthandPropertyAssignment(sym.valueDeclaration)) {
        const s = this.r.checker.getShorthandAssignmentValueSymbol(sym.valueDeclaration);
        return (s?.declarations ?? []).flatMap((d) => this.ofDeclaration(d, depth + 1));
      }
      const decls = (sym?.declarations ?? []).filter((d) => this.r.isApp(d));
      return decls.flatMap((d) => this.heldBy(d, depth));
    }
    return [];
  }

  /** What an app declaration named by a use holds: a function itself (a method with what was stored over it), or its value. */
  private heldBy(d: ts.Declaration, depth: number): ts.Node[] {
    if (!isMethodNode(d)) return this.ofDeclaration(d, depth + 1);
    return ts.isMethodDeclaration(d) ? [d, ...this.storedOver(d, depth)] : [d];
  }

  /** Functions a variable, property or parameter-less declaration holds. */
  ofDeclaration(d: ts.Declaration, depth: number): ts.Node[] {
    if (depth > MAX_DEPTH) return [];
    if (isMethodNode(d)) return [d];
    return this.remember(d, depth, () => this.declared(d, depth));
  }

  private declared(d: ts.Declaration, depth: number): ts.Node[] {
    if (ts.isParameter(d) && ts.isIdentifier(d.name) && isMethodNode(d.parent)) {
      this.sinkParameter(d);
      return d.initializer ? this.of(d.initializer, depth + 1) : [];
    }
    if (ts.isShorthandPropertyAssignment(d)) {
      const s = this.r.checker.getShorthandAssignmentValueSymbol(d);
      return (s?.declarations ?? []).flatMap((x) => this.ofDeclaration(x, depth + 1));
    }
    if (ts.isBinaryExpression(d)) return this.of(d.right, depth + 1); // JS expando `a.b = fn`
    if (ts.isJsxAttribute(d)) return d.initializer && ts.isJsxExpression(d.initializer) && d.initializer.expression ? this.of(d.initializer.expression, depth + 1) : [];
    if (ts.isBindingElement(d)) return this.destructured(d, depth);
    const loop = forOfSource(d);
    if (loop) return this.elements(loop, depth + 1).nodes;
    const init = ts.isVariableDeclaration(d) || ts.isPropertyAssignment(d) || ts.isPropertyDeclaration(d) ? d.initializer : undefined;
    const fromInit = init ? this.of(init, depth + 1) : [];
    if (ts.isPropertyDeclaration(d)) return [...fromInit, ...this.stored(d, depth)];
    // An interface member: what object literals and classes implementing it hold there.
    if (ts.isPropertySignature(d) || ts.isMethodSignature(d)) return [...this.r.hierarchy.implementationsOf(d), ...(ts.isPropertySignature(d) ? this.stored(d, depth) : [])];
    return fromInit;
  }

  /** What property `name` of an expression's value holds: its app declarations' values. */
  propertyOf(e: ts.Expression, name: string, depth = 0): ts.Node[] {
    if (ts.isJsxAttributes(e)) {
      // The props of `<C onPick={f} />`: the attribute written there (the checker's type here is C's props type).
      const attr = e.properties.find((p) => ts.isJsxAttribute(p) && ts.isIdentifier(p.name) && p.name.text === name);
      return attr ? this.ofDeclaration(attr, depth + 1) : [];
    }
    const decls = propertyDecls(this.r.checker, skipWrappers(e), name).filter((d) => this.r.isApp(d));
    return decls.flatMap((d) => this.heldBy(d, depth));
  }

  /** `const { f = g } = x` holds x.f and g; destructured parameters are followed by parameter flow. */
  private destructured(d: ts.BindingElement, depth: number): ts.Node[] {
    const defaults = d.initializer ? this.of(d.initializer, depth + 1) : [];
    const name = bindingName(d);
    const src = d.parent.parent;
    if (name === undefined || !ts.isObjectBindingPattern(d.parent) || !ts.isVariableDeclaration(src) || !src.initializer) return defaults;
    return [...defaults, ...this.propertyOf(src.initializer, name, depth)];
  }

  /**
   * Functions an array's elements may be: array literals (spreads included), followed through
   * variables and copies (`list.slice()`), with what is added to the variable's array anywhere
   * (`list.push(f)`, stores.ts). Complete only for a literal written in place: an array held in
   * a variable may also be added to in ways not followed (passed on, aliased).
   */
  elements(raw: ts.Expression, depth = 0): { nodes: ts.Node[]; complete: boolean } {
    const e = skipWrappers(raw);
    if (depth > MAX_DEPTH) return { nodes: [], complete: false };
    if (ts.isArrayLiteralExpression(e)) {
      const out = { nodes: [] as ts.Node[], complete: true };
      for (const el of e.elements) {
        const inner = ts.isSpreadElement(el) ? this.elements(el.expression, depth + 1) : { nodes: this.of(el, depth + 1), complete: true };
        out.nodes.push(...inner.nodes);
        if (!inner.complete || !inner.nodes.length) out.complete = false;
      }
      return out;
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
      const decls = (this.r.symbolAt(ts.isIdentifier(e) ? e : e.name)?.declarations ?? []).filter((d) => this.r.isApp(d));
      const nodes = decls.flatMap((d) => {
        const init = ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) ? d.initializer : undefined;
        const added = this.stores.added(d).flatMap((v) => (ts.isSpreadElement(v) ? this.elements(v.expression, depth + 1).nodes : this.of(v, depth + 1)));
        return [...(init ? this.elements(init, depth + 1).nodes : []), ...added];
      });
      return { nodes, complete: false };
    }
    const callee = ts.isCallExpression(e) ? skipWrappers(e.expression) : undefined;
    if (callee && ts.isPropertyAccessExpression(callee) && ARRAY_COPIES.has(callee.name.text)) {
      return { nodes: this.elements(callee.expression, depth + 1).nodes, complete: false };
    }
    return { nodes: [], complete: false };
  }

  /** An interface member read (`v.onBegin`) some implementation of which holds a value not known statically. */
  incomplete(raw: ts.Expression): boolean {
    const e = skipWrappers(raw);
    if (!ts.isPropertyAccessExpression(e)) return false;
    const decls = this.r.symbolAt(e.name)?.declarations ?? [];
    return decls.some((d) => (ts.isPropertySignature(d) || ts.isMethodSignature(d)) && this.r.hierarchy.unknownImplementationsOf(d).length > 0);
  }

  /** Functions assigned (`x.name = v`) to a property with this declaration's name. */
  stored(d: ts.PropertyDeclaration | ts.PropertySignature, depth = 0): ts.Node[] {
    const name = declName(d);
    return name === undefined ? [] : this.stores.named(name).flatMap((s) => this.of(s.value, depth + 1));
  }

  /** Functions assigned over class method `m` on receivers that may hold an instance of its class. */
  storedOver(m: ts.MethodDeclaration, depth = 0): ts.Node[] {
    const name = declName(m);
    const cls = m.parent;
    if (name === undefined || !ts.isClassLike(cls)) return [];
    return this.stores.named(name).flatMap((s) => (this.r.mayHold(s.recv, cls) ? this.of(s.value, depth + 1) : []));
  }

  /** `obj[k]` with a finite key type: what each named property holds (`obj.a`, `obj.b`, ...). */
  private keyed(e: ts.ElementAccessExpression, depth: number): ts.Node[] {
    const names = keyNames(this.r.checker, e.argumentExpression) ?? [];
    const out: ts.Node[] = [];
    for (const name of names) {
      const decls = propertyDecls(this.r.checker, e.expression, name);
      if (!decls.length) return []; // an index signature: not known by name, the use stays unresolved
      for (const d of decls) {
        if (this.r.isApp(d)) out.push(...this.heldBy(d, depth));
      }
    }
    return out;
  }

  /** Functions returned by the app functions a call may run (factories, `once(f)`-style wrappers). */
  private returnedBy(call: ts.CallExpression, depth: number): ts.Node[] {
    if (this.nestedReturns >= MAX_NESTED_RETURNS) {
      this.cutoffs++;
      return [];
    }
    this.nestedReturns++;
    try {
      return this.returnedByTargets(call, depth);
    } finally {
      this.nestedReturns--;
    }
  }

  private nestedReturns = 0;
  /** How often MAX_NESTED_RETURNS cut a walk short: a result computed meanwhile may lack values. */
  cutoffs = 0;

  private returnedByTargets(call: ts.CallExpression, depth: number): ts.Node[] {
    const r = this.r.callee(call.expression, false, depth);
    if (!('targets' in r)) return [];
    const out: ts.Node[] = [];
    for (const t of r.targets) {
      if (!isMethodNode(t.node) || !t.node.body) continue;
      const body = t.node.body;
      if (!ts.isBlock(body)) {
        out.push(...this.of(body, depth + 1));
        continue;
      }
      const visit = (n: ts.Node): void => {
        if (ts.isReturnStatement(n) && n.expression) out.push(...this.of(n.expression, depth + 1));
        if (!isMethodNode(n)) ts.forEachChild(n, visit);
      };
      ts.forEachChild(body, visit);
    }
    return out;
  }
}

function declName(d: ts.NamedDeclaration): string | undefined {
  const n = d.name;
  return n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n) || ts.isNumericLiteral(n)) ? n.text : undefined;
}

/** The property an object binding element reads (`{ f }`, `{ f: g }`); undefined for computed names and nested patterns. */
export function bindingName(d: ts.BindingElement): string | undefined {
  const n = d.propertyName ?? d.name;
  return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
}
