/**
 * Modules that run the program when imported: no app module imports them, and their top level
 * does work (a statement that calls, constructs or awaits, a loop, a condition: `main();`,
 * `app.listen(3000)`, `console.log(run(argv))`). The device runs such a module once, as the
 * program. The clone imports the module of each migration point and of each module binding a
 * call carries when it starts: importing an entry there would run the program again on the clone
 * (its output, its files, its servers, its `process.exit`). So a method declared in an entry, or
 * one whose call carries a binding of an entry, is not a candidate (rule 'state'), and the reason
 * says to move it into a module of its own.
 *
 * Imports count when they load the module: `import`, `export … from`, `import x = require()`,
 * `require('…')` and `import('…')`, not `import type`/`export type` nor an import of types alone,
 * which tsc drops. An import of a class used only as a type, which tsc drops too, still counts.
 */
import { ts } from '../../typescript.cjs';
import { fileLine } from '../fileLine.js';
import { siteOf, type AppFile, type LoadedApp } from '../project.js';
import { reaching } from './reaches.js';
import type { CallEdge, Reason, StateBinding } from '../types.js';

/** App-relative path of each entry module -> the site of the first top-level statement that does work. */
export function entryModules(app: LoadedApp): Map<string, string> {
  const imported = new Set<ts.SourceFile>();
  const verbatim = app.program.getCompilerOptions().verbatimModuleSyntax === true;
  for (const f of app.files) for (const target of loadedBy(app.checker, f.sf, verbatim)) imported.add(target);
  const out = new Map<string, string>();
  for (const f of app.files) {
    if (imported.has(f.sf) || f.sf.isDeclarationFile) continue;
    const work = f.sf.statements.find(doesWork);
    if (work) out.set(f.rel, siteOf(f, work));
  }
  return out;
}

/**
 * The 'state' reasons of the candidates the clone could only run by importing an entry: declared
 * in one, carrying a binding of one (`state`: the bindings the state rule listed for each), or
 * reaching a method declared in one (a class of the entry whose instance the call is given).
 */
export function entryReasons(candidates: string[], fileOf: (id: string) => string, state: Map<string, StateBinding[]>, ids: string[], edges: CallEdge[], entries: Map<string, string>): Map<string, Reason> {
  const out = new Map<string, Reason>();
  if (!entries.size) return out;
  const inEntries = new Set(ids.filter((id) => entries.has(fileOf(id))));
  const reached = reaching(candidates, edges, inEntries, 'state', (end) => `${end}, declared in ${entryOf(fileOf(end), entries)}`);
  for (const id of candidates) {
    const reason = ownOrCarried(fileOf(id), state.get(id), entries) ?? reached.get(id);
    if (reason) out.set(id, reason);
  }
  return out;
}

function ownOrCarried(file: string, state: StateBinding[] | undefined, entries: Map<string, string>): Reason | undefined {
  const own = entries.get(file);
  if (own) {
    return {
      rule: 'state',
      message: `declared in ${entryOf(file, entries)}: the clone imports a migration point's module, and would run the program again (move it to a module of its own)`,
      site: own,
    };
  }
  const carried = state?.find((b) => b.scope === 'module' && entries.has(b.file));
  if (!carried) return undefined;
  return {
    rule: 'state',
    message: `its call carries ${carried.file}#${carried.name} (${carried.file}:${carried.line}), which lives in ${entryOf(carried.file, entries)}: the clone would import it and run the program again (move that state to a module of its own)`,
    site: entries.get(carried.file)!,
  };
}

function entryOf(file: string, entries: Map<string, string>): string {
  return `${file}, the program's entry (no module of the app imports ${file}, and its top level does work at ${fileLine(entries.get(file)!)})`;
}

/** The app files a module loads when it runs. */
function loadedBy(checker: ts.TypeChecker, sf: ts.SourceFile, verbatim: boolean): ts.SourceFile[] {
  const specifiers: ts.Expression[] = [];
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && (verbatim || !elided(checker, s.importClause))) specifiers.push(s.moduleSpecifier);
    else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) specifiers.push(s.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(s) && !s.isTypeOnly && ts.isExternalModuleReference(s.moduleReference)) specifiers.push(s.moduleReference.expression);
  }
  // `require('…')` and `import('…')` may sit anywhere; most files have neither.
  if (/\b(require|import)\s*\(/.test(sf.text)) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && n.arguments.length >= 1 && ts.isStringLiteralLike(n.arguments[0]!)) {
        if (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')) specifiers.push(n.arguments[0]!);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  const out: ts.SourceFile[] = [];
  for (const spec of specifiers) {
    const decl = checker.getSymbolAtLocation(spec)?.valueDeclaration;
    if (decl && ts.isSourceFile(decl)) out.push(decl);
  }
  return out;
}

/**
 * An import tsc drops from the JavaScript (without verbatimModuleSyntax): `import type`, or one
 * whose every binding is `type`-marked or names a type alone (an interface, a type alias). One
 * naming a class used only as a type is dropped too, which this does not see: it counts as loaded.
 */
function elided(checker: ts.TypeChecker, clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x'`: loaded for its effects
  if (clause.isTypeOnly) return true;
  const names: ts.Identifier[] = [];
  if (clause.name) names.push(clause.name);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name);
  if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if (!e.isTypeOnly) names.push(e.name);
  return names.every((n) => {
    const sym = checker.getSymbolAtLocation(n);
    const target = sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    return !!target && !(target.flags & ts.SymbolFlags.Value);
  });
}

/** A top-level statement that does the program's work as the module loads, rather than declaring. */
function doesWork(s: ts.Statement): boolean {
  if (ts.isExpressionStatement(s)) return !ts.isStringLiteral(s.expression) && evaluates(s.expression);
  if (ts.isExportAssignment(s)) return evaluates(s.expression);
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.some((d) => !!d.initializer && awaits(d.initializer));
  return (
    ts.isIfStatement(s) || ts.isIterationStatement(s, false) || ts.isSwitchStatement(s) || ts.isTryStatement(s) ||
    ts.isThrowStatement(s) || ts.isLabeledStatement(s) || (ts.isBlock(s) && s.statements.length > 0)
  );
}

/** Whether an expression calls, constructs, awaits or deletes, outside the functions and classes it defines. */
function evaluates(e: ts.Node): boolean {
  return outsideFunctions(e, (n) => ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isAwaitExpression(n) || ts.isTaggedTemplateExpression(n) || ts.isDeleteExpression(n));
}

/** A top-level `await` in a declaration: the module waits on work as it loads. */
function awaits(e: ts.Node): boolean {
  return outsideFunctions(e, ts.isAwaitExpression);
}

function outsideFunctions(e: ts.Node, test: (n: ts.Node) => boolean): boolean {
  const visit = (n: ts.Node): boolean => !ts.isFunctionLike(n) && !ts.isClassLike(n) && (test(n) || !!ts.forEachChild(n, visit));
  return visit(e);
}
