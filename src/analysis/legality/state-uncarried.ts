/**
 * State that no migrated call carries: static fields of the app's classes, variables of
 * namespaces, globals, and the `exports` of a module that runs as CommonJS. Classes, namespaces
 * and modules cross as code (the clone loads its own copy of the build), so this state stays on
 * each side, and the clone's copy is the device's only while nothing changes it after load.
 * The syntax questions about it:
 * - which code runs when a module loads, on both sides alike (`isLoadTime`);
 * - whether a use of a value read from such a place may change it or hand it out, so that the
 *   two copies part or the device receives the clone's object in place of its own (`sharingUse`);
 * - which global a reference names (`globalAccess`), which `exports` property (`exportsAccess`).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode, isStatic, isWrapper } from '../../ids/methodIds.js';
import { accessOf, WRITE } from './state-syntax.js';
import { isLoadInvariant } from './state-kinds.js';
import { GLOBAL_OBJECTS } from '../symbols.js';

/** Static fields of the given classes, by the name a property access uses (`#x` for private ones). */
export function staticFieldsOf(classes: Iterable<ts.ClassLikeDeclaration>): Map<string, ts.PropertyDeclaration[]> {
  const out = new Map<string, ts.PropertyDeclaration[]>();
  for (const cls of classes) {
    for (const m of cls.members) {
      if (!ts.isPropertyDeclaration(m) || !isStatic(m)) continue;
      const name = ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : undefined;
      if (name !== undefined) (out.get(name) ?? out.set(name, []).get(name)!).push(m);
    }
  }
  return out;
}

/**
 * Whether `node` runs when the module `home` loads: in its top-level statements, or in a static
 * field initialiser or `static {}` block of a class declared there outside any function. Code in
 * another module is not, since the clone loads only the modules its migration points need.
 */
export function isLoadTime(node: ts.Node, home: ts.SourceFile): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (isMethodNode(n)) return false;
    if (ts.isPropertyDeclaration(n) && ts.isClassLike(n.parent) && !isStatic(n)) return false; // runs at `new`
    if (ts.isSourceFile(n)) return n === home;
  }
  return false;
}

/** Wrappers and their value: `(x as T)!` is x. */
function outer(e: ts.Node): ts.Node {
  let n = e;
  while (n.parent && isWrapper(n.parent)) n = n.parent;
  return n;
}

/** Types whose values are copies (primitives) or code (functions: judged where they are made). */
export function isImmutable(t: ts.Type): boolean {
  if (t.isUnion()) return t.types.every(isImmutable);
  const f = t.flags;
  if (f & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.EnumLike)) return true;
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Never | ts.TypeFlags.ESSymbolLike)) return true;
  return !(f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) && (t.getCallSignatures().length > 0 || t.getConstructSignatures().length > 0);
}

/** Methods of arrays, Maps, Sets, strings and iterators that change nothing (results are read on). */
const READERS = new Set([
  'get', 'has', 'at', 'includes', 'indexOf', 'lastIndexOf', 'slice', 'concat', 'join', 'map', 'filter', 'find', 'findLast', 'findIndex',
  'findLastIndex', 'some', 'every', 'forEach', 'reduce', 'reduceRight', 'flat', 'flatMap', 'keys', 'values', 'entries', 'toString',
  'toLocaleString', 'valueOf', 'toSorted', 'toReversed', 'toSpliced', 'with', 'hasOwnProperty', 'toJSON', 'toISOString', 'getTime',
]);
/** Methods of arrays, Maps and Sets that change them. */
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
/** Of those, the ones that make a new container of the same elements (or an iterator over them). */
const COPIES = new Set(['slice', 'concat', 'map', 'filter', 'flat', 'flatMap', 'keys', 'values', 'entries', 'toSorted', 'toReversed', 'toSpliced', 'with']);
/** Functions that read their argument and keep nothing of it (or copy it: the copy is read on). */
const PURE = new Set(['Object.keys', 'Object.values', 'Object.entries', 'Object.hasOwn', 'Object.getOwnPropertyNames', 'JSON.stringify', 'Array.isArray', 'Array.from', 'String', 'Number', 'Boolean', 'structuredClone', 'Object.isFrozen']);
/** Of those, the ones whose result holds the argument's own values. */
const PASS_VALUES = new Set(['Object.values', 'Object.entries', 'Array.from']);

/**
 * How a use of a value read from state that no call carries may change that value or hand it
 * out, or undefined when it only reads through it: reads of its properties and elements down to
 * copies (primitives), calls of methods that change nothing, comparisons, `typeof`, `in`, string
 * conversion. Anything else (a method that may change it, a property assigned, the value passed
 * to a function, returned, stored, iterated or spread with objects inside) says how, for a
 * sentence "... is <how>". A reference that is itself assigned is the caller's business.
 */
