/**
 * The orders in which the polish (local-search.ts) walks one tree, made once per tree: it
 * prices every set of a round with the same depth-first walks, which as stack-driven DFS were
 * most of its time on the 1M-context bench tree. In a preorder every subtree is a contiguous
 * run, so a walk that stops at some contexts skips their subtrees by their sizes, and visits the
 * rest in exactly the order the DFS did (the same additions in the same order).
 */
import type { CompactTree } from './compact.js';

export interface Walks {
  /** Preorder, roots and each context's children in index order. */
  forward: Int32Array;
  /** Each context's place in `forward`. */
  atForward: Int32Array;
  /** Preorder with each context's children in reverse index order (what a DFS popping its children's pushes visits). */
  backward: Int32Array;
  /** Each context's place in `backward`. */
  atBackward: Int32Array;
  /** Contexts in each context's subtree, itself included. */
  size: Int32Array;
  /** 1 where the context's method is a candidate and no strict ancestor has the same method. */
  outermost: Uint8Array;
}

const made = new WeakMap<CompactTree, Walks>();

/** The walks of `tree` (kept with it: a tree is not changed once made). */
export function walksOf(tree: CompactTree): Walks {
  let walks = made.get(tree);
  if (!walks) made.set(tree, (walks = makeWalks(tree)));
  return walks;
}

function makeWalks(tree: CompactTree): Walks {
  const { size: n, parent, method } = tree;
  const forward = preorder(tree, false);
  const backward = preorder(tree, true);
  const atForward = new Int32Array(n);
  const atBackward = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    atForward[forward[t]!] = t;
    atBackward[backward[t]!] = t;
  }
  const size = new Int32Array(n).fill(1);
  for (let i = n - 1; i >= 0; i--) if (parent[i]! >= 0) size[parent[i]!]! += size[i]!;
  // Along the preorder, `open` holds the path to the last context; a method's count on it says
  // whether a context's method already ran above it.
  const outermost = new Uint8Array(n);
  const onPath = new Int32Array(tree.methods.length);
  const open = new Int32Array(n);
  let depth = 0;
  for (let t = 0; t < n; t++) {
    const i = forward[t]!;
    while (depth > 0 && open[depth - 1] !== parent[i]) {
      const k = method[open[--depth]!]!;
      if (k >= 0) onPath[k]!--;
    }
    const k = method[i]!;
    if (k >= 0) {
      if (onPath[k] === 0) outermost[i] = 1;
      onPath[k]!++;
    }
    open[depth++] = i;
  }
  return { forward, atForward, backward, atBackward, size, outermost };
}

/** Depth-first preorder from the roots in index order, children in index order or, `reversed`, in reverse. */
function preorder(tree: CompactTree, reversed: boolean): Int32Array {
  const { size: n, parent, start, kids } = tree;
  const order = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let r = n - 1; r >= 0; r--) if (parent[r]! < 0) stack[top++] = r;
  for (let t = 0; top > 0; t++) {
    const i = stack[--top]!;
    order[t] = i;
    if (reversed) for (let j = start[i]!; j < start[i + 1]!; j++) stack[top++] = kids[j]!;
    else for (let j = start[i + 1]! - 1; j >= start[i]!; j--) stack[top++] = kids[j]!;
  }
  return order;
}
