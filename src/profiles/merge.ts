import { InputError } from '../errors.js';
import { compare } from '../util/compare.js';
import { ESTIMABLE, ESTIMATED_SIDE, MergedProfile, figureColumns, type FigureColumns } from './merged.js';
import type { ContextColumns } from './jsonContexts.js';
import type { ContextFigure, Profile, ProfileFacts, Side } from './types.js';

export { MergedProfile } from './merged.js';

/**
 * How many distinct methods deep a calling context may be, recursion folded. Real programs stay
 * far below (a path holds each method once); a deeper one is not a recording, and each context
 * carries its path into the manifest, so it would cost memory by the square of its depth.
 */
export const MAX_CONTEXT_DEPTH = 1000;

/**
 * A context nested deeper than MAX_CONTEXT_DEPTH: `context` is its index in the profile, so that
 * a caller holding the file's text can say on which line it is (the merge has no text).
 */
export class ContextTooDeep extends InputError {
  constructor(
    readonly context: number,
    file: string,
  ) {
    super(`a calling context more than ${MAX_CONTEXT_DEPTH} distinct methods deep (recursion folded): not a recording of a real program?`, file, `contexts[${context}]`);
  }
}

const SIDE_BIT: Record<Side, number> = { device: 1, clone: 2 };
const SELF_MS_BIT = 1 << ESTIMABLE.indexOf('selfMs');
const ESTIMATED_CODE: Record<Side, number> = { device: ESTIMATED_SIDE.indexOf('device'), clone: ESTIMATED_SIDE.indexOf('clone') };

/**
 * Merges any number of device and clone profiles by call path. Runs of one side add up;
 * a context seen on one side only is estimated from the other with the device's speed
 * relative to the clone (`deviceSpeed` = device speed / clone speed).
 */
export function mergeProfiles(profiles: readonly Profile[], deviceSpeed: number): MergedProfile {
  const merger = new ProfileMerger(1 + profiles.reduce((n, p) => n + p.contexts.length, 0));
  for (const profile of profiles) merger.add(profile);
  return merger.finish(deviceSpeed);
}

/**
 * mergeProfiles one profile at a time, so that a caller can let each profile's contexts go
 * before it parses the next (partition held every parsed file, a million objects each, until
 * the merge). The same profiles added in the same order give the same result.
 */
export class ProfileMerger {
  private tree: PathTree | undefined;
  private readonly runs: Record<Side, number> = { device: 0, clone: 0 };

  /** `capacity`: how many tree nodes to make room for at first (it grows as needed). */
  constructor(capacity = 1024) {
    this.tree = new PathTree(Math.max(2, capacity));
  }

  add(profile: Profile): void {
    const tree = this.tree!;
    this.runs[profile.side] += profile.runs;
    addProfile(tree, profile);
  }

  /** add, for a profile whose contexts were read into columns (jsonContexts.ts): the same merge. */
  addColumns(profile: Omit<Profile, 'contexts'>, columns: ContextColumns): void {
    const tree = this.tree!;
    this.runs[profile.side] += profile.runs;
    addColumns(tree, profile, columns);
  }

  /** Contexts merged so far. */
  get size(): number {
    return this.tree!.size - 1;
  }

  /** The merged profile; the merger is spent (its tree is let go). */
  finish(deviceSpeed: number): MergedProfile {
    const tree = this.tree;
    if (!tree) throw new Error('ProfileMerger.finish called twice');
    this.tree = undefined;
    return toMerged(tree, depthFirstOrder(tree), this.runs, deviceSpeed);
  }
}

/** What partition keeps of a profile once merged. */
export function factsOf(profile: Profile): ProfileFacts {
  const { contexts, ...rest } = profile;
  // A loop, not a map to a million-entry array first.
  const distinct = new Set<string>();
  for (let i = 0; i < contexts.length; i++) distinct.add(contexts[i]!.method);
  const methods = [...distinct].sort(compare);
  return { ...rest, contextCount: contexts.length, methods };
}

/**
 * The call paths of all profiles as a tree of indices (node 0 is the root, above every root
 * context), its figures summed per side in columns: no object per node.
 */
