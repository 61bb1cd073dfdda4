/**
 * Method ids from the syntax tree alone (no type checker), so that the analyzer and the run-time
 * recorder name methods with the same code. See DESIGN.md "Names that everything shares".
 *
 * The source file must have parent pointers (`ts.createSourceFile(..., setParentNodes = true)`;
 * ts-morph always sets them).
 *
 * Edge cases, decided here once:
 * - `export default function () {}`, `export default () => {}`, `export = ...` and
 *   `export default class {}` are named `default`.
 * - A named function expression that is not bound to anything keeps its own name (`main.cb`).
 * - `this.x = fn` is named under the owner of `this`: the class for class members
 *   (`Class.x`), the function itself for plain functions (`Foo.x` inside `function Foo`).
 * - Other dotted assignments nest under the enclosing name (`init.marked.setOptions` inside
 *   `init`, plain `marked.setOptions` at top level). `a['b'] = fn` counts as `a.b`.
 * - Unbound object literals add no segment; their function properties are named by key
 *   (`main.handler` for `use({ handler() {} })`). Bound object literals, classes and
 *   function-likes each have their own `<anonymous N>` counter.
 * - Computed keys keep their source text in brackets (`Foo.[Symbol.iterator]`), private
 *   names keep `#` (`Foo.#secret`).
 * - A getter and its setter share one id (and one anonymous counter). Every other clash
 *   (same name declared in two blocks, two classes with one name) is disambiguated by
 *   appending `~2`, `~3`, ... to the later declaration in source order; names nested in it
 *   build on the suffixed id. Overload signatures have no body and get no id.
 */
import { ts } from '../typescript.cjs';

export interface MethodIdEntry {
  node: ts.Node;
  id: string;
  /** 1-based line of the node's first token. */
  line: number;
}

// Kinds read once: each `ts.isX` is a getter on the compiler's module object (a dictionary of
// 2,000 names), and these two tests run on every node of every walk.
const K = ts.SyntaxKind;
const METHOD_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor]);
const WRAPPER_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([K.ParenthesizedExpression, K.AsExpression, K.SatisfiesExpression, K.TypeAssertionExpression, K.NonNullExpression]);

/** Function-like nodes that can run: declarations/expressions/arrows/methods/ctors/accessors with a body. */
export function isMethodNode(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return METHOD_KINDS.has(node.kind) && (node as ts.FunctionLikeDeclaration).body !== undefined;
}

/** The innermost method node that contains `node` (not `node` itself), if any. */
export function enclosingMethodNode(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p = node.parent; p; p = p.parent) if (isMethodNode(p)) return p;
  return undefined;
}

/** Splits `path#name` at the first `#`. */
export function parseMethodId(id: string): { file: string; name: string } {
  const i = id.indexOf('#');
  return i < 0 ? { file: id, name: '' } : { file: id.slice(0, i), name: id.slice(i + 1) };
}

interface Scope {
  /** Qualified name, '' at top level. */
  name: string;
  anon: number;
  /** What `this.x = fn` is named under. */
  thisOwner: string;
}

const join = (a: string, b: string): string => (a ? `${a}.${b}` : b);

/** Every method of the file with its id, in source order. */
export function methodIdsOf(sourceFile: ts.SourceFile, relPath: string): MethodIdEntry[] {
  return namesOf(sourceFile, relPath).methods;
}

/**
 * Every method of the file with its id, and every class with the qualified id its members build
 * on (`src/a.ts#Lexer`), in one walk, so the analyzer can name what has no node of its own: an
 * implicit constructor that runs field initialisers (`Lexer.constructor`) and static
 * initialisation (`Lexer.static.<init>`).
 */
export function idsOf(sourceFile: ts.SourceFile, relPath: string): { methods: MethodIdEntry[]; classes: Map<ts.ClassLikeDeclaration, string> } {
  return namesOf(sourceFile, relPath);
}

