/**
 * The app's methods: one id per function-like node with a body, over all app files, plus two
 * kinds of synthetic methods for code that runs but has no function node of its own:
 * - `Class.constructor` for a class without an explicit constructor whose instance field
 *   initialisers compute something (they run at `new`, after the base constructor);
 * - `Class.static.<init>` for static field initialisers and `static {}` blocks (they run once,
 *   when the class is defined; nothing calls them, they only carry pins and edges).
 * With an explicit constructor, instance field initialisers belong to it.
 */
import { ts } from '../typescript.cjs';
import { idsOf, isMethodNode, isStatic as hasStatic } from '../ids/methodIds.js';
import type { AppFile } from './project.js';

export interface MethodEntry {
  file: AppFile;
  line: number;
  /** Empty for synthetic methods. */
  nodes: ts.FunctionLikeDeclaration[];
  /** For synthetic methods: the class whose initialisers they run. */
  synthetic?: { kind: 'constructor' | 'static-init'; cls: ts.ClassLikeDeclaration };
}

export interface MethodTable {
  /** Method node -> id (a getter and its setter map to one id); a class node -> its synthetic constructor id. */
  idOf: Map<ts.Node, string>;
  byId: Map<string, MethodEntry>;
  /** Field initialisers / static blocks -> the (possibly synthetic) method that runs them. */
  initOwner: Map<ts.Node, string>;
  /** Class node -> `path#Class`. */
  classId: Map<ts.ClassLikeDeclaration, string>;
}

export function collectMethods(files: AppFile[]): MethodTable {
  const t: MethodTable = { idOf: new Map(), byId: new Map(), initOwner: new Map(), classId: new Map() };
  for (const file of files) {
    const { methods, classes } = idsOf(file.sf, file.rel);
    for (const e of methods) {
      t.idOf.set(e.node, e.id);
      const seen = t.byId.get(e.id);
      if (seen) seen.nodes.push(e.node as ts.FunctionLikeDeclaration);
      else t.byId.set(e.id, { file, line: e.line, nodes: [e.node as ts.FunctionLikeDeclaration] });
    }
    for (const [cls, id] of classes) {
      t.classId.set(cls, id);
      addInitialisers(t, file, cls, id);
    }
  }
  return t;
}

function addInitialisers(t: MethodTable, file: AppFile, cls: ts.ClassLikeDeclaration, clsId: string): void {
  const line = file.sf.getLineAndCharacterOfPosition(cls.getStart(file.sf)).line + 1;
  const explicit = cls.members.find((m) => ts.isConstructorDeclaration(m) && m.body);
  for (const m of cls.members) {
    const isStaticBlock = ts.isClassStaticBlockDeclaration(m);
    if (!isStaticBlock && !(ts.isPropertyDeclaration(m) && m.initializer && computes(skip(m.initializer)))) continue;
    const isStatic = isStaticBlock || hasStatic(m);
    let id: string;
    if (!isStatic && explicit) id = t.idOf.get(explicit)!;
    else {
      id = isStatic ? `${clsId}.static.<init>` : `${clsId}.constructor`;
      if (!t.byId.has(id)) t.byId.set(id, { file, line, nodes: [], synthetic: { kind: isStatic ? 'static-init' : 'constructor', cls } });
      if (!isStatic) t.idOf.set(cls, id);
    }
    t.initOwner.set(m, id);
  }
}

/** Whether an initialiser may run app or device code (literals like `false`, `[]`, `{}` cannot). */
function computes(e: ts.Node): boolean {
  if (isMethodNode(e)) return false; // a function-valued field is a method of its own
  if (ts.isIdentifier(e)) return e.text !== 'undefined';
  if (ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isTaggedTemplateExpression(e) || ts.isPropertyAccessExpression(e) || ts.isJsxElement(e) || ts.isJsxSelfClosingElement(e)) return true;
  return ts.forEachChild(e, (c) => (computes(c) ? true : undefined)) ?? false;
}

function skip(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}
