/**
 * The state a migrated call must carry: for every method, the module-level and captured
 * bindings its own code references, and how (read, write or both). Part of the one walk over
 * each app file (file-walk.ts).
 * The checker is asked only for identifiers that may name such a binding: module-level names and
 * imports, and names that an enclosing function declares.
 *
 * - module: variables declared outside any function of an app file (also through imports,
 *   re-exports and `ns.x` of a namespace import), and `export default <expression>`;
 * - captured: variables and parameters of an enclosing function, counted for the method that
 *   references them and every method between it and the declaring function (a reference in a
 *   nested function is the outer method's too); `this` of the enclosing function for arrows.
 * Which of them are code rather than state (a const arrow, a primitive const) is decided after
 * the pass (`isCode` in state-kinds.ts), since a `let` is code only if nothing writes it.
 *
 * The same pass finds the state that no call carries (state-uncarried.ts), as bindings of
 * module scope too, so that it flows like module bindings: static fields of the app's classes
 * (`Counter.total`, `this.count` in a static method, `this.constructor.x`, `static #x`) and
 * variables of namespaces (`namespace NS { export let x }`), globals
 * (`globalThis.x`, `window.x`, a name nothing declares, `process.exitCode`), and the exports of a
 * module that runs as CommonJS (`exports.x`, `module.exports.x`, and its own exported variables,
 * which live there). For each it records the first place the program changes it after load:
 * such state is the same on both sides only while nothing does.
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers, isMethodNode } from '../../ids/methodIds.js';
import type { MethodTable } from '../methods.js';
import { siteOf, type AppFile, type LoadedApp } from '../project.js';
import { skipWrappers } from '../expressions.js';
import { isFunctionExpression, isLoadInvariant } from './state-kinds.js';
import { COMPUTED_AT_LOAD, MADE_FUNCTION, SHARED, type Binding, type Change, type StateFacts } from './state-facts.js';
import {
  accessOf, bitsOf, declaredNames, declKind, emitsCommonJs, FUNCTIONS, isAmbient, isExportsObject, isPlainRegExp, isReference,
  isThisConstructor, MEMBERS, namespaceName, READ, scopeOf, SKIPPED, thisProvider, topLevelNames, WRITE,
} from './state-syntax.js';
import { exportedVariables, exportsAccess, exportsDeclaration, globalAccess, handsOut, isLoadTime, sharesObject, sharingUse, staticFieldsOf, variesAtLoad } from './state-uncarried.js';
import { isFunctionType } from './serializable.js';
import { globalState } from './state-globals.js';
import type { NodeVisitor } from './file-walk.js';



interface Frame {
  node: ts.Node;
  id: string;
  arrow: boolean;
}

/** The state's part of the one walk over each file (file-walk.ts); `finish` after the walk. */
export interface StateCollector {
  visitor(file: AppFile): NodeVisitor;
  finish(): StateFacts;
}

