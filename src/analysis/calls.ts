/**
 * Call edges between app methods, resolved with the type checker.
 *
 * Decisions:
 * - A call belongs to the innermost enclosing function-like (its own id); calls at module top
 *   level, in class property initialisers or static blocks belong to no method and are skipped
 *   (top-level code runs once on the device at load, it is no migration point).
 * - `new C()` goes to `C.constructor`; without an explicit constructor, to the nearest base
 *   class's explicit constructor in the app; with none, there is no edge (nothing runs but
 *   field initialisers). `super(...)` is a constructor edge to the base constructor.
 * - Kinds: 'direct' for a declared function (also through imports and `ns.f()`), 'method'
 *   for a method/accessor declaration, 'callback' for a function value stored in a variable
 *   or property, 'constructor' for `new`/`super()`, 'hierarchy' for overriding methods of
 *   subclasses and implementations of an interface method (see hierarchy.ts).
 * - Calls into lib/node_modules declarations are not edges and not unresolved.
 */
import { SyntaxKind, ts } from 'ts-morph';
import { isMethodNode } from '../ids/methodIds.js';
import { Hierarchy } from './hierarchy.js';
import { ownerOf, type MethodTable } from './methods.js';
import { siteOf, type AppFile, type LoadedApp } from './project.js';
import type { CallEdge, EdgeKind, UnresolvedCall } from './types.js';

export interface CallGraph {
  edges: CallEdge[];
  unresolved: UnresolvedCall[];
}

type Resolution =
  | { targets: { node: ts.Node; kind: EdgeKind }[] }
  | { library: true }
  | { reason: string };

