/**
 * Which variables of enclosing functions a function uses, from the syntax alone, erring on the
 * side of "captured": the clone runs a copy of the function at its module's top level, where a
 * name the copy takes for a module binding but that was an enclosing function's variable would
 * silently read the wrong value. A name the function uses free (no scope inside it declares it
 * where it is used: its parameters and `var`s, a block's `let`/`const`/class/function, a loop's
 * or a catch clause's variables, a nested function's own) counts as captured when any scope
 * around the function (between it and the module) declares it. Declarations it does not know
 * (an enum or namespace inside a function) leave the name free, so captured.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';

export interface Captures {
  /** Names used in the function that an enclosing scope declares, with whether the copy may assign them. */
  names: { name: string; writable: boolean }[];
  /** Why the function cannot be copied out of its scope (`super`, an arrow's `arguments`), if so. */
  blocker?: string;
}

export function capturesOf(fn: ts.FunctionLikeDeclaration): Captures {
  const used = freeNames(fn);
  const outer = enclosingDeclarations(fn, used);
  let blocker: string | undefined;
  // inArrowScope: `arguments` and `new.target` here are the enclosing function's; inClass: `super`
  // here is a nested class's own, which the copy keeps.
  const visit = (node: ts.Node, inArrowScope: boolean, inClass: boolean): void => {
    if (node.kind === ts.SyntaxKind.SuperKeyword && !inClass) blocker ??= 'it uses super';
    if (inArrowScope && ts.isIdentifier(node) && node.text === 'arguments' && isReference(node)) blocker ??= "an arrow function's `arguments` belongs to its enclosing function";
    if (inArrowScope && ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.NewKeyword) blocker ??= 'it uses new.target of its enclosing function';
    // A nested non-arrow function has its own `arguments` and `new.target`.
    const nestedOwnScope = node !== fn && (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isConstructorDeclaration(node));
    const classBody = ts.isClassLike(node);
    ts.forEachChild(node, (child) => visit(child, inArrowScope && !nestedOwnScope && !classBody, inClass || classBody));
  };
  ts.forEachChild(fn, (child) => visit(child, ts.isArrowFunction(fn), false));
  const names = [...used]
    .filter((name) => outer.has(name))
    .sort()
    .map((name) => ({ name, writable: outer.get(name)! }));
  return blocker ? { names, blocker } : { names };
}

/**
 * Whether a function that is not a class member may read its own `this` (a non-arrow function) or
 * its scope's (an arrow), erring on the side of "yes": a nested class counts (its `extends` and
 * computed names see the outer `this`), and so do `super` and a direct `eval`. A function that
 * cannot read it does not need it carried: an object literal's method that never says `this`
 * would otherwise send its whole object (functions and all) with every call.
 */
export function mayUseThis(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isArrowFunction(fn)) return usesLexicalThis(fn);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword || ts.isClassLike(node)) found = true;
    else if (ts.isIdentifier(node) && node.text === 'eval') found = true;
    else if (!(isMethodNode(node) && !ts.isArrowFunction(node))) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** Whether the function uses `this` as its enclosing scope's (an arrow function, or arrows inside it). */
export function usesLexicalThis(fn: ts.FunctionLikeDeclaration): boolean {
  if (!ts.isArrowFunction(fn)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword) found = true;
    else if (!(isMethodNode(node) && !ts.isArrowFunction(node)) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/**
 * Every name declared in the top-level statement that holds `fn`, outside `fn`, except the
 * statement's own module-level names: name -> writable (false only when every declaration is const).
 * Only the names `fn` uses are looked up, in an index of the statement built once (a class or an
 * object literal holds many functions, and each asks).
 */
function enclosingDeclarations(fn: ts.Node, used: ReadonlySet<string>): Map<string, boolean> {
  let top: ts.Node = fn;
  while (top.parent && !ts.isSourceFile(top.parent)) top = top.parent;
  const index = declarationIndex(top);
  const out = new Map<string, boolean>();
  for (const name of used) {
    for (const d of index.get(name) ?? []) {
      if (d.at >= fn.pos && d.at < fn.end) continue; // declared inside fn itself
      out.set(name, (out.get(name) ?? false) || d.writable);
    }
  }
  return out;
}

interface Declaration {
  /** Where the declared name starts. */
  at: number;
  writable: boolean;
}

const indexes = new WeakMap<ts.Node, Map<string, Declaration[]>>();

/** The names declared anywhere in a top-level statement, except its own module-level names. */
function declarationIndex(top: ts.Node): Map<string, Declaration[]> {
  const known = indexes.get(top);
  if (known) return known;
  const moduleLevel = new Set(topLevelNames(top));
  const index = new Map<string, Declaration[]>();
  const declare = (name: ts.BindingName | undefined, writable: boolean) => {
    for (const [n, at] of bindingNamesAt(name)) {
      if (moduleLevel.has(n)) continue;
      const list = index.get(n);
      if (list) list.push({ at, writable });
      else index.set(n, [{ at, writable }]);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) declare(node.name, !(ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const));
    else if (ts.isParameter(node) || ts.isBindingElement(node)) declare(node.name, true);
    else if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) declare(node.name, ts.isFunctionDeclaration(node));
    else if (ts.isCatchClause(node) && node.variableDeclaration) declare(node.variableDeclaration.name, true);
    else if (ts.isImportEqualsDeclaration(node)) declare(node.name, false);
    // An enum or namespace inside a function is a local binding as well (the emitted code assigns it).
    else if ((ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node)) && ts.isIdentifier(node.name) && node !== top) declare(node.name, true);
    ts.forEachChild(node, visit);
  };
  visit(top);
  indexes.set(top, index);
  return index;
}

