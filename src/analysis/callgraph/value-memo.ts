/**
 * What value following (values.ts) keeps besides its answers: the app functions' parameters an
 * answer met (`this.handler = h`, `list.push(h)`, `const { f } = props`), which parameter flow
 * (calls.ts) finishes once every call site is known, and each answer per node and depth, so that
 * many uses of one property's stores or one factory's returns walk them once.
 */
import type { ts } from '../../typescript.cjs';

/** A parameter whose value (or whose property's value) a function value may be: see collectParameters. */
export interface ViaParameter {
  param: ts.ParameterDeclaration;
  property?: string;
  /** The value is an element of the array passed there (`list[i]`, `for (const f of list)`), not that value itself. */
  elements?: true;
  /** With elements: the element at this position only (`blocks[14]` of a tuple; for a rest parameter, of the arguments from it on). */
  at?: number;
  /** The value is what the functions passed there return (`const destroy = init(payload)`), not those functions. */
  returns?: true;
}

/** What an answer met when parameters are not tracked: one shared list, never added to. */
const NONE_MET: Sunk[] = [];

/** Marks a sunk property (or '' for the parameter itself) as the elements of the array there (`\0[3]`: the element at 3). */
const ELEMENTS = '\0[]';
/** Marks it as what the functions there return (after ELEMENTS when both). */
const RETURNS = '\0()';

/** Parameters reported again from kept answers (replay), counted for test/analysis/value-memo.test.ts. */
export const valueMemoWork = { replayed: 0 };

/**
 * Off only for the oracle of test/analysis/memo-oracle.test.ts: every answer is computed afresh
 * (exponential, fine on small programs), so the memo's answers can be checked against it.
 */
export const answerMemo = { enabled: true };

/** A parameter met while finding a value ('' for the parameter itself), so a remembered answer can report it again. */
export interface Sunk {
  param: ts.ParameterDeclaration;
  property: string;
}

interface Answer<T> {
  value: T;
  sunk: Sunk[];
  /**
   * Kept for the walk under way only: computed while a walk was cut short, or built on such an
   * answer. The number tells when it was made (1 the first such answer, then 2, ...): see usingPartials.
   */
  partial?: number;
}

/**
 * Answers by node, then by depth: those kept for good, and those computed while a walk was cut
 * short, kept until the outermost walk ends (or a cache searches its provisional answers again).
 * Within one walk, asking again would meet the same cycles, and not keeping them made one walk
 * exponential: each use of a provisional implementation counts as a cut, so on zod nothing above
 * one was kept (441 nodes asked 30M times), and arrays' elements, walked twice as deep for loop
 * variables, were not kept at all.
 */
export class AnswerTable<T> {
  readonly kept = new Map<ts.Node, (Answer<T> | undefined)[]>();
  readonly withinWalk = new Map<ts.Node, (Answer<T> | undefined)[]>();

  find(node: ts.Node, depth: number): Answer<T> | undefined {
    const i = depthIndex(depth);
    const kept = this.kept.get(node)?.[i];
    // Outside a walk cut short nothing is held for it: most asks end at the first lookup.
    return kept ?? (this.withinWalk.size ? this.withinWalk.get(node)?.[i] : undefined);
  }
}

/**
 * Where a depth's answer sits in a node's list. Depths start below 0 for loops (values.ts
 * LOOP_DEPTH), and a negative index is a named property, which made every such list a slow
 * dictionary: depths 0, -1, 1, -2, ... go to 0, 1, 2, 3, ...
 */
function depthIndex(depth: number): number {
  return depth >= 0 ? 2 * depth : -2 * depth - 1;
}

/**
 * The parameters a walk met, each once: kept answers are replayed into the walks around them, so
 * with repeats a deep walk's list grew with every reuse (zod's ran out of stack spreading one).
 * Sunk entries are made once per parameter and property (see ParameterMemo.sunkFor), so one set
 * lookup tells a repeat.
 */
class SunkSet {
  readonly list: Sunk[] = [];
  /** Made at the first add: most answers meet no parameter, and one set per answer computed was garbage. */
  private seen: Set<Sunk> | undefined;