function namesOf(sourceFile: ts.SourceFile, relPath: string): { methods: MethodIdEntry[]; classes: Map<ts.ClassLikeDeclaration, string> } {
  const out: MethodIdEntry[] = [];
  const classes = new Map<ts.ClassLikeDeclaration, string>();
  // id -> scope and accessor kind, to share getter/setter ids and to detect clashes
  const used = new Map<string, { scope: Scope; accessor?: ts.SyntaxKind }>();
  const claimed = new Set<string>(); // scope names of classes/objects, for clashes among them

  const unique = (name: string, taken: (n: string) => boolean): string => {
    if (!taken(name)) return name;
    for (let k = 2; ; k++) if (!taken(`${name}~${k}`)) return `${name}~${k}`;
  };

  const anon = (scope: Scope): string => `<anonymous ${++scope.anon}>`;

  // The scope of the node being visited: each node's children are visited with one shared
  // callback, not a closure made per node (this walk sees every node of the app).
  let current: Scope = { name: '', anon: 0, thisOwner: '' };
  const visitChild = (c: ts.Node): undefined => {
    visit(c, current);
    return undefined;
  };
  const within = (node: ts.Node, inner: Scope): void => {
    const outer = current;
    current = inner;
    ts.forEachChild(node, visitChild);
    current = outer;
  };

  const visit = (node: ts.Node, scope: Scope): void => {
    if (isMethodNode(node)) {
      const name = join(...qualify(node, scope));
      const accessor = ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) ? node.kind : undefined;
      const prev = used.get(name);
      let own: Scope;
      let full = name;
      if (prev && accessor !== undefined && prev.accessor !== undefined && prev.accessor !== accessor) {
        own = prev.scope; // the setter of a getter (or vice versa): same id, same counter
        prev.accessor = -1 as ts.SyntaxKind; // the pair is complete; a third one clashes
      } else {
        full = unique(name, (n) => used.has(n) || claimed.has(n));
        const ownThis = ts.isArrowFunction(node)
          ? scope.thisOwner
          : ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)
            ? full
            : scope.name; // class/object members: `this` is the class/object
        own = { name: full, anon: 0, thisOwner: ownThis };
        used.set(full, { scope: own, accessor });
      }
      out.push({ node, id: `${relPath}#${full}`, line: lineOf(sourceFile, node) });
      within(node, own);
      return;
    }
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const b = node.name ? undefined : binding(node, scope);
      const seg = node.name?.text ?? (b ? join(...b) : join(scope.name, hasDefault(node) ? 'default' : anon(scope)));
      const name = unique(node.name ? join(scope.name, seg) : seg, (n) => claimed.has(n));
      claimed.add(name);
      classes.set(node, `${relPath}#${name}`);
      within(node, { name, anon: 0, thisOwner: name });
      return;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const b = binding(node, scope);
      if (b) {
        const name = unique(join(...b), (n) => claimed.has(n));
        claimed.add(name);
        // A scope of its own for each member (their anonymous functions are counted apart).
        ts.forEachChild(node, (c) => visit(c, { name, anon: 0, thisOwner: scope.thisOwner }));
        return;
      }
    }
    within(node, scope);
  };

  /** [prefix, own segment] of a method node in `scope`. */
  const qualify = (node: ts.FunctionLikeDeclaration, scope: Scope): [string, string] => {
    const staticSeg = (n: ts.Node): string => (isStatic(n) ? 'static.' : '');
    if (ts.isConstructorDeclaration(node)) return [scope.name, 'constructor'];
    if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
      return [scope.name, staticSeg(node) + propName(node.name, sourceFile)];
    }
    if (ts.isFunctionDeclaration(node)) {
      return [scope.name, node.name?.text ?? (hasDefault(node) ? 'default' : anon(scope))];
    }
    const bound = binding(node, scope);
    if (bound) return bound;
    if (ts.isFunctionExpression(node) && node.name) return [scope.name, node.name.text];
    return [scope.name, anon(scope)];
  };

  /** [prefix, path] when the expression is stored somewhere with a name. */
  const binding = (node: ts.Node, scope: Scope): [string, string] | undefined => {
    const e = climbWrappers(node);
    const p = e.parent;
    if (!p) return undefined;
    if (ts.isVariableDeclaration(p) && p.initializer === e && ts.isIdentifier(p.name)) return [scope.name, p.name.text];
    if (ts.isPropertyAssignment(p) && p.initializer === e) return [scope.name, propName(p.name, sourceFile)];
    if (ts.isPropertyDeclaration(p) && p.initializer === e) {
      return [scope.name, (isStatic(p) ? 'static.' : '') + propName(p.name, sourceFile)];
    }
    if (ts.isExportAssignment(p)) return [scope.name, 'default'];
    if (ts.isBinaryExpression(p) && p.right === e && isAssignOp(p.operatorToken.kind)) {
      const path = dottedPath(p.left);
      if (!path) return undefined;
      if (path[0] === 'this') return path.length > 1 ? [scope.thisOwner, path.slice(1).join('.')] : undefined;
      return [scope.name, path.join('.')];
    }
    return undefined;
  };
  ts.forEachChild(sourceFile, visitChild);
  return { methods: out, classes };
}