/** Names used in `fn` that no scope inside it (its own included) declares where they are used. */
function freeNames(fn: ts.FunctionLikeDeclaration): Set<string> {
  const free = new Set<string>();
  const scopes: Set<string>[] = [];
  const walk = (node: ts.Node): void => {
    const own = declaredBy(node);
    if (own) scopes.push(own);
    const name = ts.isIdentifier(node) && isReference(node) ? node.text : ts.isShorthandPropertyAssignment(node) ? node.name.text : undefined;
    if (name !== undefined && !scopes.some((s) => s.has(name))) free.add(name);
    ts.forEachChild(node, walk);
    if (own) scopes.pop();
  };
  walk(fn);
  return free;
}

/** The names a node opens a scope for, or undefined when it opens none. */
function declaredBy(node: ts.Node): Set<string> | undefined {
  if (isMethodNode(node)) {
    const fn = node as ts.FunctionLikeDeclaration;
    const names = new Set<string>();
    for (const p of fn.parameters) bindingNames(p.name).forEach((n) => names.add(n));
    if (ts.isFunctionExpression(fn) && fn.name) names.add(fn.name.text);
    // The body's `let`, `const` and the like are its block's (below), out of the parameters' sight.
    if (fn.body) varNames(fn.body, names);
    return names;
  }
  if (ts.isBlock(node) || ts.isCaseBlock(node)) {
    const statements = ts.isBlock(node) ? node.statements : node.clauses.flatMap((c) => [...c.statements]);
    return blockNames(statements, new Set());
  }
  if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    return new Set(node.initializer.declarations.flatMap((d) => bindingNames(d.name)));
  }
  if (ts.isCatchClause(node) && node.variableDeclaration) return new Set(bindingNames(node.variableDeclaration.name));
  if (ts.isClassExpression(node) && node.name) return new Set([node.name.text]);
  return undefined;
}

/** The declarations among a block's statements: `let`, `const` (and `var`, the function's anyway), class, function. */
function blockNames(statements: readonly ts.Statement[], into: Set<string>): Set<string> {
  for (const s of statements) {
    if (ts.isVariableStatement(s)) s.declarationList.declarations.forEach((d) => bindingNames(d.name).forEach((n) => into.add(n)));
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) into.add(s.name.text);
  }
  return into;
}

/** `var` declarations anywhere in a function's body, outside nested functions and classes. */
function varNames(body: ts.Node, into: Set<string>): void {
  const visit = (node: ts.Node): void => {
    if (isMethodNode(node) || ts.isClassLike(node)) return;
    if (ts.isVariableDeclarationList(node) && !(node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) node.declarations.forEach((d) => bindingNames(d.name).forEach((n) => into.add(n)));
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
}

function topLevelNames(statement: ts.Node): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
  return [];
}

export function bindingNames(name: ts.BindingName | undefined): string[] {
  return bindingNamesAt(name).map(([n]) => n);
}

/** Each name a binding declares, with where it starts. */
function bindingNamesAt(name: ts.BindingName | undefined): [string, number][] {
  if (!name) return [];
  if (ts.isIdentifier(name)) return [[name.text, name.pos]];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNamesAt(e.name)));
}

/** An identifier that reads or writes a variable (not a property name, label or declaration). */
export function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as ts.PropertyAccessExpression).name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isAccessor(p) || ts.isEnumMember(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if ((ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) && p.label === id) return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isMetaProperty(p)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassDeclaration(p) || ts.isClassExpression(p)) && p.name === id) return false;
  if (ts.isJsxAttribute(p)) return false;
  return true;
}