  add(s: Sunk): void {
    const seen = (this.seen ??= new Set());
    if (seen.has(s)) return;
    seen.add(s);
    this.list.push(s);
  }
}

/**
 * Where replayed answers go: the walk's set and the collection's sink. A kept answer's list does
 * not change once kept, and both places only add, so replaying one list twice into the same
 * places adds nothing: on zod, half of 19M replayed entries were such repeats.
 */
class ReplayTarget {
  private readonly replayed = new Set<readonly Sunk[]>();

  /** False when `met` was replayed here before. */
  first(met: readonly Sunk[]): boolean {
    if (this.replayed.has(met)) return false;
    this.replayed.add(met);
    return true;
  }
}

export abstract class ParameterMemo {
  /** Where the parameters met while collectParameters runs go: per parameter, its properties read ('' for itself). */
  private parameterSink: Map<ts.ParameterDeclaration, Set<string>> | undefined;
  /** The parameters met by the answer being computed (see remember). */
  private sunk: SunkSet | undefined;
  /** The lists replayed into the current sunk set and parameter sink, which stay together until either changes. */
  private replays: ReplayTarget | undefined;
  /** The one Sunk per parameter and property. */
  private readonly sunkEntries = new Map<ts.ParameterDeclaration, Map<string, Sunk>>();
  /** Answers of `of` and `ofDeclaration`. */
  private readonly answers = new AnswerTable<ts.Node[]>();
  /** The tables holding answers for the walk under way (there is one per member name: clearing all was slow). */
  private readonly holdingWalk = new Set<AnswerTable<unknown>>();
  /** Calls of remember under way. */
  private walks = 0;
  /**
   * Uses of answers kept for the walk under way only. Such an answer may lack values (it was cut
   * short, or built on one that was), so one built on it is not kept for good either: kept so, a
   * later walk, where no cycle cuts there, got the partial answer (calls-memo-partial's later()).
   */
  private partialUses = 0;
  /** Answers kept for a walk under way made so far (each answer's `partial` is its place in this count). */
  private partialsMade = 0;
  /** The earliest made of the partial answers used in the scope of usingPartials under way (Infinity: none). */
  private earliestPartialUsed = Infinity;
  /** Whether answers keep the parameters they met: only collectParameters reads them (see FollowingOptions). */
  protected abstract readonly tracksParameters: boolean;

  /**
   * Runs `find` and also returns the app functions' parameters whose values (or properties'
   * values) the functions found may include (`this.handler = h`, `list.push(h)`,
   * `const cb = props.onX`): what callers pass there is known only once every call site is,
   * so parameter flow finishes the job. They go to this collection only, as they are not
   * reported to the collection around it: an answer being remembered around it does not keep
   * them either (what its user makes of them, `init(x)` returning what is passed for init, it reports).
   */
  collectParameters<T>(find: () => T): { result: T; parameters: ViaParameter[] } {
    if (!this.tracksParameters) throw new Error('collectParameters: this value following keeps no parameters met');
    const outer = this.parameterSink;
    const outerSunk = this.sunk;
    const outerReplays = this.replays;
    const sink = new Map<ts.ParameterDeclaration, Set<string>>();
    this.parameterSink = sink;
    this.sunk = undefined;
    this.replays = undefined;
    try {
      const result = find();
      const parameters = [...sink].flatMap(([param, names]) =>
        [...names].map((key): ViaParameter => {
          const returns = key.endsWith(RETURNS);
          const rest = returns ? key.slice(0, -RETURNS.length) : key;
          const position = /\0\[(\d*)\]$/.exec(rest);
          const name = position ? rest.slice(0, position.index) : rest;
          const at = position?.[1] ? { at: Number(position[1]) } : {};
          return { param, ...(name ? { property: name } : {}), ...(position ? { elements: true as const, ...at } : {}), ...(returns ? { returns: true as const } : {}) };
        }),
      );
      return { result, parameters };
    } finally {
      this.parameterSink = outer;
      this.sunk = outerSunk;
      this.replays = outerReplays;
    }
  }

  protected sinkParameter(param: ts.ParameterDeclaration, name = '', elements = false, returns = false, at?: number): void {
    if (!this.tracksParameters) return;
    const property = (elements ? name + (at === undefined ? ELEMENTS : `\0[${at}]`) : name) + (returns ? RETURNS : '');
    this.sink(this.sunkFor(param, property));
  }

