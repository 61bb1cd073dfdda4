/**
 * One pass over each app file's compiler nodes (no ts-morph wrappers, type nodes skipped) that
 * collects what the call graph resolves, each with the method that owns it:
 * - calls: call, `new`, tagged template and JSX element sites;
 * - members: property reads/writes that may run a getter/setter or hand out a method as a value;
 * - reads: properties read by destructuring (`const { size } = box`, a parameter `{ size }`),
 *   which may run a getter too;
 * - refs: identifiers used as values (not called), which may hand out a function;
 * - escapes: function expressions created in a method and not bound to a name (a callback passed
 *   along, returned or stored anonymously): the owner gets a 'callback' edge to them;
 * - stores: `x.name = v`, `x[k] = v` assignments of a value that may be a function (a function
 *   written in place, a name, a call, ...) or hold one (an array literal), for calls through the
 *   property and its elements (callgraph/stores.ts).
 * - implicit: where the language runs app code without a call written there (callgraph/implicit.ts):
 *   iteration (`for…of`, a spread, array destructuring, `yield*`), conversion (a template's
 *   operand, the operands of arithmetic and comparisons), and what runs a proxy's traps besides
 *   reads and writes (`in`, `delete`, `for…in`, an object spread).
 * Nothing here asks the checker; filtering by name happens afterwards.
 */
import { ts } from '../typescript.cjs';
import { climbWrappers, isMethodNode } from '../ids/methodIds.js';
import type { MethodTable } from './methods.js';
import type { AppFile } from './project.js';
import { skipWrappers } from './expressions.js';

export type CallSite = ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression | ts.JsxOpeningLikeElement;
export interface Owned<T> {
  node: T;
  owner: string;
}

export interface LiteralMember {
  name: string;
  lit: ts.ObjectLiteralExpression;
  fn?: ts.Node;
  value?: ts.Expression | ts.ShorthandPropertyAssignment;
}

/** A literal member under a computed key (`[matcher]() {}`, `[K]: f`): named by the key's type later (callgraph/keyed-members.ts). */
export interface KeyedLiteralMember {
  key: ts.ComputedPropertyName;
  lit: ts.ObjectLiteralExpression;
  fn?: ts.Node;
  value?: ts.Expression;
}

/** `left = value` into a property: `name` is undefined for a computed key (resolved by its type later). */
export interface Store {
  name: string | undefined;
  left: ts.PropertyAccessExpression | ts.ElementAccessExpression;
  value: ts.Expression;
}

/** `left = value` into a variable or parameter. */
export interface Assign {
  left: ts.Identifier;
  value: ts.Expression;
}

export interface FileSites {
  file: AppFile;
  /** Owner '' for calls at top level (no edge, but their arguments feed parameter flow). */
  calls: Owned<CallSite>[];
  members: Owned<ts.PropertyAccessExpression | ts.ElementAccessExpression>[];
  reads: Owned<ts.BindingElement>[];
  refs: Owned<ts.Identifier>[];
  escapes: Owned<ts.FunctionLikeDeclaration>[];
  stores: Store[];
  /** `x = value` into a variable or parameter, of any value (callgraph/stores.ts). */
  assigns: Assign[];
  /**
   * Members of object literals, for interface calls (see implementations.ts): a function written in
   * place (`fn`), or any other value (`{ scan: scanNext }`, shorthand `{ f }`), resolved later.
   */
  literalFns: LiteralMember[];
  /** Members of object literals under a computed key, not yet named (literalFns gets them once named). */
  keyed: KeyedLiteralMember[];
  /** Names of variables initialised by something that may be a function (for filtering refs). */
  boundNames: string[];
  /** Expressions the language iterates or converts (callgraph/implicit.ts). */
  implicit: Owned<ImplicitUse>[];
  /** `@d` on a class, member or parameter: owned by the code that defines the class ('' at top level; callgraph/decorators.ts). */
  decorators: Owned<ts.Decorator>[];
}

/** An expression iterated (`async` for `for await`), converted to a primitive, or disposed at the end of its scope (`using`, `await using`). */
export interface ImplicitUse {
  /** 'has' (`k in x`), 'delete' (`delete x.k`), 'keys' (`for (k in x)`, `{ ...x }`): what a proxy's traps see. */
  how: 'iterate' | 'convert' | 'has' | 'delete' | 'keys' | 'instanceof' | 'dispose';
  expr: ts.Expression;
  async?: true;
}

function isCallLike(node: ts.Node): node is CallSite {
  return ts.isCallExpression(node) || ts.isNewExpression(node);
}

function isLiteral(e: ts.Expression): boolean {
  return ts.isLiteralExpression(e) || ts.isArrayLiteralExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword;
}