class PathTree {
  parent: Int32Array;
  method: Int32Array;
  depth: Int32Array;
  /** Per node, the self time summed over each side's profiles. */
  selfMs: Record<Side, Float64Array>;
  /**
   * Per node, calls and boundary bytes summed over ONE side's profiles: the device's once a device
   * profile has the node, else the clone's, the figures the merged profile keeps (toMerged). One
   * set of columns, not one per side: 24 MB less of new memory at a million contexts.
   */
  workload: Omit<FigureColumns, 'selfMs'>;
  /** Per node, SIDE_BIT of each side that recorded it. */
  sides: Uint8Array;
  /** Per node and side, the ESTIMABLE bits a contributing profile of that side marks as estimated. */
  flagged: Record<Side, Uint8Array>;
  size = 1;
  readonly methodNames: string[] = [];
  private readonly methodIds = new Map<string, number>();
  /**
   * Children by (parent, method): an open-addressing table of node indices (0, the root, is
   * never a child: an empty slot). A Map keyed by numbers beyond 2^31 boxed every key and took
   * most of the merge's time.
   */
  private children: Int32Array;
  private mask: number;
  /**
   * The node childOf answered last. Profiles of one workload list their contexts in the same
   * order on both sides, so a file merged into the tree of another mostly asks next for the node
   * made right after the last one: checked first, in memory read in order, before the table (a
   * probe there is a cache miss per context at a million contexts).
   */
  private last = 0;

  constructor(private capacity: number) {
    this.parent = new Int32Array(capacity).fill(-1);
    this.method = new Int32Array(capacity).fill(-1);
    this.depth = new Int32Array(capacity);
    this.selfMs = { device: new Float64Array(capacity), clone: new Float64Array(capacity) };
    this.workload = { calls: new Float64Array(capacity), bytesIn: new Float64Array(capacity), bytesOut: new Float64Array(capacity) };
    this.sides = new Uint8Array(capacity);
    this.flagged = { device: new Uint8Array(capacity), clone: new Uint8Array(capacity) };
    this.children = new Int32Array(0);
    this.mask = 0;
    this.rehash();
  }

  /** Twice the room, every column copied (amortised: each node is copied about once). */
  private grow(): void {
    const capacity = this.capacity * 2;
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T, fill = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      if (fill !== 0) b.fill(fill, a.length);
      b.set(a);
      return b;
    };
    this.parent = more(this.parent, -1);
    this.method = more(this.method, -1);
    this.depth = more(this.depth);
    this.selfMs = { device: more(this.selfMs.device), clone: more(this.selfMs.clone) };
    this.workload = { calls: more(this.workload.calls), bytesIn: more(this.workload.bytesIn), bytesOut: more(this.workload.bytesOut) };
    this.sides = more(this.sides);
    this.flagged = { device: more(this.flagged.device), clone: more(this.flagged.clone) };
    this.capacity = capacity;
    this.rehash();
  }

  /** At most half full: a power of two at least twice the capacity, every node put back. */
  private rehash(): void {
    const slots = 2 ** Math.ceil(Math.log2(2 * this.capacity));
    this.children = new Int32Array(slots);
    this.mask = slots - 1;
    for (let node = 1; node < this.size; node++) this.children[this.freeSlot(this.parent[node]!, this.method[node]!)] = node;
  }

  private freeSlot(parent: number, method: number): number {
    let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(method + 1, 0x85ebca77)) & this.mask;
    while (this.children[slot] !== 0) slot = (slot + 1) & this.mask;
    return slot;
  }

  methodId(name: string): number {
    let id = this.methodIds.get(name);
    if (id === undefined) {
      id = this.methodNames.push(name) - 1;
      this.methodIds.set(name, id);
    }
    return id;
  }

  childOf(parent: number, method: number): number {
    const next = this.last + 1;
    if (next < this.size && this.parent[next] === parent && this.method[next] === method) return (this.last = next);
    let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(method + 1, 0x85ebca77)) & this.mask;
    for (let child = this.children[slot]!; child !== 0; child = this.children[slot]!) {
      if (this.parent[child] === parent && this.method[child] === method) return (this.last = child);
      slot = (slot + 1) & this.mask;
    }
    if (this.size === this.capacity) {
      this.grow();
      return this.childOf(parent, method);
    }
    const child = this.size++;
    this.parent[child] = parent;
    this.method[child] = method;
    this.depth[child] = this.depth[parent]! + 1;
    this.children[slot] = child;
    return (this.last = child);
  }

  /** Recursion is folded onto the first occurrence of the method on the path (DESIGN.md). */
  recursionTarget(parent: number, method: number): number | undefined {
    let first: number | undefined;
    for (let node = parent; node > 0; node = this.parent[node]!) if (this.method[node] === method) first = node;
    return first;
  }
}