  private sunkFor(param: ts.ParameterDeclaration, property: string): Sunk {
    let byProperty = this.sunkEntries.get(param);
    if (!byProperty) this.sunkEntries.set(param, (byProperty = new Map()));
    let s = byProperty.get(property);
    if (!s) byProperty.set(property, (s = { param, property }));
    return s;
  }

  private sink(s: Sunk): void {
    this.sunk?.add(s);
    const sink = this.parameterSink;
    if (!sink) return;
    const names = sink.get(s.param);
    if (names) names.add(s.property);
    else sink.set(s.param, new Set([s.property]));
  }

  /**
   * Many uses ask about the same nodes (one property's stores, one factory's returns), so each
   * answer is kept per node and depth, with the parameters it met, which are reported again
   * when it is reused. An answer is not kept when a walk was cut short meanwhile (a cycle through
   * calls' results or through interface implementations): a later use asks afresh, as before.
   */
  protected remember(node: ts.Node, depth: number, compute: () => ts.Node[]): ts.Node[] {
    return this.rememberNodes(this.answers, node, depth, compute);
  }

  /** remember, right after remembered() found nothing kept (nothing ran in between): without looking again. */
  protected rememberAfresh(node: ts.Node, depth: number, compute: () => ts.Node[]): ts.Node[] {
    return this.computeAndKeep(this.answers, node, depth, () => distinct(compute()));
  }

  /** The kept answer `remember` would give, if any: asked first, most asks being repeats, so that they make no closures. */
  protected remembered(node: ts.Node, depth: number): ts.Node[] | undefined {
    return this.recall(this.answers, node, depth);
  }

  /** Answers that are lists of nodes keep each node once, in the order found: see distinct. */
  protected rememberNodes(table: AnswerTable<ts.Node[]>, node: ts.Node, depth: number, compute: () => ts.Node[]): ts.Node[] {
    return this.recall(table, node, depth) ?? this.computeAndKeep(table, node, depth, () => distinct(compute()));
  }

  /** rememberNodes, right after recall() found nothing kept in `table` (nothing ran in between): without looking again. */
  protected rememberNodesAfresh(table: AnswerTable<ts.Node[]>, node: ts.Node, depth: number, compute: () => ts.Node[]): ts.Node[] {
    return this.computeAndKeep(table, node, depth, () => distinct(compute()));
  }

  /** A kept answer's value, with the parameters it met reported again; undefined when none is kept. */
  protected recall<T>(table: AnswerTable<T>, node: ts.Node, depth: number): T | undefined {
    const known = table.find(node, depth);
    return known ? this.reuse(known) : undefined;
  }

  protected rememberIn<T>(table: AnswerTable<T>, node: ts.Node, depth: number, compute: () => T): T {
    const known = table.find(node, depth);
    return known ? this.reuse(known) : this.computeAndKeep(table, node, depth, compute);
  }

  /** A kept answer's value, with what computing it afresh would report: its parameters met, and a use of a partial answer. */
  private reuse<T>(known: Answer<T>): T {
    if (known.partial) {
      this.partialUses++;
      if (known.partial < this.earliestPartialUsed) this.earliestPartialUsed = known.partial;
    }
    this.replay(known.sunk);
    return known.value;
  }

  /** Computes an answer no table holds yet and keeps it (for good, or for the walk under way when a walk was cut short meanwhile). */
  private computeAndKeep<T>(table: AnswerTable<T>, node: ts.Node, depth: number, compute: () => T): T {
    const cuts = this.cuts();
    const partialUses = this.partialUses;
    this.walks++;
    let answer: Answer<T>;
    try {
      const { result: value, met: sunk } = this.captured(compute);
      answer = { value, sunk };
    } finally {
      if (--this.walks === 0) this.forgetWithinWalk();
    }
    if (!answerMemo.enabled) return answer.value;
    const whole = this.cuts() === cuts && this.partialUses === partialUses;
    const forWalk = !whole && this.walks > 0;
    if (forWalk) {
      answer.partial = ++this.partialsMade;
      this.holdingWalk.add(table as AnswerTable<unknown>);
    }
    keep(whole ? table.kept : forWalk ? table.withinWalk : undefined, node, depth, answer);
    return answer.value;
  }

