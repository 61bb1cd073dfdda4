/**
 * Libraries the app configures on the device. The run-time carries the app's own state, never a
 * library's: on the clone a library's state is what loading it there made. An app that changes
 * it after load (`dayjs.locale(lang)` or `Handlebars.registerHelper(...)` in a setup function,
 * `axios.defaults.baseURL = url`) has a device copy that the clone's copy is not: a migrated
 * `when()` formatting a date through dayjs printed 'Thursday 1 January' for 'jeudi 1 janvier'.
 * Such a package is the device's: every use of what the app imports from it pins (pinning.ts),
 * the reason naming where the app changes it.
 *
 * A change is read from the app's syntax at a reference to a binding imported from a package (not
 * a path the program resolves to the app's own files), or from one of Node's modules but for a
 * dropped call (there, calls act on what they are handed: timers, streams, the console) and
 * `process` (the process global, which the catalog and the state rule judge):
 * - a write under it: `lib.x = v`, `lib.a.b += 1`, `lib.n++`, `delete lib.x`,
 *   `Object.assign(lib.defaults, o)` (also `defineProperty`, `defineProperties`, `setPrototypeOf`);
 * - a changing method of a container it holds: `lib.plugins.push(p)` (`set`, `add`, `delete`, ...);
 * - a call into it whose result is dropped (a statement, perhaps awaited or voided), also through
 *   calls that return the library itself (`i18next.use(backend).init(options)`), handing it
 *   nothing of the app's that the call could be changing instead: each argument is a literal,
 *   a fresh object or array, a function, a primitive value or an import (`_.set(obj, k, v)` and
 *   `_.forEach(list, f)` work on the app's objects). A call with a type predicate (`asserts x`,
 *   `x is T`) checks and changes nothing, one typed `never` throws; an imported function
 *   handed only functions written there (`batch(() => ...)`, `act(() => ...)`) is taken for
 *   running them (a member of the library so called, `interceptors.use((c) => ...)`, is not).
 * In code that runs as its module loads, with values fixed at load and outside any branch
 * (`Handlebars.registerHelper('x', fn)` at the top of a module), the change happens on the clone
 * as it loads too, and is not one.
 * Not seen: a change through a value the library made (`const api = axios.create();
 * api.defaults.x = 1`, state the app holds), a concise arrow's result (`() => dayjs.locale('fr')`),
 * a library changing itself when handed the app's objects or only inline functions (`autorun(() =>
 * ...)`). A call that changes nothing but is written as one (`await delay(10)`) counts: `allow:`
 * releases a method.
 */
import { isBuiltin } from 'node:module';
import { ts } from '../../typescript.cjs';
import { isWrapper } from '../../ids/methodIds.js';
import { loadsOf, symbolsOf } from './load-bindings.js';
import { fileLine, siteOf, type AppFile, type LoadedApp } from '../project.js';
import { isAssignment, isLoadInvariant } from './state-kinds.js';
import { isProcessModule, isValueReference } from './device-value-syntax.js';
import { skipWrappers } from '../expressions.js';
import { isImmutable, isLoadTime } from './state-uncarried.js';
import { packageName } from './device-libraries.js';

/** The first change the app makes to a package's state on the device, by package name. */
export type LibraryChanges = Map<string, { site: string; text: string }>;

/** Members whose call changes the container they are called on. */
const CHANGING_METHODS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);
/** `Object.x(target, ...)` that change `target`. */
const OBJECT_WRITERS = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);

