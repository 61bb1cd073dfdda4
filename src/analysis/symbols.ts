import { ts } from '../typescript.cjs';
import { NodeTable } from './node-table.js';

/** Names of the global object (browsers, workers, Node): a property of one is a global variable. */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'window', 'self', 'global']);

/** The symbol a node names, through imports and re-exports (an alias's target). */
export function symbolAt(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const s = checker.getSymbolAtLocation(node);
  return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
}

/** Whether a symbol is the standard library's (declared only in declaration files), not an app's own binding of that name. */
export function declaredByLibrary(sym: ts.Symbol | undefined): boolean {
  const decls = sym?.declarations ?? [];
  return decls.length > 0 && decls.every((d) => d.getSourceFile().isDeclarationFile);
}

/** `const` aliases followed at most (`const F = G` with `const G = Function`): a cycle of consts ends. */
export const MAX_CONST_ALIASES = 4;

/** What a `const` named here was initialised with (`const proto = Object.getPrototypeOf(fn)`); undefined for anything else. */
export function constInitializer(checker: ts.TypeChecker, e: ts.Expression): ts.Expression | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  const d = symbolAt(checker, e)?.declarations?.[0];
  if (!d || !ts.isVariableDeclaration(d) || !d.initializer || (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) === 0) return undefined;
  return d.initializer;
}

/**
 * The checker, remembering two answers per argument that the analysis asks again from its
 * several passes (call graph, device values, state, boundary): the symbol at a node (the checker
 * resolves an identifier's name afresh at every ask; a third of the asks are repeats), the type
 * at a node (checked afresh at each ask unless the checker ran flow analysis for it: on zod 482k
 * of 563k asks were repeats, of 81k nodes) and a type's text (printed anew each time). All are
 * fixed once the program is bound; everything else is the checker's own.
 */
export function rememberingChecker(checker: ts.TypeChecker): ts.TypeChecker {
  // null for a node without a symbol: one lookup answers every question asked again.
  // By node id (node-table.ts): these two are asked of nearly every node the walks meet.
  const symbols = new NodeTable<ts.Symbol | null>();
  const types = new NodeTable<ts.Type>();
  const texts = new Map<ts.Type, Map<ts.Node | undefined, Map<ts.TypeFormatFlags | undefined, string>>>();
  return {
    ...checker,
    getSymbolAtLocation(node) {
      const known = symbols.get(node);
      if (known !== undefined) return known ?? undefined;
      const s = checker.getSymbolAtLocation(node);
      symbols.set(node, s ?? null);
      return s;
    },
    getTypeAtLocation(node) {
      let type = types.get(node);
      if (!type) types.set(node, (type = checker.getTypeAtLocation(node)));
      return type;
    },
    typeToString(type, enclosing, flags) {
      let byNode = texts.get(type);
      if (!byNode) texts.set(type, (byNode = new Map()));
      let byFlags = byNode.get(enclosing);
      if (!byFlags) byNode.set(enclosing, (byFlags = new Map()));
      let text = byFlags.get(flags);
      if (text === undefined) byFlags.set(flags, (text = checker.typeToString(type, enclosing, flags)));
      return text;
    },
  };
}

/** The value a shorthand property names (`{ run }`): an imported binding's own declaration, not the import. */
export function shorthandValueSymbol(checker: ts.TypeChecker, p: ts.ShorthandPropertyAssignment): ts.Symbol | undefined {
  const s = checker.getShorthandAssignmentValueSymbol(p);
  return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
}
