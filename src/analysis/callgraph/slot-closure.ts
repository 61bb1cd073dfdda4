/**
 * What each parameter slot may hold, for one fixed set of call sites (a round of parameter flow).
 *
 * A slot holds its own values (what its function's call sites pass) and everything the slots next
 * to it hold (a parameter passed on). Asking each question by a walk of that graph costs the
 * graph per question, and real programs ask hundreds of questions of one large graph (zod: ~400
 * per round over 6k slots in one big tangle). So the graph is taken in strongly connected
 * components, each joined once and shared by every question that reaches it.
 *
 * A slot marked `returns` holds what the functions in its plain slot return; a returned
 * parameter leads to further slots, so these few slots are solved together by iteration to the
 * least fixed point (a returns slot may depend on itself through its functions' parameters).
 */
import type { ts } from '../../typescript.cjs';

/** What is passed for a parameter: that property of it, the elements of the arrays there, or what the functions there return. */
export interface Passed {
  property?: string | undefined;
  elements?: boolean | undefined;
  /** With elements: the element at this position only. */
  at?: number | undefined;
  returns?: boolean | undefined;
}

/** Parameter `idx` of `fn`, and what of it is passed (a Passed). */
export interface Slot extends Passed {
  fn: ts.Node;
  idx: number;
  /** A number for the slot, its `returns` aside (SlotGraph.id). */
  id?: number;
}

/** A slot's own part: the values its function's call sites pass, and the slots whose values it holds too. */
export interface SlotHere {
  values: ts.Node[];
  complete: boolean;
  next: Slot[];
}

/** Values a slot may hold, and whether those are all (no caller or value unknown). Shared between questions: read only. */
export interface Flow {
  values: ReadonlySet<ts.Node>;
  complete: boolean;
}

/** What the closures read of the program; fixed while one SlotClosures is in use. */
export interface SlotGraph {
  /** The same number for equal slots, `returns` aside. */
  id(slot: Slot): number;
  /** Nothing is passed to this slot: `complete` says whether that is known (see ParameterFlow.cut). */
  cut(slot: Slot): { complete: boolean } | undefined;
  /** A plain slot's own part. */
  here(slot: Slot): SlotHere;
  /** What a function returns: values found, parameters returned (slots), and whether every returned value was found. */
  returnedBy(fn: ts.Node): { values: readonly ts.Node[]; slots: readonly Slot[]; complete: boolean };
  /** Counted per slot entered (parameterFlowWork). */
  visited(): void;
}

/** A strongly connected component of plain slots: what its slots and those after it hold, and the returns slots they reach. */
interface Component {
  flow: Flow;
  returns: Slot[];
  /** flow with the returns slots' values joined in, once they are settled. */
  full?: Flow;
}

const NOTHING: Flow = { values: new Set(), complete: true };
const NOTHING_KNOWN: Flow = { values: new Set(), complete: false };

export class SlotClosures {
  /** Plain slot (its id) -> its component, once complete. */
  private readonly componentOf = new Map<number, Component>();
  /** Tarjan's numbering, kept across questions: a finished slot never needs visiting again. */
  private readonly index = new Map<number, number>();
  private readonly low = new Map<number, number>();
  /** Returns slot (its id) -> its value so far, and the ones settled (final). */
  private readonly returnsValue = new Map<number, Flow>();
  private readonly settled = new Set<number>();
  /** Returns slots being solved together (set while iterating): each one's id and its plain slot, made once. */
  private solving: { id: number; plain: Slot }[] | undefined;
  /** What each function returns (SlotGraph.returnedBy), asked once. */
  private readonly returnedBy = new Map<ts.Node, ReturnType<SlotGraph['returnedBy']>>();

  constructor(private readonly graph: SlotGraph) {}

  /** What a slot may hold (for a returns slot: what the functions in its plain slot return). */
  of(slot: Slot): Flow {
    const cut = this.graph.cut(slot);
    if (cut) return cut.complete ? NOTHING : NOTHING_KNOWN;
    if (slot.returns) return this.returned(slot);
    const c = this.component(slot);
    if (!c.returns.length) return c.flow;
    if (c.full) return c.full;
    const values = new Set(c.flow.values);
    let complete = c.flow.complete;
    let final = true;
    for (const r of c.returns) {
      const got = this.returned(r);
      for (const v of got.values) values.add(v);
      complete &&= got.complete;
      final &&= this.settled.has(this.graph.id(r));
    }
    const flow = { values, complete };
    // While returns slots are being solved, their values are not yet final: nor is this.
    if (final) c.full = flow;
    return flow;
  }