export function stateCollector(app: LoadedApp, table: MethodTable): StateCollector {
  const { checker } = app;
  const appFiles = new Map(app.files.map((f) => [f.sf, f]));
  const names = new Set<string>();
  for (const f of app.files) topLevelNames(f.sf, names);
  const facts: StateFacts = { bindings: [], own: new Map(), written: new Map(), changed: new Map(), lexical: new Map() };
  const bySymbol = new Map<ts.Symbol, number | null>();
  const thisOf = new Map<ts.Node, number>();
  const declaredBy = new Map<ts.Node, Set<string>>();
  const declared = (fn: ts.Node): Set<string> => declaredBy.get(fn) ?? declaredBy.set(fn, declaredNames(fn)).get(fn)!;

  const add = (b: Binding): number => facts.bindings.push(b) - 1;
  const bindingOf = (sym: ts.Symbol): number | null => {
    let i = bySymbol.get(sym);
    if (i === undefined) bySymbol.set(sym, (i = declare(sym)));
    return i;
  };
  const declare = (sym: ts.Symbol): number | null => {
    const decl = sym.valueDeclaration ?? sym.declarations?.[0];
    if (!decl) return null;
    const file = appFiles.get(decl.getSourceFile());
    if (!file) return null; // libraries and lib.d.ts: the same code on both sides
    const line = (n: ts.Node): number => file.sf.getLineAndCharacterOfPosition(n.getStart(file.sf)).line + 1;
    if (ts.isExportAssignment(decl)) {
      if (decl.isExportEquals || ts.isIdentifier(decl.expression)) return null;
      const b: Binding = { scope: 'module', file, name: 'default', line: line(decl), kind: 'default', decl, sym, init: decl.expression };
      if (isCommonJs(file.sf)) b.cjs = true;
      return add(b);
    }
    const assigned = exportsDeclaration(decl); // `exports.x = ...` of a JavaScript module
    if (assigned) return exportsBinding(file, assigned.name, assigned.node);
    if (!ts.isVariableDeclaration(decl) && !ts.isParameter(decl) && !ts.isBindingElement(decl)) return null;
    if (!ts.isIdentifier(decl.name)) return null;
    let root: ts.Node = decl;
    while (ts.isBindingElement(root)) root = root.parent.parent;
    const kind = declKind(root);
    if (!kind || (ts.isParameter(root) && !isMethodNode(root.parent))) return null;
    const owner = scopeOf(decl);
    if (ts.isModuleDeclaration(owner)) {
      // A namespace's variables live in it (its members as its properties): no call carries them.
      if (isAmbient(decl) || !ts.isIdentifier(owner.name)) return null;
      return add({ scope: 'module', file, name: `${namespaceName(owner)}.${decl.name.text}`, line: line(decl.name), kind: 'namespace', decl: decl.name, sym });
    }
    const init = ts.isVariableDeclaration(root) ? root.initializer : undefined;
    const b: Binding = { scope: ts.isSourceFile(owner) ? 'module' : 'captured', file, name: decl.name.text, line: line(decl.name), kind, decl: decl.name, sym };
    if (init) b.init = init;
    if (root !== decl) b.destructured = true;
    if (b.scope === 'captured') b.owner = owner;
    else if (isCommonJs(file.sf) && exportedOf(file.sf).has(b.name)) b.cjs = true;
    const i = add(b);
    if (b.cjs && init && sharesObject(init, checker)) facts.changed.set(i, { site: siteOf(file, init), how: SHARED });
    return i;
  };

  // State no call carries: each static field, namespace variable, global and `exports` property gets one binding.
  const commonJs = new Map<ts.SourceFile, boolean>();
  const isCommonJs = (sf: ts.SourceFile): boolean => {
    let c = commonJs.get(sf);
    if (c === undefined) commonJs.set(sf, (c = emitsCommonJs(sf, app.program.getCompilerOptions())));
    return c;
  };
  const exported = new Map<ts.SourceFile, Set<string>>();
  const exportedOf = (sf: ts.SourceFile): Set<string> => exported.get(sf) ?? exported.set(sf, exportedVariables(sf)).get(sf)!;
  const staticFields = staticFieldsOf(table.classId.keys());
  const staticDecls = new Set([...staticFields.values()].flat());
  const keyed = new Map<string, number>();
  const lineOf = (file: AppFile, n: ts.Node): number => file.sf.getLineAndCharacterOfPosition(n.getStart(file.sf)).line + 1;
  const staticBinding = (decl: ts.PropertyDeclaration): number | undefined => {
    const key = `static\0${decl.pos}\0${decl.getSourceFile().fileName}`;
    let i = keyed.get(key);
    if (i !== undefined) return i;
    const file = appFiles.get(decl.getSourceFile());
    const cls = decl.parent as ts.ClassLikeDeclaration;
    if (!file) return undefined;
    const clsId = table.classId.get(cls) ?? `#${cls.name?.text ?? '<class>'}`;
    const name = `${clsId.slice(clsId.indexOf('#') + 1)}.${(decl.name as ts.Identifier).text}`;
    keyed.set(key, (i = add({ scope: 'module', file, name, line: lineOf(file, decl.name), kind: 'static', decl, ...(decl.initializer ? { init: decl.initializer } : {}) })));
    // A function made at load by a call may keep state of its own, which each side keeps apart.
    const init = decl.initializer && skipWrappers(decl.initializer);
    if (init && !isFunctionExpression(init) && isFunctionType(checker.getTypeAtLocation(decl))) {
      facts.changed.set(i, { site: siteOf(file, init), how: MADE_FUNCTION });
    } else if (init && sharesObject(init, checker)) facts.changed.set(i, { site: siteOf(file, init), how: SHARED });
    // Computed as the class loads (process.env, Math.random(), a call): the clone computes its own.
    else if (init && !isLoadInvariant(init)) facts.changed.set(i, { site: siteOf(file, init), how: COMPUTED_AT_LOAD });
    return i;
  };
  const anyCommonJs = app.files.some((f) => isCommonJs(f.sf));
  // Names assigned as `exports.x = ...` at the top of a CommonJS module: what `m.x` of an importer may name.
  const exportNames = new Set<string>();
  for (const f of app.files) {
    if (!isCommonJs(f.sf)) continue;
    for (const st of f.sf.statements) {
      if (!ts.isExpressionStatement(st)) continue;
      const assigned = exportsDeclaration(st.expression);
      if (assigned) exportNames.add(assigned.name);
      const e = st.expression;
      if (ts.isBinaryExpression(e) && ts.isObjectLiteralExpression(skipWrappers(e.right))) {
        for (const p of (skipWrappers(e.right) as ts.ObjectLiteralExpression).properties) {
          const found = exportsDeclaration(p);
          if (found) exportNames.add(found.name);
        }
      }
    }
  }
  // Variables declared in namespaces: what `NS.x` may name.
  const namespaceNames = new Set<string>();
  const inNamespaces = (statements: readonly ts.Statement[], inside: boolean): void => {
    for (const st of statements) {
      if (ts.isModuleDeclaration(st) && st.body) inNamespaces(ts.isModuleBlock(st.body) ? st.body.statements : [st.body as ts.Statement], true);
      else if (inside && ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) namespaceNames.add(d.name.text);
    }
  };
  for (const f of app.files) inNamespaces(f.sf.statements, false);
  const exportsBinding = (file: AppFile, name: string, at: ts.Node): number => {
    const key = `exports\0${file.rel}\0${name}`;
    let i = keyed.get(key);
    if (i === undefined) keyed.set(key, (i = add({ scope: 'module', file, name: `exports.${name}`, line: lineOf(file, at), kind: 'exports', decl: at })));
    return i;
  };
  /**
   * A use of uncarried state (or of a `cjs` binding): its change, if the first, and the method's
   * use. Code that runs as the module loads runs alike on both sides, so its changes do not
   * count, unless they store what each side computes for itself (`process.argv`, a call); and an
   * object it hands out (or takes from elsewhere) may be changed later by others.
   */
  const uncarried = (i: number, bits: number, file: AppFile, at: ts.Node, frames: Frame[], regexp = false): void => {
    const b = facts.bindings[i]!;
    const load = isLoadTime(at, b.file.sf);
    if (!facts.changed.has(i)) {
      let how: string | undefined;
      if (bits & WRITE) how = !load ? 'assigned' : assignedShared(at) ? SHARED : undefined;
      else if (!regexp) how = sharingUse(at as ts.Expression, checker);
      // As the module loads, only a hand-out, a shared object or a value each side computes for itself counts.
      if (load && how !== SHARED && !(how && handsOut(how))) how = (bits & WRITE || how) && variesAtLoad(at) ? COMPUTED_AT_LOAD : undefined;
      if (how) {
        const c: Change = { site: siteOf(file, at), how };
        if (load) c.load = 'own';
        else if (isLoadTime(at, file.sf)) c.load = 'other';
        facts.changed.set(i, c);
      }
    }
    if (!load && frames.length) use(frames[frames.length - 1]!.id, i, bits, file, at);
  };
  /** `x = <a variable holding an object>` (the access `at` the target). */
  const assignedShared = (at: ts.Node): boolean => {
    const n = climbWrappers(at);
    const p = n.parent;
    return !!p && ts.isBinaryExpression(p) && p.left === n && sharesObject(p.right, checker);
  };

  const use = (frame: string, i: number, bits: number, file: AppFile, at: ts.Node): void => {
    let m = facts.own.get(frame);
    if (!m) facts.own.set(frame, (m = new Map()));
    const u = m.get(i);
    if (u) u.bits |= bits;
    else m.set(i, { bits, site: siteOf(file, at) });
  };
  const globals = globalState(app.files, checker, facts, add, use);
  const { isGlobalRef } = globals;
  const record = (i: number, bits: number, file: AppFile, at: ts.Node, frames: Frame[]): void => {
    const b = facts.bindings[i]!;
    if (bits & WRITE && !facts.written.has(i)) facts.written.set(i, siteOf(file, at));
    if (b.cjs || b.kind === 'exports' || b.kind === 'namespace') return uncarried(i, bits, file, at, frames);
    if (!frames.length) return;
    if (b.scope === 'module') return use(frames[frames.length - 1]!.id, i, bits, file, at);
    // Every method between the reference and the declaring function captures it.
    const from = frames.findIndex((f) => f.node === b.owner);
    for (let k = frames.length - 1; from >= 0 && k > from; k--) use(frames[k]!.id, i, bits, file, at);
  };

  /** The bindings an identifier (or `ns.x`) names, with the node whose position says the access. */
  const resolve = (id: ts.Identifier): [number, ts.Node][] => {
    const p = id.parent;
    let sym = p && ts.isShorthandPropertyAssignment(p) && p.name === id ? checker.getShorthandAssignmentValueSymbol(p) : checker.getSymbolAtLocation(id);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    if (!sym) return [];
    if (sym.flags & ts.SymbolFlags.ValueModule && sym.declarations?.some(ts.isSourceFile)) return namespaceUse(id, sym);
    const i = bindingOf(sym);
    return i === null ? [] : [[i, id]];
  };
  const namespaceUse = (id: ts.Identifier, mod: ts.Symbol): [number, ts.Node][] => {
    const p = id.parent;
    const member =
      ts.isPropertyAccessExpression(p) && p.expression === id
        ? p.name.text
        : ts.isElementAccessExpression(p) && p.expression === id && ts.isStringLiteralLike(p.argumentExpression)
          ? p.argumentExpression.text
          : undefined;
    const out: [number, ts.Node][] = [];
    // One member is looked up by name, not found in the list of every export (per use of `ns.x`).
    const named = member === undefined ? undefined : checker.tryGetMemberInModuleExports(ts.escapeLeadingUnderscores(member) as string, mod);
    for (let s of member === undefined ? checker.getExportsOfModule(mod) : named ? [named] : []) {
      if (s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
      const i = bindingOf(s);
      // A member read or written where it is named; the whole namespace used as a value may read any.
      if (i !== null) out.push([i, member !== undefined ? p : id]);
    }
    return out;
  };

  const visitor = (file: AppFile): NodeVisitor => {
    const frames: Frame[] = [];
    /** Whether to go into the node's children; a method (or a member's initialiser) is a frame until they are done. */
    const enter = (node: ts.Node): boolean => {
      // Cheap tests first, by kind: this sees every node of the app.
      const kind = node.kind;
      if (kind === ts.SyntaxKind.Identifier) {
        identifier(node as ts.Identifier);
        return false;
      }
      if (kind === ts.SyntaxKind.SuperKeyword) {
        lexical(node, 'super');
        return false;
      }
      if (kind === ts.SyntaxKind.MetaProperty && (node as ts.MetaProperty).keywordToken === ts.SyntaxKind.NewKeyword) {
        lexical(node, 'new.target');
        return false;
      }
      if (kind === ts.SyntaxKind.ElementAccessExpression) {
        const arg = (node as ts.ElementAccessExpression).argumentExpression;
        if (ts.isStringLiteralLike(arg) && staticFields.has(arg.text)) staticUse(node as ts.ElementAccessExpression, arg);
      }
      if (kind === ts.SyntaxKind.PrivateIdentifier) {
        const p = node.parent;
        if (p && ts.isPropertyAccessExpression(p) && p.name === node) member(p, (node as ts.PrivateIdentifier).text);
        return false;
      }
      if (kind === ts.SyntaxKind.ThisKeyword) {
        thisUse(node);
        return false;
      }
      if (ts.isTypeNode(node) || SKIPPED.has(kind)) return false;
      if (globals.convertsInstalled && frames.length) globals.conversion(node, file, frames[frames.length - 1]!.id);
      const id = FUNCTIONS.has(kind) ? (isMethodNode(node) ? table.idOf.get(node) : undefined) : MEMBERS.has(kind) ? table.initOwner.get(node) : undefined;
      if (id) frames.push({ node, id, arrow: kind === ts.SyntaxKind.ArrowFunction });
      return true;
    };
    const leave = (node: ts.Node): void => {
      if (frames[frames.length - 1]?.node === node) frames.pop();
    };
    /**
     * `super` belongs to the nearest method that is no arrow (every method down to it uses it);
     * `arguments` and `new.target` to the nearest function that is no arrow (arrows down to it).
     */
    const lexical = (node: ts.Node, what: string): void => {
      for (let k = frames.length - 1; k >= 0; k--) {
        const f = frames[k]!;
        if (!f.arrow && what !== 'super') return;
        if (!facts.lexical.has(f.id)) facts.lexical.set(f.id, { node, what });
        if (!f.arrow) return;
      }
    };
    const identifier = (id: ts.Identifier): void => {
      const p = id.parent;
      const text = id.text; // a getter (unescapes the name): read once
      if (text === 'arguments' && isReference(id)) lexical(id, "'arguments'");
      // A property name: state only as a static field or a CommonJS module's export.
      if (p && ts.isPropertyAccessExpression(p) && p.name === id) {
        if (frames.length) globals.memberRead(id, text, file, frames[frames.length - 1]!.id);
        return member(p, text);
      }
      // `const { total } = Counter`: reads a static field.
      if (p && ts.isBindingElement(p) && (p.propertyName ?? p.name) === id && staticFields.has(text)) destructuredStatic(p, text);
      // Besides module-level names (and imports), only names an enclosing function declares can
      // be state: read from a nested function, or written (that makes a `let` state for closures).
      if (!names.has(text) && !namespaceNames.has(text)) {
        const write = accessOf(id) !== READ;
        let k = frames.length - (write ? 1 : 2);
        while (k >= 0 && !declared(frames[k]!.node).has(text)) k--;
        if (k >= 0) {
          // An enclosing function's variable: not a global, whatever else.
        } else if (!write && frames.length && declared(frames[frames.length - 1]!.node).has(text)) return; // the method's own
        else return unbound(id);
      }
      if (!isReference(id)) return;
      if (!frames.length && accessOf(id) === READ && !anyCommonJs) return; // top-level code: only its writes matter
      const found = resolve(id);
      // A name the app declares as no binding (a function, a class: the commonest callee) is
      // no global either: taken for one, it stood in the place of the method's first read of a
      // global of that name (`globalThis.x` after a call of an imported `x`), which was lost.
      if (!found.length) return isGlobalRef(id) || text === 'exports' || text === 'module' ? unbound(id) : undefined;
      for (const [i, at] of found) record(i, accessOf(at), file, at, frames);
    };
    /** `C.x` of a static field, `m.x` of an `exports.x` of another module. */
    const member = (p: ts.PropertyAccessExpression, name: string): void => {
      if (staticFields.has(name)) staticUse(p, p.name);
      if (namespaceNames.has(name)) {
        const sym = checker.getSymbolAtLocation(p.name);
        const i = sym && bindingOf(sym);
        if (i != null && facts.bindings[i]!.kind === 'namespace') record(i, bitsOf(p), file, p, frames);
      }
      if (exportNames.has(name) && !isExportsObject(p.expression)) {
        const decl = checker.getSymbolAtLocation(p.name)?.valueDeclaration;
        const assigned = decl && exportsDeclaration(decl);
        const home = decl && appFiles.get(decl.getSourceFile());
        if (assigned && home) uncarried(exportsBinding(home, assigned.name, assigned.node), bitsOf(p), file, p, frames);
      }
    };
    const staticUse = (p: ts.PropertyAccessExpression | ts.ElementAccessExpression, key: ts.Node): void => {
      const sym = checker.getSymbolAtLocation(key);
      const d = sym?.valueDeclaration;
      const name = (key as ts.Identifier).text;
      // `this.constructor.x` (of type Function): any static field of that name.
      const decls = d && ts.isPropertyDeclaration(d) && staticDecls.has(d) ? [d] : !sym && isThisConstructor(p.expression) ? staticFields.get(name)! : [];
      for (const decl of decls) {
        const i = staticBinding(decl);
        if (i !== undefined) uncarried(i, bitsOf(p), file, p, frames, isPlainRegExp(decl));
      }
    };
    const destructuredStatic = (el: ts.BindingElement, name: string): void => {
      const prop = checker.getTypeAtLocation(el.parent).getProperty(name);
      const d = prop?.valueDeclaration;
      const i = d && ts.isPropertyDeclaration(d) && staticDecls.has(d) ? staticBinding(d) : undefined;
      if (i !== undefined) uncarried(i, READ, file, el, frames, isPlainRegExp(d as ts.PropertyDeclaration));
    };
    /** A name no declaration of the app binds (or an ambient one): a global, or a CommonJS module's `exports`. */
    const unbound = (id: ts.Identifier): void => {
      if (!isReference(id)) return;
      if ((id.text === 'exports' || id.text === 'module') && isCommonJs(file.sf)) {
        const e = exportsAccess(id);
        if (e) uncarried(exportsBinding(file, e.name, e.access), bitsOf(e.access), file, e.access, frames);
        return;
      }
      const g = globalAccess(id);
      if (g) globals.access(g, id, file, frames[frames.length - 1]?.id);
    };
    const thisUse = (node: ts.Node): void => {
      const top = frames[frames.length - 1];
      if (!top?.arrow) return;
      const provider = thisProvider(top.node);
      if (!provider) return; // module-level `this`: undefined in a module
      let i = thisOf.get(provider);
      if (i === undefined) {
        const line = file.sf.getLineAndCharacterOfPosition(provider.getStart(file.sf)).line + 1;
        thisOf.set(provider, (i = add({ scope: 'captured', file, name: 'this', line, kind: 'this', decl: provider, owner: provider, sample: node })));
      }
      for (let k = frames.length - 1; k >= 0 && frames[k]!.arrow; k--) use(frames[k]!.id, i, READ, file, node);
    };
    return { enter, leave };
  };
  const finish = (): StateFacts => {
    globals.finish(use);
    return facts;
  };
  return { visitor, finish };
}
