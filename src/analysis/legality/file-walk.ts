/**
 * One walk over each app file's compiler nodes for the legality rules that read every node (the
 * pins and device uses of pinning.ts, the state of state.ts): each rule was its own pass over
 * every file, each paying for the traversal again. A rule is a visitor: `enter` says whether
 * the walk goes on into the node's children for it (its own skips: types, imports), and
 * `leave` follows them. Rules see each node in the same order as a walk of their own would
 * (depth first, in source order, from the file's top-level statements), so what they find and
 * in which order is unchanged.
 */
import { ts } from '../../typescript.cjs';

export interface NodeVisitor {
  /** Whether to go on into `node`'s children for this rule (then `leave(node)` follows them). */
  enter(node: ts.Node): boolean;
  leave?(node: ts.Node): void;
}

/** Every node of `sf` below the file itself, to each visitor that has not skipped an ancestor of it. */
export function walkTogether(sf: ts.SourceFile, visitors: readonly NodeVisitor[]): void {
  if (visitors.length > 31) throw new Error('walkTogether: at most 31 visitors (one bit each)');
  if (!visitors.length) return;
  let active = (1 << visitors.length) - 1; // visitors still walking at the current depth
  const visit = (node: ts.Node): undefined => {
    const outer = active;
    let inner = 0;
    for (let i = 0; i < visitors.length; i++) if (outer & (1 << i) && visitors[i]!.enter(node)) inner |= 1 << i;
    if (inner === 0) return undefined;
    active = inner;
    ts.forEachChild(node, visit);
    active = outer;
    for (let i = 0; i < visitors.length; i++) if (inner & (1 << i)) visitors[i]!.leave?.(node);
    return undefined;
  };
  ts.forEachChild(sf, visit);
}