export function libraryChanges(app: LoadedApp): LibraryChanges {
  const appFiles = new Set(app.files.map((f) => f.sf));
  const out: LibraryChanges = new Map();
  for (const file of app.files) {
    const bindings = packageBindings(app.checker, file.sf, appFiles);
    if (!bindings.size) continue;
    const names = new Set([...bindings.keys()].map((s) => s.name));
    const visit = (node: ts.Node): void => {
      if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
      if (ts.isIdentifier(node) && names.has(node.text) && isValueReference(node)) {
        const sym = app.checker.getSymbolAtLocation(node);
        const lib = sym && bindings.get(sym);
        const at = lib && !out.has(lib.key) ? changeAt(node, file, app.checker, lib.node) : undefined;
        if (at) out.set(lib!.key, { site: siteOf(file, at), text: shortText(at, file.sf) });
        return;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(file.sf, visit);
  }
  return out;
}

/** A package by name, and Node's own modules by theirs (`node:util` is `util`). */
export function libraryKey(spec: string): string {
  return packageName(spec.startsWith('node:') ? spec.slice(5) : spec);
}

/** The reason a use of a package the app changes gives (as a catalog entry's `why`). */
export function changedWhy(change: { site: string; text: string }): string {
  return `the app changes its state on the device at ${fileLine(change.site)}, \`${change.text}\`; a clone's copy keeps its own`;
}

/**
 * Local symbols bound to packages and Node's modules, by library (a path the program resolves to
 * the app's own files is not one), and whether it is Node's own.
 */
function packageBindings(checker: ts.TypeChecker, sf: ts.SourceFile, appFiles: ReadonlySet<ts.SourceFile>): Map<ts.Symbol, { key: string; node: boolean }> {
  const out = new Map<ts.Symbol, { key: string; node: boolean }>();
  for (const load of loadsOf(sf)) {
    if (!/^[@\w]/.test(load.spec.text)) continue;
    // A path alias (`@app/util`) the program resolves to the app's own files is the app's state.
    const target = checker.getSymbolAtLocation(load.spec)?.valueDeclaration;
    if (target && ts.isSourceFile(target) && appFiles.has(target)) continue;
    const key = libraryKey(load.spec.text);
    // The process module is the process global, which the catalog and the state rule judge.
    if (isProcessModule(load.spec.text)) continue;
    const node = load.spec.text.startsWith('node:') || isBuiltin(load.spec.text);
    for (const s of symbolsOf(checker, load)) out.set(s, { key, node });
  }
  return out;
}

/** Where the reference `id` to a package's binding is the root of a change to the package's state. */
function changeAt(id: ts.Identifier, file: AppFile, checker: ts.TypeChecker, nodeModule: boolean): ts.Node | undefined {
  let rootType: ts.Type | undefined;
  const isRoot = (call: ts.CallExpression): boolean => checker.getTypeAtLocation(call) === (rootType ??= checker.getTypeAtLocation(id));
  let top: ts.Expression = id;
  let members = 0;
  const handed: ts.Expression[] = []; // arguments of calls that returned the library itself
  for (;;) {
    const p = top.parent;
    if (isWrapper(p)) top = p as ts.Expression;
    else if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === top) {
      top = p;
      members++;
    } else if (ts.isCallExpression(p) && p.expression === top && ts.isPropertyAccessExpression(p.parent) && isRoot(p)) {
      handed.push(...p.arguments); // `i18next.use(backend)` is i18next again
      top = p;
    } else break;
  }
  const p = top.parent;
  let at: ts.Node | undefined;
  let values: readonly ts.Expression[] = [];
  if (members > 0 && ts.isBinaryExpression(p) && p.left === top && isAssignment(p.operatorToken.kind)) [at, values] = [p, [p.right]];
  else if (members > 0 && (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && isIncrement(p.operator)) at = p;
  else if (members > 0 && ts.isDeleteExpression(p)) at = p;
  else if (ts.isCallExpression(p) && p.arguments[0] === top && isObjectWriter(p.expression)) [at, values] = [p, p.arguments.slice(1)];
  else if (ts.isCallExpression(p) && p.expression === top) {
    const callee = skipWrappers(top);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (members >= 2 && method && CHANGING_METHODS.has(method)) [at, values] = [p, p.arguments];
    // Calls into Node's modules act on what they are handed (timers, streams, the console), not on the module.
    else if (!nodeModule && isDropped(p) && !(members === 0 && runsOnly(p.arguments)) && [...handed, ...p.arguments].every((a) => handsNothingOwned(a, checker)) && !checksOnly(p, checker)) at = p;
    if (at) values = [...handed, ...p.arguments];
  }
  if (!at) return undefined;
  // As the module loads, with values fixed at load and outside any branch, the clone's load does the same.
  if (isLoadTime(at, file.sf) && !underBranch(at) && values.every((v) => isFixedAtLoad(v, checker))) return undefined;
  return at;
}

/** A call whose result nobody reads: an expression statement, perhaps awaited, voided or in parentheses. */
function isDropped(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (ts.isAwaitExpression(n.parent) || ts.isVoidExpression(n.parent) || ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return ts.isExpressionStatement(n.parent);
}

/**
 * Arguments that are all functions written there: an imported function called so (`batch(() =>
 * ...)`, `act(() => ...)`) is taken for running a block; a member of the library called so
 * (`axios.interceptors.request.use((c) => ...)`) keeps it.
 */
function runsOnly(args: readonly ts.Expression[]): boolean {
  return args.length > 0 && args.every((a) => ts.isArrowFunction(skipWrappers(a)) || ts.isFunctionExpression(skipWrappers(a)));
}

/** A call whose signature has a type predicate (`asserts cond`, `v is T`) checks; one typed `never` throws. */
function checksOnly(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const sig = checker.getResolvedSignature(call);
  return sig !== undefined && (checker.getTypePredicateOfSignature(sig) !== undefined || (checker.getReturnTypeOfSignature(sig).flags & ts.TypeFlags.Never) !== 0);
}

/** An argument that is nothing of the app's that a call could change: a value, fresh, code or an import. */
function handsNothingOwned(a: ts.Expression, checker: ts.TypeChecker): boolean {
  if (ts.isSpreadElement(a)) return false;
  const e = skipWrappers(a);
  if (ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || ts.isFunctionLike(e) || ts.isClassExpression(e) || isLoadInvariant(e)) return true;
  if (isCodeOrImport(e, checker)) return true;
  return isImmutable(checker.getTypeAtLocation(e));
}

/**
 * A name declared as a function, class, enum or import, a member of an import, or a `const`
 * holding a literal: the same on both sides.
 */
function isCodeOrImport(e: ts.Expression, checker: ts.TypeChecker): boolean {
  let root: ts.Expression = e;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root)) return false;
  const decl = checker.getSymbolAtLocation(root)?.declarations?.[0];
  if (!decl) return false;
  if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) return true;
  if (root !== e) return false;
  if (ts.isVariableDeclaration(decl)) return !!decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const ? isLoadInvariant(decl.initializer) : false;
  return ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl) || ts.isEnumDeclaration(decl);
}

/** A value every load computes alike: literals and code, or a name for code, an import or a literal. */
function isFixedAtLoad(e: ts.Expression, checker: ts.TypeChecker): boolean {
  const x = skipWrappers(e);
  return isLoadInvariant(x) || isCodeOrImport(x, checker);
}

/** Whether load-time code runs under a condition, a loop, a `try` or a short-circuit (the device's run may take another way). */
function underBranch(node: ts.Node): boolean {
  for (let n = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isIfStatement(n) || ts.isIterationStatement(n, false) || ts.isTryStatement(n) || ts.isSwitchStatement(n) || ts.isConditionalExpression(n)) return true;
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(n.operatorToken.kind)) return true;
  }
  return false;
}

function isObjectWriter(callee: ts.Expression): boolean {
  const c = skipWrappers(callee);
  return ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'Object' && OBJECT_WRITERS.has(c.name.text);
}

const isIncrement = (k: ts.SyntaxKind): boolean => k === ts.SyntaxKind.PlusPlusToken || k === ts.SyntaxKind.MinusMinusToken;

/** The change as written, on one line and at most 60 characters. */
function shortText(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
