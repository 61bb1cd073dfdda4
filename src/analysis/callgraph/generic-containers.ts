/**
 * Values the app hands to its own generic container and reads back (hono's router:
 * `this.router.add(method, path, [handler, r])`, then `this.router.match(...)[0][0][0][0](c)`).
 *
 * The rule is the type system's: a member of a generic class or interface `C<T>` can hand out as
 * T only what reached the instance as T; inside C nothing else is known to be a T. So a read of a
 * member's result (`const m = router.match(...)`, then `m[0][0][0]`) at a position that the
 * member's declared result type gives as T (`Result<T> = [[T, Params][], ...]`: position
 * [0][0][0]) may hold any value handed to a member of C at a parameter declared T (or `...rest: T[]`,
 * or an element of an array literal given for a parameter declared `T[]`); the rest of the read
 * (`[0]` after it) is a read of that value. Positions of other types (Params here) hold nothing
 * given as T. Values are kept per class or interface, not per instance: the flow does not tell
 * instances apart, so what one router was given comes out of every router of that declaration.
 * Other shapes that mention T (a Record or Map of T, a callback taking T) are not followed, and
 * a class implementing an interface keeps its own T apart from the interface's.
 */
import { ts } from '../../typescript.cjs';
import { constInitializer } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import { syntaxIndex } from '../syntax-index.js';

/** A value given as T, and the positions still to be read inside it. */
export interface GivenRead {
  value: ts.Expression;
  path: number[];
}

type Container = ts.ClassLikeDeclaration | ts.InterfaceDeclaration;

/**
 * Per checker: the names of the app's generic classes and of their and generic interfaces' members (only calls by
 * these names are resolved: resolving others would cost time and change the order the checker makes types in, which
 * shows in how unions print), and the values given as each container type parameter.
 */
interface Index {
  names: Set<string>;
  given?: Map<ts.TypeParameterDeclaration, ts.Expression[]>;
}
const indexes = new WeakMap<ts.TypeChecker, Index>();

function indexOf(checker: ts.TypeChecker, appSources: () => Iterable<ts.SourceFile>): Index {
  let index = indexes.get(checker);
  if (index) return index;
  const names = new Set<string>();
  // Each file's generic classes and interfaces (syntax-index.ts).
  for (const sf of appSources()) {
    for (const n of syntaxIndex(sf).generics) {
      if (n.name) names.add(n.name.text);
      for (const m of n.members) if (m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name) || ts.isStringLiteral(m.name))) names.add(m.name.text);
    }
  }
  indexes.set(checker, (index = { names }));
  return index;
}