const cache = new WeakMap<ts.SourceFile, Map<string, Map<ts.Node, string>>>();

/** The id of one method node (undefined for other nodes); computes the whole file once and caches it. */
export function methodIdOf(node: ts.Node, relPath: string): string | undefined {
  const sf = node.getSourceFile();
  let byPath = cache.get(sf);
  if (!byPath) cache.set(sf, (byPath = new Map()));
  let ids = byPath.get(relPath);
  if (!ids) byPath.set(relPath, (ids = new Map(methodIdsOf(sf, relPath).map((e) => [e.node, e.id]))));
  return ids.get(node);
}

function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

function hasDefault(node: ts.Node): boolean {
  return hasModifier(node, ts.SyntaxKind.DefaultKeyword);
}

/** Whether a class member (method, accessor, property) is declared `static`. */
export function isStatic(node: ts.Node): boolean {
  return hasModifier(node, ts.SyntaxKind.StaticKeyword);
}

/** Whether a function is declared `async` (an async generator too). */
export function isAsync(node: ts.Node): boolean {
  return hasModifier(node, ts.SyntaxKind.AsyncKeyword);
}

/** Parentheses, `as`, `satisfies`, `<T>x` and `x!`: they do not change which value an expression is. */
export function isWrapper(n: ts.Node): boolean {
  return WRAPPER_KINDS.has(n.kind);
}

/** The outermost expression that is `node` inside wrappers (`((f as F))` for `f`). */
export function climbWrappers(node: ts.Node): ts.Node {
  let e = node;
  while (e.parent && isWrapper(e.parent)) e = e.parent;
  return e;
}

function isAssignOp(k: ts.SyntaxKind): boolean {
  return (
    k === ts.SyntaxKind.EqualsToken ||
    k === ts.SyntaxKind.BarBarEqualsToken ||
    k === ts.SyntaxKind.AmpersandAmpersandEqualsToken ||
    k === ts.SyntaxKind.QuestionQuestionEqualsToken
  );
}

/** `a.b.c` / `this.x` / `a['b']` as segments; undefined for anything dynamic. */
function dottedPath(e: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(e)) return [e.text];
  if (e.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(e)) {
    const head = dottedPath(e.expression);
    return head && [...head, e.name.text];
  }
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) {
    const head = dottedPath(e.expression);
    return head && [...head, e.argumentExpression.text];
  }
  if (isWrapper(e)) return dottedPath((e as ts.ParenthesizedExpression).expression);
  return undefined;
}

function propName(name: ts.PropertyName, sf: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) {
    return name.text;
  }
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return name.getText(sf).replace(/\s+/g, ' '); // computed: `[Symbol.iterator]`
}