export function walkFile(file: AppFile, table: MethodTable): FileSites {
  const out: FileSites = { file, calls: [], members: [], refs: [], reads: [], escapes: [], stores: [], assigns: [], literalFns: [], keyed: [], boundNames: [], implicit: [], decorators: [] };
  // The owner where each class is defined: its decorators are evaluated and applied there, not in the member they decorate.
  const definedIn = new Map<ts.ClassLikeDeclaration, string | undefined>();
  // The owner of the node's parent: its children are visited with one shared callback, not a
  // closure made per node (this walk sees every node of the app).
  let outerOwner: string | undefined;
  const visitChild = (c: ts.Node): undefined => {
    visit(c, outerOwner);
    return undefined;
  };
  const visit = (node: ts.Node, owner: string | undefined): void => {
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return;
    const init = table.initOwner.get(node);
    if (init) owner = init;
    const decorated = ts.isDecorator(node) ? decoratedClass(node) : undefined;
    if (decorated) {
      owner = definedIn.get(decorated);
      out.decorators.push({ node: node as ts.Decorator, owner: owner ?? '' });
    }
    if (ts.isClassLike(node)) definedIn.set(node, owner);
    if (isMethodNode(node)) {
      if (owner && !isBound(node)) out.escapes.push({ node, owner });
      owner = table.idOf.get(node);
      literalMember(node, out);
    } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) literalValue(node, out);
    if (owner) collect(node, owner, out);
    else if (ts.isBinaryExpression(node)) store(node, out);
    else if (isCallLike(node)) out.calls.push({ node, owner: '' }); // top level: only for parameter flow
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !isLiteral(node.initializer)) {
      out.boundNames.push(node.name.text);
    }
    const outer = outerOwner;
    outerOwner = owner;
    ts.forEachChild(node, visitChild);
    outerOwner = outer;
  };
  ts.forEachChild(file.sf, visitChild);
  return out;
}

/** The class a decorator belongs to: its own (`@d class`), its member's or its parameter's. */
function decoratedClass(d: ts.Decorator): ts.ClassLikeDeclaration | undefined {
  let p: ts.Node | undefined = d.parent;
  if (p && ts.isParameter(p)) p = p.parent;
  if (p && !ts.isClassLike(p)) p = p.parent;
  return p && ts.isClassLike(p) ? p : undefined;
}

function collect(node: ts.Node, owner: string, out: FileSites): void {
  switch (node.kind) {
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
    case ts.SyntaxKind.JsxOpeningElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
      out.calls.push({ node: node as CallSite, owner });
      return;
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      if (!isCallee(node)) out.members.push({ node: node as ts.PropertyAccessExpression, owner });
      return;
    case ts.SyntaxKind.Identifier:
      if (isValueRef(node as ts.Identifier)) out.refs.push({ node: node as ts.Identifier, owner });
      return;
    case ts.SyntaxKind.BinaryExpression:
      store(node as ts.BinaryExpression, out);
      converted(node as ts.BinaryExpression, owner, out);
      return;
    case ts.SyntaxKind.ForOfStatement: {
      const f = node as ts.ForOfStatement;
      out.implicit.push({ node: { how: 'iterate', expr: f.expression, ...(f.awaitModifier ? { async: true as const } : {}) }, owner });
      return;
    }
    case ts.SyntaxKind.SpreadElement:
      out.implicit.push({ node: { how: 'iterate', expr: (node as ts.SpreadElement).expression }, owner });
      return;
    case ts.SyntaxKind.YieldExpression: {
      const y = node as ts.YieldExpression;
      if (y.asteriskToken && y.expression) out.implicit.push({ node: { how: 'iterate', expr: y.expression }, owner });
      return;
    }
    case ts.SyntaxKind.VariableDeclaration: {
      const d = node as ts.VariableDeclaration;
      if (ts.isArrayBindingPattern(d.name) && d.initializer) out.implicit.push({ node: { how: 'iterate', expr: d.initializer }, owner });
      // `using r = open()`: r's [Symbol.dispose] runs when the block ends (`await using`: [Symbol.asyncDispose]).
      const scoped = ts.isVariableDeclarationList(d.parent) ? d.parent.flags & ts.NodeFlags.BlockScoped : 0;
      if (d.initializer && (scoped === ts.NodeFlags.Using || scoped === ts.NodeFlags.AwaitUsing)) {
        out.implicit.push({ node: { how: 'dispose', expr: d.initializer, ...(scoped === ts.NodeFlags.AwaitUsing ? { async: true as const } : {}) }, owner });
      }
      return;
    }
    case ts.SyntaxKind.ForInStatement:
      out.implicit.push({ node: { how: 'keys', expr: (node as ts.ForInStatement).expression }, owner });
      return;
    case ts.SyntaxKind.SpreadAssignment:
      out.implicit.push({ node: { how: 'keys', expr: (node as ts.SpreadAssignment).expression }, owner });
      return;
    case ts.SyntaxKind.DeleteExpression: {
      const target = skipWrappers((node as ts.DeleteExpression).expression);
      if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) out.implicit.push({ node: { how: 'delete', expr: target.expression }, owner });
      return;
    }
    case ts.SyntaxKind.TemplateSpan:
      out.implicit.push({ node: { how: 'convert', expr: (node as ts.TemplateSpan).expression }, owner });
      return;
    case ts.SyntaxKind.BindingElement:
      if (ts.isObjectBindingPattern(node.parent)) out.reads.push({ node: node as ts.BindingElement, owner });
      return;
  }
}