export function sharingUse(ref: ts.Expression, checker: ts.TypeChecker): string | undefined {
  let e: ts.Node = ref;
  for (let depth = 0; depth < 12; depth++) {
    if (isImmutable(checker.getTypeAtLocation(e))) return undefined;
    const n = outer(e);
    const p = n.parent;
    if (!p) return undefined;
    if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n) {
      const access = outer(p);
      if (accessOf(p) & WRITE) return `changed (a property assigned)`;
      if (access.parent && ts.isDeleteExpression(access.parent)) return 'changed (a property deleted)';
      if (access.parent && ts.isCallExpression(access.parent) && access.parent.expression === access) {
        const name = ts.isPropertyAccessExpression(p) ? p.name.text : ts.isStringLiteralLike(p.argumentExpression) ? p.argumentExpression.text : undefined;
        if (name === undefined) return 'maybe changed (a method of a computed name called)';
        if (!READERS.has(name)) return MUTATORS.has(name) ? `changed (.${name}() called)` : `maybe changed (.${name}() called)`;
        // A callback sees the elements: only copies are safe to hand it.
        const callback = access.parent.arguments.some((a) => checker.getTypeAtLocation(a).getCallSignatures().length > 0);
        if (callback && !elementsImmutable(checker, checker.getTypeAtLocation(n))) return `handed out (its elements, to .${name}()'s callback)`;
        if (COPIES.has(name) && elementsImmutable(checker, checker.getTypeAtLocation(access.parent))) return undefined;
        e = access.parent;
        continue;
      }
      e = p;
      continue;
    }
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      if (p.expression === n) return 'called';
      const callee = ts.isPropertyAccessExpression(p.expression) && ts.isIdentifier(p.expression.expression) ? `${p.expression.expression.text}.${p.expression.name.text}` : ts.isIdentifier(p.expression) ? p.expression.text : '';
      const copy = ts.isNewExpression(p) ? callee === 'Map' || callee === 'Set' : PASS_VALUES.has(callee);
      if (!copy && !PURE.has(callee)) return 'handed out (passed to a function)';
      if (!copy || elementsImmutable(checker, checker.getTypeAtLocation(p))) return undefined;
      e = p;
      continue;
    }
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (op === ts.SyntaxKind.EqualsToken || (op >= ts.SyntaxKind.FirstCompoundAssignment && op <= ts.SyntaxKind.LastCompoundAssignment)) return p.right === n ? 'handed out (stored elsewhere)' : undefined;
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken || (op === ts.SyntaxKind.CommaToken && p.right === n)) {
        e = p;
        continue;
      }
      return undefined; // comparisons, arithmetic, `in`, `instanceof`
    }
    if (ts.isConditionalExpression(p)) {
      if (p.condition === n) return undefined;
      e = p;
      continue;
    }
    if (ts.isTemplateSpan(p) && ts.isTaggedTemplateExpression(p.parent.parent)) return 'handed out (passed to a tag)';
    if (ts.isTypeOfExpression(p) || ts.isVoidExpression(p) || ts.isPrefixUnaryExpression(p) || ts.isTemplateSpan(p) || ts.isExpressionStatement(p)) return undefined;
    if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p) || ts.isSwitchStatement(p) || ts.isCaseClause(p) || ts.isForInStatement(p)) return undefined;
    if (ts.isForOfStatement(p) && p.expression === n) return elementsImmutable(checker, checker.getTypeAtLocation(n)) ? undefined : 'handed out (its elements, iterated)';
    if (ts.isSpreadElement(p)) return elementsImmutable(checker, checker.getTypeAtLocation(n)) ? undefined : 'handed out (its elements, spread)';
    if (ts.isSpreadAssignment(p)) return propertiesImmutable(checker, checker.getTypeAtLocation(n)) ? undefined : 'handed out (its properties, spread)';
    if (ts.isVariableDeclaration(p) && p.initializer === n && !ts.isIdentifier(p.name)) {
      return p.name.elements.every((el) => ts.isOmittedExpression(el) || isImmutable(checker.getTypeAtLocation(el))) ? undefined : 'handed out (destructured)';
    }
    return ts.isReturnStatement(p) || ts.isArrowFunction(p) ? 'handed out (returned)' : 'handed out';
  }
  return 'handed out';
}

/** Whether sharingUse's answer hands the value out (rather than changes it): that matters even as the module loads. */
/**
 * Whether a change made as the module loads (`at` the state's reference) stores a value each side
 * may compute differently: `C.level = process.argv.length`, `C.names.push(String(Math.random()))`
 * in a `static {}` block. The clone loads the module again and computes its own, so the two copies
 * part before any call; a literal, arithmetic of literals, `++` or a call without arguments does not.
 */
