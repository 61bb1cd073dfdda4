/**
 * The state a migrated call must carry: for every method, the module-level and captured
 * bindings its own code references, and how (read, write or both). One pass over each app file.
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
 */
import { ts } from '../typescript.cjs';
import { isMethodNode } from '../ids/methodIds.js';
import type { MethodTable } from './methods.js';
import { siteOf, type AppFile, type LoadedApp } from './project.js';
import { accessOf, declaredNames, READ, scopeOf, thisProvider, topLevelNames, WRITE } from './state-syntax.js';

export { READ, WRITE };

export interface Binding {
  scope: 'module' | 'captured';
  file: AppFile;
  name: string;
  line: number;
  kind: 'const' | 'let' | 'var' | 'using' | 'parameter' | 'catch' | 'default' | 'this';
  /** The declared name (or the export assignment, or the function/class providing `this`). */
  decl: ts.Node;
  /** Captured: the function (or class, for `this` of a field) that declares it. */
  owner?: ts.Node;
  sym?: ts.Symbol;
  /** The variable's initialiser (of the whole declaration when destructured). */
  init?: ts.Expression;
  /** Declared by destructuring (`const { a } = x`). */
  destructured?: boolean;
  /** For `this`: the first `this` met, to ask its type. */
  sample?: ts.Node;
}

/** How a method uses a binding: READ | WRITE bits, and where first. */
export interface Use {
  bits: number;
  site: string;
}

export interface StateFacts {
  bindings: Binding[];
  /** method id -> binding index -> its own uses (references in nested functions included for captures). */
  own: Map<string, Map<number, Use>>;
  /** binding index -> first place anything writes it after its declaration (also top-level code). */
  written: Map<number, string>;
}

interface Frame {
  node: ts.Node;
  id: string;
  arrow: boolean;
}

export function collectState(app: LoadedApp, table: MethodTable): StateFacts {
  const { checker } = app;
  const appFiles = new Map(app.files.map((f) => [f.sf, f]));
  const names = new Set<string>();
  for (const f of app.files) topLevelNames(f.sf, names);
  const facts: StateFacts = { bindings: [], own: new Map(), written: new Map() };
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
      return add({ scope: 'module', file, name: 'default', line: line(decl), kind: 'default', decl, sym, init: decl.expression });
    }
    if (!ts.isVariableDeclaration(decl) && !ts.isParameter(decl) && !ts.isBindingElement(decl)) return null;
    if (!ts.isIdentifier(decl.name)) return null;
    let root: ts.Node = decl;
    while (ts.isBindingElement(root)) root = root.parent.parent;
    const kind = declKind(root);
    if (!kind || (ts.isParameter(root) && !isMethodNode(root.parent))) return null;
    const owner = scopeOf(decl);
    if (ts.isModuleDeclaration(owner)) return null; // a namespace's members are properties of it
    const init = ts.isVariableDeclaration(root) ? root.initializer : undefined;
    const b: Binding = { scope: ts.isSourceFile(owner) ? 'module' : 'captured', file, name: decl.name.text, line: line(decl.name), kind, decl: decl.name, sym };
    if (init) b.init = init;
    if (root !== decl) b.destructured = true;
    if (b.scope === 'captured') b.owner = owner;
    return add(b);
  };

  const use = (frame: Frame, i: number, bits: number, file: AppFile, at: ts.Node): void => {
    let m = facts.own.get(frame.id);
    if (!m) facts.own.set(frame.id, (m = new Map()));
    const u = m.get(i);
    if (u) u.bits |= bits;
    else m.set(i, { bits, site: siteOf(file, at) });
  };
  const record = (i: number, bits: number, file: AppFile, at: ts.Node, frames: Frame[]): void => {
    const b = facts.bindings[i]!;
    if (bits & WRITE && !facts.written.has(i)) facts.written.set(i, siteOf(file, at));
    if (!frames.length) return;
    if (b.scope === 'module') return use(frames[frames.length - 1]!, i, bits, file, at);
    // Every method between the reference and the declaring function captures it.
    const from = frames.findIndex((f) => f.node === b.owner);
    for (let k = frames.length - 1; from >= 0 && k > from; k--) use(frames[k]!, i, bits, file, at);
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
    for (let s of checker.getExportsOfModule(mod)) {
      if (member !== undefined && s.name !== member) continue;
      if (s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
      const i = bindingOf(s);
      // A member read or written where it is named; the whole namespace used as a value may read any.
      if (i !== null) out.push([i, member !== undefined ? p : id]);
    }
    return out;
  };

  for (const file of app.files) {
    const frames: Frame[] = [];
    const visit = (node: ts.Node): void => {
      // Cheap tests first, by kind: this visits every node of the app.
      const kind = node.kind;
      if (kind === ts.SyntaxKind.Identifier) return identifier(node as ts.Identifier);
      if (kind === ts.SyntaxKind.ThisKeyword) return thisUse(node);
      if (ts.isTypeNode(node) || SKIPPED.has(kind)) return;
      const id = FUNCTIONS.has(kind) ? (isMethodNode(node) ? table.idOf.get(node) : undefined) : MEMBERS.has(kind) ? table.initOwner.get(node) : undefined;
      if (id) frames.push({ node, id, arrow: kind === ts.SyntaxKind.ArrowFunction });
      ts.forEachChild(node, visit);
      if (id) frames.pop();
    };
    const identifier = (id: ts.Identifier): void => {
      // Besides module-level names (and imports), only names an enclosing function declares can
      // be state: read from a nested function, or written (that makes a `let` state for closures).
      if (!names.has(id.text)) {
        const write = accessOf(id) !== READ;
        let k = frames.length - (write ? 1 : 2);
        while (k >= 0 && !declared(frames[k]!.node).has(id.text)) k--;
        if (k < 0) return;
      }
      if (!isReference(id)) return;
      if (!frames.length && accessOf(id) === READ) return; // top-level code: only its writes matter
      for (const [i, at] of resolve(id)) record(i, accessOf(at), file, at, frames);
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
      for (let k = frames.length - 1; k >= 0 && frames[k]!.arrow; k--) use(frames[k]!, i, READ, file, node);
    };
    ts.forEachChild(file.sf, visit);
  }
  return facts;
}

const SKIPPED = new Set([ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration]);
const FUNCTIONS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);
/** Class members whose initialisers a (possibly synthetic) method runs (methods.ts initOwner). */
const MEMBERS = new Set([ts.SyntaxKind.PropertyDeclaration, ts.SyntaxKind.ClassStaticBlockDeclaration]);

function declKind(root: ts.Node): Binding['kind'] | undefined {
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
function isReference(id: ts.Identifier): boolean {
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