/** Operators that convert an object operand to a primitive (valueOf, toString, Symbol.toPrimitive). */
const CONVERTING = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
]);

function converted(b: ts.BinaryExpression, owner: string, out: FileSites): void {
  if (b.operatorToken.kind === ts.SyntaxKind.InKeyword) out.implicit.push({ node: { how: 'has', expr: b.right }, owner });
  if (b.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) out.implicit.push({ node: { how: 'instanceof', expr: b.right }, owner });
  if (!CONVERTING.has(b.operatorToken.kind)) return;
  out.implicit.push({ node: { how: 'convert', expr: b.left }, owner }, { node: { how: 'convert', expr: b.right }, owner });
}

/** `x = v`, and `x ||= v`, `x &&= v`, `x ??= v`, which store v into x when they assign (hono's `replaceRequest ||= ...`). */
const STORING: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken]);

/** Whether an assignment operator stores its right side into its left (see STORING). */
export function isStoringOperator(kind: ts.SyntaxKind): boolean {
  return STORING.has(kind);
}

/** A property's name as written, when it is a plain name, string or number. */
export function propName(n: ts.PropertyName): string | undefined {
  return ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) ? n.text : undefined;
}

function store(b: ts.BinaryExpression, out: FileSites): void {
  if (!isStoringOperator(b.operatorToken.kind)) return;
  storeInto(b.left, b.right, out);
}

/**
 * `left = right`; a destructuring assignment of a literal pairs each target with the part it takes
 * (`[this.a, this.b] = [x, y]`, `({ out: this.out } = { out: o })`). A default in the pattern
 * (`[this.a = f] = []`) is an assignment of its own, met by the walk.
 */
function storeInto(target: ts.Expression, source: ts.Expression, out: FileSites): void {
  const value = skipWrappers(source);
  const left = skipWrappers(target);
  if (ts.isArrayLiteralExpression(left) && ts.isArrayLiteralExpression(value) && !value.elements.some(ts.isSpreadElement)) {
    left.elements.forEach((el, i) => {
      const part = value.elements[i];
      if (part && !ts.isSpreadElement(el) && !ts.isOmittedExpression(el)) storeInto(el, part, out);
    });
    return;
  }
  if (ts.isObjectLiteralExpression(left) && ts.isObjectLiteralExpression(value)) {
    for (const p of left.properties) {
      const name = p.name && propName(p.name);
      const part = name === undefined ? undefined : literalPart(value, name);
      if (!part) continue;
      if (ts.isPropertyAssignment(p)) storeInto(p.initializer, part, out);
      else if (ts.isShorthandPropertyAssignment(p)) storeInto(p.name, part, out);
    }
    return;
  }
  // Any value: device values (legality/device-values.ts) follow objects, not only functions.
  if (ts.isIdentifier(left)) out.assigns.push({ left, value });
  if (!mayBeFunction(value)) return;
  if (ts.isPropertyAccessExpression(left)) out.stores.push({ name: left.name.text, left, value });
  else if (ts.isElementAccessExpression(left)) {
    const k = left.argumentExpression;
    out.stores.push({ name: ts.isStringLiteralLike(k) || ts.isNumericLiteral(k) ? k.text : undefined, left, value });
  }
}

/** The value a literal gives property `name` (the last one written, as at run time), unless a spread may override it. */
function literalPart(lit: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (let i = lit.properties.length - 1; i >= 0; i--) {
    const p = lit.properties[i]!;
    if (ts.isSpreadAssignment(p)) return undefined;
    if ((p.name && propName(p.name)) !== name) continue;
    return ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
  }
  return undefined;
}

/** Values that may evaluate to a function or hold one (arithmetic and `undefined` cannot). */
function mayBeFunction(e: ts.Expression): boolean {
  // An array literal's elements may be (`this.handlers = [a, b]`, `this.items = [...this.items, f]`),
  // an object literal's members (`this.opts = { ...defaults, ...opts }`: a device value in them too),
  // and what `new` makes may be or hold one (`new Map([['k', f]])`, `new Proxy(fn, traps)`).
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isNewExpression(e)) return true;
  if (isMethodNode(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e) || ts.isConditionalExpression(e)) return true;
  if (ts.isIdentifier(e)) return e.text !== 'undefined';
  if (ts.isAwaitExpression(e)) return true;
  if (!ts.isBinaryExpression(e)) return false;
  const k = e.operatorToken.kind;
  return k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.CommaToken || k === ts.SyntaxKind.EqualsToken;
}