  /** Forgets the answers kept within the walk under way: a cache is about to search its provisional answers again. */
  forgetWithinWalk(): void {
    for (const t of this.holdingWalk) t.withinWalk.clear();
    this.holdingWalk.clear();
  }

  /**
   * Runs `compute` and also returns the parameters it met (reported to the walks around it as
   * usual), for an answer kept elsewhere (cycle-aware-cache.ts) to report them again: replay.
   */
  captured<T>(compute: () => T): { result: T; met: Sunk[] } {
    // Nothing is met: on zod, device values spent 6 s gathering lists no one read, and kept them.
    if (!this.tracksParameters) return { result: compute(), met: NONE_MET };
    const outer = this.sunk;
    const outerReplays = this.replays;
    const met = new SunkSet();
    this.sunk = met;
    this.replays = undefined;
    try {
      const result = compute();
      return { result, met: met.list };
    } finally {
      this.sunk = outer;
      this.replays = outerReplays;
      if (outer) for (const s of met.list) outer.add(s);
    }
  }

  /** Reports the parameters a kept answer met, as computing it afresh would. */
  replay(met: readonly Sunk[]): void {
    if (!met.length || (!this.sunk && !this.parameterSink)) return;
    if (!(this.replays ??= new ReplayTarget()).first(met)) return;
    valueMemoWork.replayed += met.length;
    for (const s of met) this.sink(s);
  }

  /** Walks cut short so far: an answer computed while this grew may lack values, so it is not kept. */
  abstract cuts(): number;

  /**
   * Runs `compute`, also telling whether it used a partial answer made before it began (one cut
   * short by a walk around it), as against only answers it made itself (cut short by its own
   * cycles): cast-away.ts keeps a follow built only on the latter.
   */
  usingPartials<T>(compute: () => T): { result: T; earlierUsed: boolean } {
    const outer = this.earliestPartialUsed;
    const made = this.partialsMade;
    this.earliestPartialUsed = Infinity;
    try {
      const result = compute();
      return { result, earlierUsed: this.earliestPartialUsed <= made };
    } finally {
      this.earliestPartialUsed = Math.min(outer, this.earliestPartialUsed);
    }
  }
}

function keep<T>(memo: Map<ts.Node, (Answer<T> | undefined)[]> | undefined, node: ts.Node, depth: number, answer: Answer<T>): void {
  if (!memo) return;
  const i = depthIndex(depth);
  const byDepth = memo.get(node);
  if (byDepth) byDepth[i] = answer;
  else {
    const kept: (Answer<T> | undefined)[] = [];
    kept[i] = answer;
    memo.set(node, kept);
  }
}

/**
 * A kept answer's nodes, each once, in the order found: answers are built from kept answers, so
 * repeats multiplied level by level (on zod, an answer of 1,818 nodes held 7).
 */
export function distinct(nodes: ts.Node[]): ts.Node[] {
  if (nodes.length < 2) return nodes;
  // Short lists (most answers) are checked in place: a set per answer computed was garbage.
  if (nodes.length <= 8 && nodes.every((n, i) => nodes.indexOf(n) === i)) return nodes;
  const seen = new Set(nodes);
  return seen.size === nodes.length ? nodes : [...seen];
}

/**
 * Nodes gathered for an answer that distinct() will keep each once, kept once as they come:
 * the same as distinct() of the whole list, without the list. Gathering the same kept answer
 * (the same array, which no one changes once kept) again adds nothing, so it is not walked again.
 */
export class DistinctNodes {
  private readonly seen = new Set<ts.Node>();
  private readonly added = new Set<readonly ts.Node[]>();

  add(n: ts.Node): void {
    this.seen.add(n);
  }

  addAll(nodes: readonly ts.Node[]): void {
    if (!nodes.length || this.added.has(nodes)) return;
    this.added.add(nodes);
    for (let i = 0, n = nodes.length; i < n; i++) this.seen.add(nodes[i]!);
  }

  nodes(): ts.Node[] {
    return [...this.seen];
  }
}