export function variesAtLoad(at: ts.Node): boolean {
  let e = outer(at);
  for (let depth = 0; depth < 12; depth++) {
    const p = e.parent;
    if (!p) return false;
    if (ts.isBinaryExpression(p) && p.left === e) return !isLoadInvariant(p.right);
    if (ts.isCallExpression(p) && p.expression === e) return depth > 0 && p.arguments.some((a) => ts.isSpreadElement(a) || !isLoadInvariant(a));
    if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === e) {
      e = outer(p);
      continue;
    }
    // `++`, `delete` and reads change nothing by a computed value; a destructuring target or a for-of variable may.
    return !ts.isPrefixUnaryExpression(p) && !ts.isPostfixUnaryExpression(p) && (accessOf(e) & WRITE) !== 0;
  }
  return true;
}

export function handsOut(how: string): boolean {
  return how.startsWith('handed out');
}

/**
 * Whether a value put into uncarried state (an initialiser, an assignment's right side) may be an
 * object that other code holds too: a variable or a property of one, not a value made there.
 */
export function sharesObject(e: ts.Expression, checker: ts.TypeChecker): boolean {
  while (isWrapper(e)) e = (e as ts.ParenthesizedExpression).expression;
  const named = ts.isIdentifier(e) ? e.text !== 'undefined' : ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e);
  return named && !isImmutable(checker.getTypeAtLocation(e));
}

function elementsImmutable(checker: ts.TypeChecker, t: ts.Type): boolean {
  if (t.isUnion()) return t.types.every((m) => elementsImmutable(checker, m));
  const args = checker.isArrayType(t) || checker.isTupleType(t) || /^(Readonly)?(Set|Map|Array)$/.test(t.getSymbol()?.getName() ?? '') ? checker.getTypeArguments(t as ts.TypeReference) : undefined;
  if (args) return args.every(isImmutable);
  if (isImmutable(t)) return true;
  const index = checker.getIndexTypeOfType(t, ts.IndexKind.Number);
  return index !== undefined && isImmutable(index);
}

function propertiesImmutable(checker: ts.TypeChecker, t: ts.Type): boolean {
  if (t.isUnion()) return t.types.every((m) => propertiesImmutable(checker, m));
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
  const index = checker.getIndexTypeOfType(t, ts.IndexKind.String);
  if (index && !isImmutable(index)) return false;
  return checker.getPropertiesOfType(t).every((p) => isImmutable(checker.getTypeOfSymbol(p)));
}


export type GlobalAccess =
  /** A global variable or a member chain on one: the root (`x`, or `globalThis.x`), its first member, whether this use writes. */
  | { root: ts.Node; rootName: string; member?: { name: string; node: ts.Node }; write: boolean }
  /** The global object handed to `Object.assign` and the like: the keys it sets ('*' when unknown). */
  | { call: ts.CallExpression; keys: string[] };

/**
 * A reference to a global (an identifier that no declaration of the app's code binds, or a global
 * object: `globalThis`, `window`, `self`, `global`): the global it names (its root, past the
 * global objects: `globalThis.window.x` is `x`; '*' for a computed key), its first member, and
 * whether this use writes it: assigned or deleted, also through its members
 * (`globalThis.cfg.debug = true`, `process.env.X = ''`), or the target of `Object.assign` and the
 * like. Calls of a global's methods write nothing here. Undefined for a global object used
 * otherwise (`typeof globalThis`).
 */