function bitsOf(fields: readonly ContextFigure[] | undefined): number {
  let bits = 0;
  for (const f of fields ?? []) bits |= 1 << ESTIMABLE.indexOf(f);
  return bits;
}

function addProfile(tree: PathTree, profile: Profile): void {
  // By context id: an array, as ids are small integers (sparse ones make it a dictionary, still right).
  const nodeOfId: number[] = [];
  const add = contextAdder(tree, profile);
  const contexts = profile.contexts;
  for (let i = 0; i < contexts.length; i++) {
    const context = contexts[i]!;
    const parent = context.parent === undefined ? 0 : nodeOfId[context.parent]!;
    nodeOfId[context.id] = add(i, parent, tree.methodId(context.method), context.calls, context.selfMs, context.bytesIn, context.bytesOut);
  }
}

function addColumns(tree: PathTree, profile: Omit<Profile, 'contexts'>, columns: ContextColumns): void {
  // Method ids in order of first appearance, as addProfile gives them.
  const methodOf = Int32Array.from(columns.names, (name) => tree.methodId(name));
  const nodeOf = new Int32Array(columns.length);
  const add = contextAdder(tree, profile);
  const { parent: parents, method: methods, calls, selfMs, bytesIn, bytesOut } = columns;
  for (let i = 0; i < columns.length; i++) {
    const p = parents[i]!;
    nodeOf[i] = add(i, p < 0 ? 0 : nodeOf[p]!, methodOf[methods[i]!]!, calls[i]!, selfMs[i]!, bytesIn[i]!, bytesOut[i]!);
  }
}

/**
 * Context i of `profile` (under tree node `parent`, of method id `method`) added to the tree,
 * its figures summed into its node's side: the node. Shared by addProfile and addColumns.
 */
function contextAdder(tree: PathTree, profile: Omit<Profile, 'contexts'>) {
  const side = profile.side;
  const flags = bitsOf(profile.estimated);
  const sideBit = SIDE_BIT[side];
  return (i: number, parent: number, method: number, calls: number, selfMs: number, bytesIn: number, bytesOut: number): number => {
    const node = tree.recursionTarget(parent, method) ?? tree.childOf(parent, method);
    if (tree.depth[node]! > MAX_CONTEXT_DEPTH) {
      throw new ContextTooDeep(i, profile.file);
    }
    // Read after childOf, which may have grown (replaced) the columns.
    const had = tree.sides[node]!;
    tree.flagged[side][node]! |= flags;
    tree.sides[node]! = had | sideBit;
    tree.selfMs[side][node]! += selfMs;
    // Calls and bytes: the device's sums once it has the node (a clone's sum so far starts
    // again from 0 at its first device context), the clone's only while the device has none.
    const deviceHad = (had & SIDE_BIT.device) !== 0;
    const w = tree.workload;
    if (sideBit === SIDE_BIT.device) {
      w.calls[node] = (deviceHad ? w.calls[node]! : 0) + calls;
      w.bytesIn[node] = (deviceHad ? w.bytesIn[node]! : 0) + bytesIn;
      w.bytesOut[node] = (deviceHad ? w.bytesOut[node]! : 0) + bytesOut;
    } else if (!deviceHad) {
      w.calls[node]! += calls;
      w.bytesIn[node]! += bytesIn;
      w.bytesOut[node]! += bytesOut;
    }
    return node;
  };
}

