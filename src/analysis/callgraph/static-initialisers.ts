/**
 * Static field initialisers and `static {}` blocks run when the class definition is evaluated
 * (methods.ts gathers them into a synthetic `Class.static.<init>`). A class declared inside a
 * function (or inside another initialiser) is defined each time that code runs, so that code runs
 * them: an 'implicit' edge from it to the class's `static.<init>`. A class at the top level of a
 * module is defined once, at load, by no method (no edge).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { MethodTable } from '../methods.js';

export interface DefinitionRun {
  /** The method whose code defines the class. */
  from: string;
  /** The class's `static.<init>`. */
  to: string;
  cls: ts.ClassLikeDeclaration;
}

/** For each class with static initialisers defined inside a method: that method and the synthetic `static.<init>`. */
export function staticInitialiserRuns(table: MethodTable): DefinitionRun[] {
  const out: DefinitionRun[] = [];
  for (const [to, m] of table.byId) {
    if (m.synthetic?.kind !== 'static-init') continue;
    const from = definingMethod(table, m.synthetic.cls);
    if (from && from !== to) out.push({ from, to, cls: m.synthetic.cls });
  }
  return out;
}

/** The innermost method (or initialiser's synthetic method) whose code contains the class, as walk.ts assigns owners. */
function definingMethod(table: MethodTable, cls: ts.ClassLikeDeclaration): string | undefined {
  for (let n: ts.Node | undefined = cls.parent; n && !ts.isSourceFile(n); n = n.parent) {
    const init = table.initOwner.get(n);
    if (init) return init;
    if (isMethodNode(n)) return table.idOf.get(n);
  }
  return undefined;
}