/** The name a call is made by (`r.add(...)`: add, `new Box(v)`: Box), when it may be one of the containers' (indexOf). */
function mayBeContainerCall(checker: ts.TypeChecker, appSources: () => Iterable<ts.SourceFile>, call: ts.CallExpression | ts.NewExpression): boolean {
  const callee = skipWrappers(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && indexOf(checker, appSources).names.has(name);
}

/**
 * What an index read (`x[0][1]`, or a call itself: no index) of a generic container member's
 * result may hold as given values: each value handed to the container as T where the read's
 * positions meet T in the member's declared result type, with the positions left to read in it.
 * Undefined when `raw` is not such a read.
 */
export function containerReads(checker: ts.TypeChecker, appSources: () => Iterable<ts.SourceFile>, isApp: (d: ts.Node) => boolean, raw: ts.Expression): GivenRead[] | undefined {
  const read = rootCall(checker, raw);
  if (!read || !mayBeContainerCall(checker, appSources, read.call)) return undefined;
  const member = containerMember(checker, read.call, isApp);
  const declared = member && checker.getSignatureFromDeclaration(member.decl);
  if (!member || !declared) return undefined;
  const params = new Set(member.container.typeParameters ?? []);
  const out: GivenRead[] = [];
  for (const meet of meetings(checker, checker.getReturnTypeOfSignature(declared), read.path, 0, params)) {
    for (const value of given(checker, appSources, isApp).get(meet.param) ?? []) out.push({ value, path: read.path.slice(meet.at) });
  }
  return out;
}

/** The call at the root of an index read, through consts holding a read (`const m = r.match(); m[0]`), and the indices read below it. */
function rootCall(checker: ts.TypeChecker, raw: ts.Expression): { call: ts.CallExpression; path: number[] } | undefined {
  let e = skipWrappers(raw);
  const path: number[] = [];
  for (let steps = 0; steps < 16; steps++) {
    if (ts.isElementAccessExpression(e) && ts.isNumericLiteral(e.argumentExpression)) {
      path.unshift(Number(e.argumentExpression.text));
      e = skipWrappers(e.expression);
    } else if (ts.isCallExpression(e)) {
      return { call: e, path };
    } else {
      // A const is the value it was initialised with; a `let` may be assigned anything later.
      const init = constInitializer(checker, e);
      if (!init) return undefined;
      e = skipWrappers(init);
    }
  }
  return undefined;
}

/** The member a call runs (a method, or a constructor for `new C(v)`) when an app generic class or interface declares it. */
function containerMember(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, isApp: (d: ts.Node) => boolean): { decl: ts.SignatureDeclaration; container: Container } | undefined {
  const decl = checker.getResolvedSignature(call)?.declaration;
  if (!decl || ts.isJSDocSignature(decl)) return undefined;
  const p = decl.parent;
  const container = (ts.isClassLike(p) || ts.isInterfaceDeclaration(p)) && p.typeParameters?.length ? p : undefined;
  return container && isApp(container) ? { decl, container } : undefined;
}

/** Where walking `path` into `t` meets one of `params`: the parameter, and how many positions were read to get there. */
function meetings(checker: ts.TypeChecker, t: ts.Type, path: number[], at: number, params: Set<ts.TypeParameterDeclaration>): { param: ts.TypeParameterDeclaration; at: number }[] {
  if (t.isUnion()) return t.types.flatMap((u) => meetings(checker, u, path, at, params));
  const param = typeParameterOf(t, params);
  if (param) return [{ param, at }];
  const i = path[at];
  if (i === undefined) return [];
  const inner = elementType(checker, t, i);
  return inner ? meetings(checker, inner, path, at + 1, params) : [];
}

/** The declaration of `t` when it is one of the container's own type parameters. */
function typeParameterOf(t: ts.Type, params: Set<ts.TypeParameterDeclaration>): ts.TypeParameterDeclaration | undefined {
  if (!(t.flags & ts.TypeFlags.TypeParameter)) return undefined;
  const d = t.symbol?.declarations?.find(ts.isTypeParameterDeclaration);
  return d && params.has(d) ? d : undefined;
}

/** The type at position `i` of a tuple, or any element of an array. */
function elementType(checker: ts.TypeChecker, t: ts.Type, i: number): ts.Type | undefined {
  if (checker.isTupleType(t)) {
    const member = t.getProperty(String(i));
    return member ? checker.getTypeOfSymbol(member) : t.getNumberIndexType();
  }
  return checker.isArrayType(t) ? t.getNumberIndexType() : undefined;
}

/** The values given as each container type parameter anywhere in the app, by one walk over its calls. */
function given(checker: ts.TypeChecker, appSources: () => Iterable<ts.SourceFile>, isApp: (d: ts.Node) => boolean): Map<ts.TypeParameterDeclaration, ts.Expression[]> {
  const index = indexOf(checker, appSources);
  if (index.given) return index.given;
  const found = new Map<ts.TypeParameterDeclaration, ts.Expression[]>();
  const add = (p: ts.TypeParameterDeclaration, v: ts.Expression): void => {
    const list = found.get(p) ?? [];
    if (!list.length) found.set(p, list);
    list.push(v);
  };
  const visit = (n: ts.Node): void => {
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && mayBeContainerCall(checker, appSources, n)) givenAt(checker, n, isApp, add);
    ts.forEachChild(n, visit);
  };
  for (const sf of appSources()) visit(sf);
  return (index.given = found);
}

/** The arguments of one call that its container member declares as T (`handler: T`, `...hs: T[]`, the elements of a literal given for `T[]`). */
function givenAt(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, isApp: (d: ts.Node) => boolean, add: (p: ts.TypeParameterDeclaration, v: ts.Expression) => void): void {
  const args = call.arguments;
  const member = args?.length ? containerMember(checker, call, isApp) : undefined;
  if (!args || !member) return;
  const params = new Set(member.container.typeParameters ?? []);
  member.decl.parameters.forEach((p, i) => {
    const t = checker.getTypeAtLocation(p);
    const direct = typeParameterOf(t, params);
    const element = checker.isArrayType(t) ? typeParameterOf(t.getNumberIndexType() ?? t, params) : undefined;
    if (direct && !p.dotDotDotToken && args[i] && !ts.isSpreadElement(args[i])) add(direct, args[i]);
    if (!element) return;
    if (p.dotDotDotToken) args.slice(i).forEach((a) => ts.isSpreadElement(a) || add(element, a));
    else {
      const list = args[i] && skipWrappers(args[i]);
      if (list && ts.isArrayLiteralExpression(list)) list.elements.forEach((a) => ts.isSpreadElement(a) || add(element, a));
    }
  });
}
