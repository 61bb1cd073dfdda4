/**
 * The few kinds of node that three rules look for across every app file, found in one walk of
 * each file instead of three: on a generated app of 40k methods each of those walks read every
 * node of the app again (0.15-0.7 s apiece, most of it waiting for memory).
 * - loads: `import ... from 'm'`, `import x = require('m')` and variables initialised by
 *   `require('m')` or `await import('m')` (legality/pinning.ts: the bindings of device modules);
 * - casts to `any` or `unknown` (`v as any`, `<unknown>v`: callgraph/cast-away.ts);
 * - generic classes and interfaces (callgraph/generic-containers.ts).
 * Each list is in the order of a walk of the file's nodes (parents before children, children in
 * source order), which is the order the rules asked the checker in before, so the answers and
 * the types the checker makes come in the same order. Syntax only: nothing here asks the checker.
 */
import { ts } from '../typescript.cjs';
import { requireSpec } from './library.js';

export type ModuleLoad = ts.ImportDeclaration | ts.ImportEqualsDeclaration | ts.VariableDeclaration;
export type UntypedCast = ts.AsExpression | ts.TypeAssertion;
export type GenericContainer = ts.ClassLikeDeclaration | ts.InterfaceDeclaration;

export interface SyntaxIndex {
  loads: ModuleLoad[];
  casts: UntypedCast[];
  generics: GenericContainer[];
}

const indexes = new WeakMap<ts.SourceFile, SyntaxIndex>();

export function syntaxIndex(sf: ts.SourceFile): SyntaxIndex {
  let index = indexes.get(sf);
  if (!index) indexes.set(sf, (index = indexFile(sf)));
  return index;
}

const K = ts.SyntaxKind;

function indexFile(sf: ts.SourceFile): SyntaxIndex {
  const out: SyntaxIndex = { loads: [], casts: [], generics: [] };
  const visit = (n: ts.Node): undefined => {
    switch (n.kind) {
      case K.ImportDeclaration:
        if (ts.isStringLiteral((n as ts.ImportDeclaration).moduleSpecifier)) out.loads.push(n as ts.ImportDeclaration);
        break;
      case K.ImportEqualsDeclaration:
        if (ts.isExternalModuleReference((n as ts.ImportEqualsDeclaration).moduleReference)) out.loads.push(n as ts.ImportEqualsDeclaration);
        break;
      case K.VariableDeclaration: {
        const init = (n as ts.VariableDeclaration).initializer;
        if (init && requireSpec(init) !== undefined) out.loads.push(n as ts.VariableDeclaration);
        break;
      }
      case K.AsExpression:
      case K.TypeAssertionExpression: {
        const t = (n as UntypedCast).type.kind;
        if (t === K.AnyKeyword || t === K.UnknownKeyword) out.casts.push(n as UntypedCast);
        break;
      }
      case K.ClassDeclaration:
      case K.ClassExpression:
      case K.InterfaceDeclaration:
        if ((n as GenericContainer).typeParameters?.length) out.generics.push(n as GenericContainer);
        break;
    }
    ts.forEachChild(n, visit);
    return undefined;
  };
  visit(sf);
  return out;
}