export function globalAccess(id: ts.Identifier): GlobalAccess | undefined {
  let n: ts.Node = outer(id);
  let root: ts.Node | undefined = GLOBAL_OBJECTS.has(id.text) ? undefined : id;
  let rootName = root ? id.text : '';
  const members: { name: string; node: ts.Node }[] = [];
  for (;;) {
    const p = n.parent;
    if (!p || !((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n)) break;
    const name = ts.isPropertyAccessExpression(p) ? p.name.text : ts.isStringLiteralLike(p.argumentExpression) || ts.isNumericLiteral(p.argumentExpression) ? p.argumentExpression.text : '*';
    n = outer(p);
    if (root) members.push({ name, node: p });
    else if (!GLOBAL_OBJECTS.has(name)) {
      root = p;
      rootName = name;
    }
  }
  if (!root) {
    const target = assignTarget(n);
    return target ? { call: target.call, keys: target.keys ?? ['*'] } : undefined;
  }
  const write = [root, ...members.map((m) => m.node)].some((x) => isWritten(outer(x)) || assignTarget(outer(x)) !== undefined);
  return members[0] ? { root, rootName, member: members[0], write } : { root, rootName, write };
}

/** Whether a use writes what it names: assigned (also compound or by destructuring), counted, or deleted. */
export function isWritten(n: ts.Node): boolean {
  return (accessOf(n) & WRITE) !== 0 || (!!n.parent && ts.isDeleteExpression(n.parent));
}

const ASSIGNERS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Reflect.set', 'Reflect.defineProperty', 'Reflect.deleteProperty', 'Object.setPrototypeOf']);

/** `Object.assign(n, ...)` and the like: the call, and the keys it sets when the source is an object literal. */
function assignTarget(n: ts.Node): { call: ts.CallExpression; keys?: string[] } | undefined {
  const p = n.parent;
  if (!p || !ts.isCallExpression(p) || p.arguments[0] !== n) return undefined;
  const callee = p.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const name = `${callee.expression.text}.${callee.name.text}`;
  if (!ASSIGNERS.has(name)) return undefined;
  const src = p.arguments[1];
  if (name === 'Object.assign' && p.arguments.length === 2 && src && ts.isObjectLiteralExpression(src)) {
    const keys: string[] = [];
    for (const prop of src.properties) {
      const k = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : undefined;
      if (k === undefined) return { call: p };
      keys.push(k);
    }
    return { call: p, keys };
  }
  if ((name === 'Object.defineProperty' || name === 'Reflect.set' || name === 'Reflect.defineProperty' || name === 'Reflect.deleteProperty') && src && ts.isStringLiteralLike(src)) return { call: p, keys: [src.text] };
  return { call: p };
}

/**
 * `exports.x` or `module.exports.x` (`id` is `exports` or `module`): the property access and
 * its name, or undefined for anything else.
 */
export function exportsAccess(id: ts.Identifier): { access: ts.Expression; name: string } | undefined {
  let n: ts.Node = outer(id);
  if (id.text === 'module') {
    const p = n.parent;
    if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== n || p.name.text !== 'exports') return undefined;
    n = outer(p);
  } else if (id.text !== 'exports') return undefined;
  const p = n.parent;
  if (!p) return undefined;
  if (ts.isPropertyAccessExpression(p) && p.expression === n) return { access: p, name: p.name.text };
  if (ts.isElementAccessExpression(p) && p.expression === n && ts.isStringLiteralLike(p.argumentExpression)) return { access: p, name: p.argumentExpression.text };
  return undefined;
}

/**
 * Whether a declaration is a CommonJS export of a JavaScript module: `exports.x = ...`,
 * `module.exports.x = ...`, or a property of the object literal in `module.exports = { ... }`.
 */
export function exportsDeclaration(decl: ts.Node): { name: string; node: ts.Node } | undefined {
  if ((ts.isPropertyAssignment(decl) || ts.isShorthandPropertyAssignment(decl) || ts.isMethodDeclaration(decl)) && ts.isObjectLiteralExpression(decl.parent)) {
    const assign = outer(decl.parent).parent;
    const name = ts.isIdentifier(decl.name) || ts.isStringLiteral(decl.name) ? decl.name.text : undefined;
    if (name === undefined || !assign || !ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isModuleExports(assign.left)) return undefined;
    return { name, node: decl.name };
  }
  const target = ts.isBinaryExpression(decl) ? decl.left : decl;
  if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return undefined;
  let base: ts.Expression = target.expression;
  if (ts.isPropertyAccessExpression(base) && base.name.text === 'exports' && ts.isIdentifier(base.expression) && base.expression.text === 'module') base = base.expression;
  else if (!(ts.isIdentifier(base) && base.text === 'exports')) return undefined;
  const name = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : undefined;
  return name === undefined ? undefined : { name, node: target };
}

/** `module.exports`. */
function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
}

/**
 * Names a module exports from its own variables (`export let x`, `let x; export { x }`,
 * `export default <expression>` as 'default'): compiled to CommonJS, they live as properties
 * of `exports`, or are copied there on every write.
 */
export function exportedVariables(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name);
  };
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) for (const d of st.declarationList.declarations) bind(d.name);
    else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) out.add((el.propertyName ?? el.name).text);
    } else if (ts.isExportAssignment(st) && !st.isExportEquals) out.add('default');
  }
  return out;
}

/**
 * Whether the run-time runs a migrated function as a copy at its module's top level on the
 * clone: neither a class member (reached through its class) nor a top-level function.
 */
export function isCopiedToTop(fn: ts.FunctionLikeDeclaration): boolean {
  return !ts.isClassLike(fn.parent) && !isTopLevelFunction(fn);
}

/** `function f` at the top of a module, or a function bound to a top-level const (`const f = () => ...`). */
function isTopLevelFunction(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isFunctionDeclaration(fn)) return ts.isSourceFile(fn.parent);
  const decl = fn.parent;
  if (!(ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) || !ts.isVariableDeclaration(decl) || decl.initializer !== fn || !ts.isIdentifier(decl.name)) return false;
  const list = decl.parent;
  return (list.flags & ts.NodeFlags.Const) !== 0 && ts.isSourceFile(list.parent.parent);
}
