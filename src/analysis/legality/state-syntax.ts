/**
 * Syntax questions of the state analysis, answered from the tree alone: how a reference uses
 * its binding (read, write or both), which function declares a variable, which function gives
 * an arrow its `this`, which names a file declares at module level or imports, and what kind of
 * declaration, reference or module (CommonJS or not) a node is.
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers, isMethodNode, isStatic } from '../../ids/methodIds.js';
import { skipWrappers } from '../expressions.js';
import type { Binding } from './state-facts.js';

export const READ = 1;
export const WRITE = 2;

const COMPOUND = new Set([
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/**
 * READ, WRITE or both for a reference: WRITE as the target of `=`, of a destructuring assignment
 * or of a for-in/of; both for compound assignments and `++`/`--`; READ otherwise.
 */
export function accessOf(node: ts.Node): number {
  const n = climbWrappers(node);
  const p = n.parent;
  if (!p) return READ;
  if (ts.isBinaryExpression(p) && p.left === n) {
    if (p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return WRITE;
    return COMPOUND.has(p.operatorToken.kind) ? READ | WRITE : READ;
  }
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) {
    return READ | WRITE;
  }
  if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === n) return WRITE;
  if (ts.isShorthandPropertyAssignment(p) && p.name === n) return isPattern(p.parent) ? WRITE : READ;
  if (ts.isPropertyAssignment(p) && p.initializer === n) return isPattern(p.parent) ? WRITE : READ;
  if (ts.isArrayLiteralExpression(p)) return isPattern(p) ? WRITE : READ;
  if (ts.isSpreadElement(p) || ts.isSpreadAssignment(p)) return isPattern(p.parent) ? WRITE : READ;
  return READ;
}

/** Whether an object or array literal is the target of an assignment (a destructuring pattern). */
function isPattern(lit: ts.Node): boolean {
  let e = lit;
  while (e.parent && ts.isParenthesizedExpression(e.parent)) e = e.parent;
  const q = e.parent;
  if (!q) return false;
  if (ts.isBinaryExpression(q)) return q.left === e && q.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  if (ts.isForOfStatement(q) || ts.isForInStatement(q)) return q.initializer === e;
  if (ts.isArrayLiteralExpression(q)) return isPattern(q);
  if (ts.isPropertyAssignment(q) && q.initializer === e) return isPattern(q.parent);
  if (ts.isSpreadElement(q) || ts.isSpreadAssignment(q)) return isPattern(q.parent);
  return false;
}

/**
 * Where a variable or parameter lives: the function (or class static block) whose calls create
 * it, the source file for module-level ones (also in top-level blocks), or the namespace.
 */
export function scopeOf(decl: ts.Node): ts.Node {
  for (let n = decl.parent; ; n = n.parent) {
    if (isMethodNode(n) || ts.isClassStaticBlockDeclaration(n) || ts.isSourceFile(n) || ts.isModuleDeclaration(n)) return n;
  }
}

/**
 * What gives an arrow function its `this`: the nearest enclosing non-arrow function, or the class
 * for an arrow in an instance field initialiser. Undefined at module level, and in static
 * members, where `this` is the class itself: code, which the clone has too.
 */
export function thisProvider(arrow: ts.Node): ts.Node | undefined {
  for (let n = arrow.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n)) continue;
    if (ts.isClassStaticBlockDeclaration(n)) return undefined;
    if (isMethodNode(n)) return isStatic(n) ? undefined : n;
    if (ts.isPropertyDeclaration(n) && ts.isClassLike(n.parent)) return isStatic(n) ? undefined : n.parent;
    if (ts.isSourceFile(n) || ts.isModuleDeclaration(n)) return undefined;
  }
  return undefined;
}

/**
 * Names a file declares outside its functions (variables, also in top-level blocks and loops)
 * and names it imports: the only names that can be module-level state where no function
 * encloses the reference. Statements only, no expressions: cheap.
 */
export function topLevelNames(sf: ts.SourceFile, out: Set<string>): void {
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name);
  };
  const list = (l: ts.ForInitializer | undefined): void => {
    if (l && ts.isVariableDeclarationList(l)) for (const d of l.declarations) bind(d.name);
  };
  const visit = (st: ts.Node): void => {
    if (ts.isVariableStatement(st)) list(st.declarationList);
    else if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      if (c?.name) out.add(c.name.text);
      const nb = c?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.add(nb.name.text);
      else if (nb) for (const el of nb.elements) out.add(el.name.text);
    } else if (ts.isImportEqualsDeclaration(st)) out.add(st.name.text);
    else if (ts.isForStatement(st) || ts.isForInStatement(st) || ts.isForOfStatement(st)) {
      list(st.initializer);
      visit(st.statement);
    } else if (ts.isBlock(st) || ts.isIfStatement(st) || ts.isWhileStatement(st) || ts.isDoStatement(st) || ts.isLabeledStatement(st) || ts.isTryStatement(st) || ts.isCatchClause(st)) {
      ts.forEachChild(st, (c) => (ts.isStatement(c) || ts.isBlock(c) || ts.isCatchClause(c) ? visit(c) : undefined));
    } else if (ts.isSwitchStatement(st)) for (const c of st.caseBlock.clauses) c.statements.forEach(visit);
  };
  sf.statements.forEach(visit);
}