function literalMember(fn: ts.FunctionLikeDeclaration, out: FileSites): void {
  const e = climbWrappers(fn);
  const p = e.parent;
  const host = p && ts.isPropertyAssignment(p) ? p : fn;
  if (!ts.isObjectLiteralExpression(host.parent)) return;
  const name = (host as ts.PropertyAssignment | ts.MethodDeclaration).name;
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) out.literalFns.push({ name: name.text, fn, lit: host.parent });
  else if (name && ts.isComputedPropertyName(name)) out.keyed.push({ key: name, fn, lit: host.parent });
}

/** A literal member whose value is not a function written in place: it may still hold one. */
function literalValue(p: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, out: FileSites): void {
  if (!ts.isObjectLiteralExpression(p.parent)) return;
  if (ts.isPropertyAssignment(p) && ts.isComputedPropertyName(p.name)) {
    const v = skipWrappers(p.initializer);
    if (!isMethodNode(v) && !isLiteral(v) && !ts.isObjectLiteralExpression(v)) out.keyed.push({ key: p.name, lit: p.parent, value: v });
    return;
  }
  if (!(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return;
  if (ts.isShorthandPropertyAssignment(p)) {
    out.literalFns.push({ name: p.name.text, lit: p.parent, value: p });
    return;
  }
  const v = skipWrappers(p.initializer);
  if (isMethodNode(v) || isLiteral(v) || ts.isObjectLiteralExpression(v) || ts.isTemplateExpression(v) || ts.isPrefixUnaryExpression(v)) return;
  out.literalFns.push({ name: p.name.text, lit: p.parent, value: v });
}

/** The expression called by a call/new/tagged template (then it is resolved as a call, not a value). */
export function isCallee(node: ts.Node): boolean {
  const e = climbWrappers(node);
  const p = e.parent;
  if (!p) return false;
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === e) return true;
  return ts.isTaggedTemplateExpression(p) && p.tag === e;
}

/** An identifier read as a value that is neither called, nor the receiver of a member access, nor a name. */
function isValueRef(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p || isCallee(id)) return false;
  if (ts.isShorthandPropertyAssignment(p)) return true;
  if ((p as ts.NamedDeclaration).name === id) return false;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id && isFnMember(p.name.text);
  if (ts.isElementAccessExpression(p)) return p.argumentExpression === id;
  if (ts.isQualifiedName(p) || ts.isTypeOfExpression(p) || ts.isExportSpecifier(p) || ts.isImportSpecifier(p)) return false;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) {
    return p.name !== id && (p as ts.PropertyAssignment).initializer === id;
  }
  if (ts.isDeclarationStatement(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) {
    return (p as ts.NamedDeclaration).name !== id;
  }
  if (ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return false;
  if (ts.isJsxAttribute(p) || ts.isJsxOpeningElement(p) || ts.isJsxSelfClosingElement(p) || ts.isJsxClosingElement(p)) return false;
  return !(ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p) || ts.isMetaProperty(p));
}

/** `f.call(...)`, `f.apply(...)`, `f.bind(...)`: the function itself is the value used. */
export function isFnMember(name: string): boolean {
  return name === 'call' || name === 'apply' || name === 'bind';
}

/**
 * A function bound to a name or property is resolved where it is called or handed out; an
 * unbound one (argument, returned, array element, method of an anonymous object literal)
 * escapes from its creator, which we treat as calling it (sound for callbacks).
 */
function isBound(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isFunctionDeclaration(fn) || ts.isConstructorDeclaration(fn)) return true;
  const e = climbWrappers(fn);
  const p = e.parent;
  if (!p) return true;
  if (ts.isClassLike(p)) return true; // class members
  if (ts.isCallExpression(p) && p.expression === e) return true; // IIFE: a direct call
  if (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isExportAssignment(p)) return true;
  if (ts.isBinaryExpression(p) && p.right === e && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return true;
  if (ts.isObjectLiteralExpression(p) || ts.isPropertyAssignment(p)) {
    const lit = ts.isObjectLiteralExpression(p) ? p : p.parent;
    return isBoundLiteral(lit);
  }
  return false;
}

function isBoundLiteral(lit: ts.ObjectLiteralExpression): boolean {
  const e = climbWrappers(lit);
  const p = e.parent;
  if (!p) return false;
  if (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isExportAssignment(p)) return true;
  if (ts.isBinaryExpression(p) && p.right === e) return true;
  return ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent) && isBoundLiteral(p.parent);
}
