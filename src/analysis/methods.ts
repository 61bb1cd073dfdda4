/** The app's methods: one id per function-like node with a body, over all app files. */
import type { ts } from 'ts-morph';
import { enclosingMethodNode, methodIdsOf } from '../ids/methodIds.js';
import type { AppFile } from './project.js';

export interface MethodTable {
  /** Method node -> id (a getter and its setter map to one id). */
  idOf: Map<ts.Node, string>;
  /** id -> first declaration (file, line, nodes), in id order when iterated after sorting. */
  byId: Map<string, { file: AppFile; line: number; nodes: ts.FunctionLikeDeclaration[] }>;
}

export function collectMethods(files: AppFile[]): MethodTable {
  const idOf = new Map<ts.Node, string>();
  const byId: MethodTable['byId'] = new Map();
  for (const file of files) {
    for (const e of methodIdsOf(file.sf, file.rel)) {
      idOf.set(e.node, e.id);
      const seen = byId.get(e.id);
      if (seen) seen.nodes.push(e.node as ts.FunctionLikeDeclaration);
      else byId.set(e.id, { file, line: e.line, nodes: [e.node as ts.FunctionLikeDeclaration] });
    }
  }
  return { idOf, byId };
}

/** Id of the method whose own body holds `node` (innermost function-like), if any. */
export function ownerOf(table: MethodTable, node: ts.Node): string | undefined {
  const m = enclosingMethodNode(node);
  return m && table.idOf.get(m);
}
