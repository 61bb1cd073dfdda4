/**
 * The orders in which the polish (local-search.ts) walks one tree, made once per tree: it
 * prices every set of a round with the same depth-first walks, which as stack-driven DFS were
 * most of its time on the 1M-context bench tree. In a preorder every subtree is a contiguous
 * run, so a walk that stops at some contexts skips their subtrees by their sizes, and visits the
 * rest in exactly the order the DFS did (the same additions in the same order). The tree's
 * own arrays are also laid out in both preorders, so that those walks read memory in order (read
 * through the preorder, the 298k-context reduced bench tree's arrays missed the cache at every
 * context). Sums up the tree in reverse preorder add each context's children in the same order
 * as a reverse loop over the indices (children in index order), so they too come out the same.
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
  /** Per place in `forward`: its parent's place (-1 for a root), method, weight, subtree size, and whether it is outermost (below). */
  inForward: Laid & { parent: Int32Array; outermost: Uint8Array };
  /** Per place in `backward`: method, weight, subtree size. */
  inBackward: Laid;
}

/** A tree's per-context values at the places of one order. */
export interface Laid {
  method: Int32Array;
  weight: Float64Array;
  size: Int32Array;
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
  // 1 where the context's method is a candidate and no strict ancestor has the same method.
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
  // Plain loops: TypedArray.from with a mapping function is several times slower.
  const laid = (order: Int32Array): Laid => {
    const out = { method: new Int32Array(n), weight: new Float64Array(n), size: new Int32Array(n) };
    for (let t = 0; t < n; t++) {
      const i = order[t]!;
      out.method[t] = method[i]!;
      out.weight[t] = tree.weight[i]!;
      out.size[t] = size[i]!;
    }
    return out;
  };
  const inForward = { ...laid(forward), parent: new Int32Array(n), outermost: new Uint8Array(n) };
  for (let t = 0; t < n; t++) {
    const i = forward[t]!;
    inForward.parent[t] = parent[i]! < 0 ? -1 : atForward[parent[i]!]!;
    inForward.outermost[t] = outermost[i]!;
  }
  return { forward, atForward, backward, atBackward, size, inForward, inBackward: laid(backward) };
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