/** The tree's nodes but the root, depth first, siblings in code-unit order of their method ids. */
function depthFirstOrder(tree: PathTree): Int32Array {
  const { size, parent, method } = tree;
  // Children by parent, in one array: start[p] .. start[p + 1].
  const start = new Int32Array(size + 1);
  for (let k = 1; k < size; k++) start[parent[k]! + 1]!++;
  for (let p = 0; p < size; p++) start[p + 1]! += start[p]!;
  const kids = new Int32Array(Math.max(size - 1, 0));
  const filled = start.slice(0, size);
  for (let k = 1; k < size; k++) kids[filled[parent[k]!]!++] = k;
  const names = tree.methodNames;
  const rank = new Int32Array(names.length);
  names.map((name, id) => ({ name, id })).sort((a, b) => compare(a.name, b.name)).forEach(({ id }, r) => (rank[id] = r));
  for (let p = 0; p < size; p++) {
    if (start[p + 1]! - start[p]! > 1) kids.subarray(start[p]!, start[p + 1]!).sort((a, b) => rank[method[a]!]! - rank[method[b]!]!);
  }
  // A stack of its own: a profile may be any number of contexts deep, and the call stack is not.
  const order = new Int32Array(size - 1);
  const stack = new Int32Array(size);
  let top = 0;
  let n = 0;
  const pushChildren = (p: number) => {
    for (let c = start[p + 1]! - 1; c >= start[p]!; c--) stack[top++] = kids[c]!;
  };
  pushChildren(0);
  while (top > 0) {
    const node = stack[--top]!;
    order[n++] = node;
    pushChildren(node);
  }
  return order;
}

/** Per-run figures of each node in `order`, a one-sided context estimated from the other side. */
function toMerged(tree: PathTree, order: Int32Array, runs: Record<Side, number>, deviceSpeed: number): MergedProfile {
  const size = order.length;
  const indexOf = new Int32Array(tree.size).fill(-1);
  const parent = new Int32Array(size);
  const method: string[] = new Array<string>(size);
  // Methods numbered in order of first appearance in `order`, from the tree's own numbers: what
  // MergedProfile.methodNumbers would find by a look-up of each context's name.
  const numberOf = new Int32Array(tree.methodNames.length).fill(-1);
  const names: string[] = [];
  const id = new Int32Array(size);
  // Calls and bytes are one column each, the two sides' the same arrays (nothing writes them after).
  const device = figureColumns(size);
  const clone: FigureColumns = { calls: device.calls, selfMs: new Float64Array(size), bytesIn: device.bytesIn, bytesOut: device.bytesOut };
  const estimatedSide = new Uint8Array(size);
  const estimatedFields = new Uint8Array(size);
  const { selfMs, workload, flagged } = tree;
  for (let j = 0; j < size; j++) {
    const node = order[j]!;
    indexOf[node] = j;
    parent[j] = node === 0 ? -1 : indexOf[tree.parent[node]!]!;
    const m = tree.method[node]!;
    if (numberOf[m] === -1) numberOf[m] = names.push(tree.methodNames[m]!) - 1;
    id[j] = numberOf[m]!;
    method[j] = tree.methodNames[m]!;
    const sides = tree.sides[node]!;
    // Calls and boundary bytes are properties of the workload; the device measured them
    // where a migration would start, so its figures are the ones used when it has them.
    // (Each column written by name: a loop over [device, clone] made an array per context.)
    const fromDevice = (sides & SIDE_BIT.device) !== 0;
    const n = fromDevice ? runs.device : runs.clone;
    device.calls[j] = workload.calls[node]! / n;
    device.bytesIn[j] = workload.bytesIn[node]! / n;
    device.bytesOut[j] = workload.bytesOut[node]! / n;
    if (sides === (SIDE_BIT.device | SIDE_BIT.clone)) {
      device.selfMs[j] = selfMs.device[node]! / runs.device;
      clone.selfMs[j] = selfMs.clone[node]! / runs.clone;
      estimatedFields[j] = flagged.device[node]! | (flagged.clone[node]! & SELF_MS_BIT);
    } else if (fromDevice) {
      device.selfMs[j] = selfMs.device[node]! / runs.device;
      clone.selfMs[j] = device.selfMs[j]! * deviceSpeed;
      estimatedSide[j] = ESTIMATED_CODE.clone;
      estimatedFields[j] = flagged.device[node]!;
    } else {
      clone.selfMs[j] = selfMs.clone[node]! / runs.clone;
      device.selfMs[j] = clone.selfMs[j]! / deviceSpeed;
      estimatedSide[j] = ESTIMATED_CODE.device;
      estimatedFields[j] = flagged.clone[node]!;
    }
  }
  return new MergedProfile(parent, method, device, clone, estimatedSide, estimatedFields, runs, { id, names });
}
