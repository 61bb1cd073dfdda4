/**
 * A map from syntax nodes to values, read by the node's id (the number the checker gives a node
 * for its own tables, `getNodeId`) in pages of a fixed size, not hashed by the node object.
 *
 * Why: the checker's answers the analysis remembers per node (symbols.ts) are asked about two
 * million times on a generated app of 40k methods, and a Map keyed by nodes there holds half a
 * million of them: each ask read the node's hash from the node, then probed a table far larger
 * than the processor's caches, and each growth of the table copied every entry again. An id
 * indexes a page directly. Giving a node its id early changes nothing the checker answers: the
 * id is only ever a key of its tables.
 */
import { ts } from '../typescript.cjs';

const getNodeId = (ts as unknown as { getNodeId(node: ts.Node): number }).getNodeId;

const PAGE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

export class NodeTable<V> {
  private readonly pages: (V | undefined)[][] = [];

  get(node: ts.Node): V | undefined {
    const id = getNodeId(node);
    return this.pages[id >>> PAGE_BITS]?.[id & PAGE_MASK];
  }

  set(node: ts.Node, value: V): void {
    const id = getNodeId(node);
    const p = id >>> PAGE_BITS;
    // Pages are made in any order (ids grow as the checker and the walks meet nodes): fill the gap
    // with empty slots so that the list of pages stays a plain array, never a dictionary.
    while (this.pages.length <= p) this.pages.push(EMPTY as (V | undefined)[]);
    let page = this.pages[p]!;
    if (page === EMPTY) this.pages[p] = page = new Array<V | undefined>(PAGE_SIZE).fill(undefined);
    page[id & PAGE_MASK] = value;
  }
}

const EMPTY: unknown[] = [];