export function resolveCalls(app: LoadedApp, table: MethodTable): CallGraph {
  const resolver = new Resolver(app, table);
  const edges = new Map<string, CallEdge>();
  const unresolved: UnresolvedCall[] = [];
  for (const file of app.files) {
    const wrapped = app.project.getSourceFile(file.sf.fileName);
    if (!wrapped) continue;
    const calls: (ts.CallExpression | ts.NewExpression)[] = [
      ...wrapped.getDescendantsOfKind(SyntaxKind.CallExpression).map((c) => c.compilerNode),
      ...wrapped.getDescendantsOfKind(SyntaxKind.NewExpression).map((c) => c.compilerNode),
    ];
    for (const call of calls) {
      const from = ownerOf(table, call);
      if (!from) continue;
      const site = siteOf(file, siteNode(call));
      const r = resolver.resolve(call);
      if ('library' in r) continue;
      if ('reason' in r) {
        unresolved.push({ from, site, text: shorten(call.expression.getText(file.sf)), reason: r.reason });
        continue;
      }
      for (const t of r.targets) {
        const to = table.idOf.get(t.node);
        if (!to) continue;
        const key = `${from}\0${to}\0${site}`;
        if (!edges.has(key)) edges.set(key, { from, to, site, kind: t.kind });
      }
    }
  }
  return {
    edges: [...edges.values()].sort(
      (a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmpSite(a.site, b.site),
    ),
    unresolved: unresolved.sort((a, b) => cmp(a.from, b.from) || cmpSite(a.site, b.site)),
  };
}

class Resolver {
  private readonly checker: ts.TypeChecker;
  private readonly hierarchy: Hierarchy;
  private readonly appFiles: Set<ts.SourceFile>;
  constructor(
    private readonly app: LoadedApp,
    table: MethodTable,
  ) {
    this.checker = app.checker;
    this.hierarchy = new Hierarchy(app, table);
    this.appFiles = new Set(app.files.map((f) => f.sf));
  }

  resolve(call: ts.CallExpression | ts.NewExpression): Resolution {
    const expr = skipWrappers(call.expression);
    if (ts.isNewExpression(call)) return this.resolveNew(expr);
    if (expr.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = ts.findAncestor(call, ts.isClassLike);
      const base = cls && this.baseClass(cls);
      if (!base) return { library: true };
      const ctor = this.constructorOf(base);
      return ctor ? { targets: [{ node: ctor, kind: 'constructor' }] } : { library: true };
    }
    if (expr.kind === ts.SyntaxKind.ImportKeyword) return { library: true };
    if (isMethodNode(expr)) return { targets: [{ node: expr, kind: 'direct' }] }; // IIFE
    const member = ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr);
    const nameNode = ts.isPropertyAccessExpression(expr)
      ? expr.name
      : ts.isElementAccessExpression(expr)
        ? expr.argumentExpression
        : expr;
    const sym = this.symbolAt(nameNode);
    if (!sym) return { reason: 'callee has no symbol (untyped or any)' };
    const decls = sym.declarations ?? [];
    if (decls.length === 0) return { reason: 'callee symbol has no declaration' };
    if (decls.every((d) => !this.isApp(d))) return { library: true };
    const targets: { node: ts.Node; kind: EdgeKind }[] = [];
    let why = 'callee is not a statically known function';
    for (const d of decls) {
      if (isMethodNode(d)) {
        const kind: EdgeKind = ts.isFunctionDeclaration(d) || ts.isFunctionExpression(d) || ts.isArrowFunction(d) ? 'direct' : 'method';
        targets.push({ node: d, kind });
        if (member && expr.expression?.kind !== ts.SyntaxKind.SuperKeyword && ts.isClassElement(d)) {
          for (const o of this.hierarchy.overridesOf(d)) targets.push({ node: o, kind: 'hierarchy' });
        }
        continue;
      }
      if (ts.isMethodSignature(d) || ts.isPropertySignature(d) || isAbstract(d)) {
        const impls = this.hierarchy.implementationsOf(d);
        for (const o of impls) targets.push({ node: o, kind: 'hierarchy' });
        if (impls.length === 0) why = 'interface or abstract member without an implementation in the app';
        continue;
      }
      if (ts.isParameter(d)) {
        why = 'function value received as a parameter';
        continue;
      }
      const value = this.valueTarget(d, 0);
      if (value) targets.push({ node: value, kind: 'callback' });
    }
    return targets.length ? { targets } : { reason: why };
  }

  private resolveNew(expr: ts.Expression): Resolution {
    const sym = this.symbolAt(expr);
    if (!sym) return { reason: 'constructed class has no symbol' };
    const decls = sym.declarations ?? [];
    if (decls.length === 0 || decls.every((d) => !this.isApp(d))) return { library: true };
    for (const d of decls) {
      const cls = ts.isClassLike(d)
        ? d
        : ts.isVariableDeclaration(d) && d.initializer && ts.isClassExpression(skipWrappers(d.initializer))
          ? (skipWrappers(d.initializer) as ts.ClassExpression)
          : undefined;
      if (!cls) continue;
      const ctor = this.constructorOf(cls);
      return ctor ? { targets: [{ node: ctor, kind: 'constructor' }] } : { library: true };
    }
    return { reason: 'constructed value is not a class declared in the app' };
  }

  /** The explicit constructor run by `new cls()`: its own, else the nearest base class's. */
  private constructorOf(cls: ts.ClassLikeDeclaration, depth = 0): ts.Node | undefined {
    const own = cls.members.find((m) => ts.isConstructorDeclaration(m) && m.body);
    if (own) return own;
    const base = depth < 20 ? this.baseClass(cls) : undefined;
    return base && this.constructorOf(base, depth + 1);
  }

  private baseClass(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
    return this.hierarchy.baseOf(cls);
  }

  /** The function a variable/property declaration stores, following `const g = f` a few hops. */
  private valueTarget(d: ts.Declaration, depth: number): ts.Node | undefined {
    if (depth > 5) return undefined;
    let init: ts.Expression | undefined;
    if (ts.isVariableDeclaration(d) || ts.isPropertyAssignment(d) || ts.isPropertyDeclaration(d)) init = d.initializer;
    else if (ts.isShorthandPropertyAssignment(d)) {
      const s = this.checker.getShorthandAssignmentValueSymbol(d);
      return s?.declarations?.map((x) => (isMethodNode(x) ? x : this.valueTarget(x, depth + 1))).find(Boolean);
    } else if (ts.isBinaryExpression(d)) init = d.right; // `a.b = fn` expando
    if (!init) return undefined;
    const v = skipWrappers(init);
    if (isMethodNode(v)) return v;
    if (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v)) {
      const s = this.symbolAt(ts.isPropertyAccessExpression(v) ? v.name : v);
      for (const x of s?.declarations ?? []) {
        const t = isMethodNode(x) ? x : this.valueTarget(x, depth + 1);
        if (t) return t;
      }
    }
    return undefined;
  }

  private symbolAt(node: ts.Node): ts.Symbol | undefined {
    const s = this.checker.getSymbolAtLocation(node);
    return s && s.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(s) : s;
  }

  private isApp(d: ts.Node): boolean {
    return this.appFiles.has(d.getSourceFile());
  }
}

function isAbstract(d: ts.Node): boolean {
  return ts.isMethodDeclaration(d) && !d.body && (ts.getModifiers(d)?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ?? false);
}

function skipWrappers(e: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isTypeAssertionExpression(e)
  ) {
    e = e.expression;
  }
  return e;
}

/** The callee's name for member calls (distinct sites in chains like `a().b()`), else the call. */
function siteNode(call: ts.CallExpression | ts.NewExpression): ts.Node {
  const e = call.expression;
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(e) ? e.name : call;
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sites compare by file, then numerically by line and column. */
export function cmpSite(a: string, b: string): number {
  const pa = a.split(':');
  const pb = b.split(':');
  return cmp(pa[0] ?? '', pb[0] ?? '') || Number(pa[1]) - Number(pb[1]) || Number(pa[2]) - Number(pb[2]);
}
