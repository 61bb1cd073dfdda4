/**
 * What each load of a file binds: `import a, { b, type T } from 'm'`, `import * as ns from 'm'`,
 * `import x = require('m')`, `const { c } = require('m')` and `await import('m')`, as the
 * specifier and the names bound as values (type-only ones left out), in the order a walk of the
 * file meets them (syntax-index.ts). Device modules (pinning.ts) and the packages the app
 * changes (configured-libraries.ts) both start from these.
 */
import { ts } from '../../typescript.cjs';
import { syntaxIndex } from '../syntax-index.js';

export interface Load {
  spec: ts.StringLiteralLike;
  /** The local names it binds, as identifiers (a destructured `require` gives each of its names). */
  names: ts.Identifier[];
}

export function loadsOf(sf: ts.SourceFile): Load[] {
  const out: Load[] = [];
  for (const node of syntaxIndex(sf).loads) {
    const names: ts.Identifier[] = [];
    let spec: ts.Expression;
    if (ts.isImportDeclaration(node)) {
      spec = node.moduleSpecifier;
      const clause = node.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) names.push(clause.name);
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) names.push(nb.name);
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) if (!el.isTypeOnly) names.push(el.name);
    } else if (ts.isImportEqualsDeclaration(node)) {
      spec = (node.moduleReference as ts.ExternalModuleReference).expression;
      names.push(node.name);
    } else {
      const init = ts.isAwaitExpression(node.initializer!) ? node.initializer.expression : node.initializer!;
      spec = (init as ts.CallExpression).arguments[0]!;
      bindingNames(node.name, names);
    }
    if (ts.isStringLiteralLike(spec)) out.push({ spec, names });
  }
  return out;
}

/** The symbols of a load's names. */
export function symbolsOf(checker: ts.TypeChecker, load: Load): ts.Symbol[] {
  const out: ts.Symbol[] = [];
  for (const name of load.names) {
    const s = checker.getSymbolAtLocation(name);
    if (s) out.push(s);
  }
  return out;
}

function bindingNames(name: ts.BindingName, out: ts.Identifier[]): void {
  if (ts.isIdentifier(name)) out.push(name);
  else for (const el of name.elements) if (ts.isBindingElement(el)) bindingNames(el.name, out);
}