  /** What the functions of a flow return, with what their callers pass for the parameters they return. */
  returnedOf(passed: Flow): Flow {
    const values = new Set<ts.Node>();
    let complete = passed.complete;
    for (const fn of passed.values) {
      const ret = this.returnedBy.get(fn) ?? this.returnedBy.set(fn, this.graph.returnedBy(fn)).get(fn)!;
      for (const v of ret.values) values.add(v);
      complete &&= ret.complete;
      for (const s of ret.slots) {
        const held = this.of(s);
        for (const v of held.values) values.add(v);
        complete &&= held.complete;
      }
    }
    return { values, complete };
  }

  /** A returns slot's value: settled at once, or iterated with the returns slots it reaches until none grows. */
  private returned(slot: Slot): Flow {
    const id = this.graph.id(slot);
    const known = this.returnsValue.get(id);
    if (known && (this.settled.has(id) || this.solving)) return known;
    // Least fixed point: start from nothing (and complete), grow.
    this.returnsValue.set(id, NOTHING);
    const entry = { id, plain: { fn: slot.fn, idx: slot.idx, property: slot.property, elements: slot.elements, at: slot.at } };
    if (this.solving) {
      this.solving.push(entry);
      return NOTHING;
    }
    const solving = (this.solving = [entry]);
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < solving.length; i++) {
        const s = solving[i]!;
        const next = this.returnedOf(this.of(s.plain));
        const before = this.returnsValue.get(s.id)!;
        if (next.values.size === before.values.size && next.complete === before.complete) continue;
        this.returnsValue.set(s.id, next);
        changed = true;
      }
    }
    this.solving = undefined;
    for (const s of solving) this.settled.add(s.id);
    return this.returnsValue.get(id)!;
  }

  /** The component of a plain slot: Tarjan's algorithm from it, iteratively (slot chains can be long). */
  private component(start: Slot): Component {
    const startId = this.graph.id(start);
    const done = this.componentOf.get(startId);
    if (done) return done;
    const stack: { id: number; slot: Slot }[] = [];
    const onStack = new Set<number>();
    const frames: { id: number; next: readonly Slot[]; i: number }[] = [];
    const enter = (slot: Slot, id: number) => {
      this.graph.visited();
      this.index.set(id, this.index.size);
      this.low.set(id, this.index.get(id)!);
      stack.push({ id, slot });
      onStack.add(id);
      frames.push({ id, next: this.graph.cut(slot) ? [] : this.graph.here(slot).next, i: 0 });
    };
    enter(start, startId);
    while (frames.length) {
      const f = frames[frames.length - 1]!;
      if (f.i < f.next.length) {
        const s = f.next[f.i++]!;
        if (s.returns) continue; // joined when the component is built
        const w = this.graph.id(s);
        if (this.componentOf.has(w)) continue;
        if (!this.index.has(w)) enter(s, w);
        else if (onStack.has(w)) this.low.set(f.id, Math.min(this.low.get(f.id)!, this.index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) this.low.set(parent.id, Math.min(this.low.get(parent.id)!, this.low.get(f.id)!));
      if (this.low.get(f.id) !== this.index.get(f.id)) continue;
      const members: Slot[] = [];
      for (;;) {
        const m = stack.pop()!;
        onStack.delete(m.id);
        members.push(m.slot);
        if (m.id === f.id) break;
      }
      this.build(members);
    }
    return this.componentOf.get(startId)!;
  }

  /** Joins a component's own parts and the components after it (all finished: Tarjan finishes those first). */
  private build(members: Slot[]): void {
    const ids = new Set(members.map((m) => this.graph.id(m)));
    const values = new Set<ts.Node>();
    let complete = true;
    const returns: Slot[] = [];
    const returnIds = new Set<number>();
    const after = new Set<Component>();
    const addReturns = (r: Slot) => {
      const id = this.graph.id(r);
      if (!returnIds.has(id)) returnIds.add(id), returns.push(r);
    };
    for (const m of members) {
      const cut = this.graph.cut(m);
      if (cut) {
        complete &&= cut.complete;
        continue;
      }
      const here = this.graph.here(m);
      for (const v of here.values) values.add(v);
      complete &&= here.complete;
      for (const s of here.next) {
        if (s.returns) {
          const c = this.graph.cut(s);
          if (c) complete &&= c.complete;
          else addReturns(s);
          continue;
        }
        const w = this.graph.id(s);
        if (!ids.has(w)) after.add(this.componentOf.get(w)!);
      }
    }
    // A slot that only passes another's values on (no values of its own) shares that component's answer.
    const [only] = after;
    const shared = after.size === 1 && !values.size && complete && !returns.length ? only : undefined;
    const component = shared ?? this.joined(values, complete, returns, addReturns, after);
    for (const id of ids) this.componentOf.set(id, component);
  }

  private joined(values: Set<ts.Node>, complete: boolean, returns: Slot[], addReturns: (r: Slot) => void, after: Set<Component>): Component {
    for (const c of after) {
      for (const v of c.flow.values) values.add(v);
      complete &&= c.flow.complete;
      for (const r of c.returns) addReturns(r);
    }
    return { flow: { values, complete }, returns };
  }
}