/**
 * Names a function declares for its own calls (parameters, variables, catch bindings), not in
 * the functions nested in it: a reference to any other name cannot be one of its variables.
 */
export function declaredNames(fn: ts.Node): Set<string> {
  const out = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) || ts.isParameter(n)) bind(n.name);
    if (n !== fn && (isMethodNode(n) || ts.isClassStaticBlockDeclaration(n))) return;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return out;
}

/**
 * Whether a module is compiled to CommonJS (or runs as such): by `module` (node16/nodenext: by the
 * file's extension and package.json `type`; AMD and UMD wrap their exports alike).
 */
export function emitsCommonJs(sf: ts.SourceFile, options: ts.CompilerOptions): boolean {
  // Without `module`: CommonJS only below an ES2015 target (TypeScript 6's default target is the latest).
  const kind = options.module ?? (options.target !== undefined && options.target < ts.ScriptTarget.ES2015 ? ts.ModuleKind.CommonJS : ts.ModuleKind.ES2015);
  if ((kind >= ts.ModuleKind.Node16 && kind <= ts.ModuleKind.NodeNext) || kind === ts.ModuleKind.Preserve) return sf.impliedNodeFormat === ts.ModuleKind.CommonJS;
  return kind === ts.ModuleKind.CommonJS || kind === ts.ModuleKind.AMD || kind === ts.ModuleKind.UMD;
}

/** A declaration in an ambient context: `declare var x`, or inside `declare global { ... }`. */
export function isAmbient(d: ts.Node): boolean {
  for (let n: ts.Node | undefined = d; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/** `A.B` of `namespace A.B` (or `namespace A { namespace B`). */
export function namespaceName(ns: ts.ModuleDeclaration): string {
  const parts: string[] = [];
  for (let n: ts.Node = ns; !ts.isSourceFile(n); n = n.parent) if (ts.isModuleDeclaration(n)) parts.unshift(n.name.getText());
  return parts.join('.');
}

/** `this.constructor`, maybe in wrappers. */
export function isThisConstructor(e: ts.Expression): boolean {
  e = skipWrappers(e);
  return ts.isPropertyAccessExpression(e) && e.name.text === 'constructor' && e.expression.kind === ts.SyntaxKind.ThisKeyword;
}

/** `exports` or `module.exports`. */
export function isExportsObject(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return e.text === 'exports';
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
}

/** A RegExp literal without the g or y flag: nothing its methods do changes it (no `lastIndex` in use). */
export function isPlainRegExp(decl: ts.PropertyDeclaration): boolean {
  const init = decl.initializer && skipWrappers(decl.initializer);
  return !!init && ts.isRegularExpressionLiteral(init) && !/[gy]/.test(init.text.slice(init.text.lastIndexOf('/')));
}

/** READ | WRITE of a property access; a deleted property is written. */
export function bitsOf(p: ts.Expression): number {
  const n = climbWrappers(p);
  return accessOf(p) | (n.parent && ts.isDeleteExpression(n.parent) ? WRITE : 0);
}

export const SKIPPED = new Set([ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration]);
export const FUNCTIONS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);
/** Class members whose initialisers a (possibly synthetic) method runs (methods.ts initOwner). */
export const MEMBERS = new Set([ts.SyntaxKind.PropertyDeclaration, ts.SyntaxKind.ClassStaticBlockDeclaration]);

export function declKind(root: ts.Node): Binding['kind'] | undefined {
  if (ts.isParameter(root)) return 'parameter';
  if (!ts.isVariableDeclaration(root)) return undefined;
  if (ts.isCatchClause(root.parent)) return 'catch';
  const list = root.parent;
  if (!ts.isVariableDeclarationList(list)) return undefined;
  if (ts.isVariableStatement(list.parent) && ts.getModifiers(list.parent)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return undefined; // ambient
  const flags = list.flags & ts.NodeFlags.BlockScoped;
  if (flags === ts.NodeFlags.Const) return 'const';
  if (flags === ts.NodeFlags.Let) return 'let';
  return flags ? 'using' : 'var';
}

/** An identifier used as a value: not a declared name, a property name, a label or a type. */
export function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id;
  if (ts.isQualifiedName(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  if (ts.isShorthandPropertyAssignment(p)) return p.name === id;
  if (ts.isBindingElement(p)) return p.initializer === id;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isAccessor(p) || ts.isEnumMember(p)) return p.name !== id;
  if (ts.isDeclarationStatement(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isClassExpression(p) || ts.isFunctionExpression(p)) {
    return (p as ts.NamedDeclaration).name !== id;
  }
  if (ts.isJsxAttribute(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p)) return false;
  return !(ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p) || ts.isMetaProperty(p));
}
