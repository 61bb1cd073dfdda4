/**
 * The merged profile, held by columns: one typed array per figure, a context being an index.
 * A million contexts held as objects (each with its path and one object of figures per side)
 * took about 870 MB and a third of partition's time in the collector; by columns they take
 * about 90 MB, and a context is made an object only when asked for (for its path, in tests).
 */
import { CONTEXT_FIGURES, type ContextFigure, type Side } from './types.js';

/** Figures of one context on one side, for ONE execution (file totals divided by runs). */
export interface SideFigures {
  calls: number;
  selfMs: number;
  bytesIn: number;
  bytesOut: number;
}

/** One context as an object (see MergedProfile.context). */
export interface MergedContext {
  /** Index of the parent in the profile, or -1 for a root. */
  parent: number;
  method: string;
  /** Call path from the root, method ids. */
  path: string[];
  device: SideFigures;
  clone: SideFigures;
  /** Set when this side's figures were not recorded but estimated from the other side. */
  estimated?: Side;
  /**
   * Figures used here that a profile marks as estimated rather than measured (an imported CPU
   * profile has no call counts nor sizes): decisions that rest on them should say so.
   */
  estimatedFields?: ContextFigure[];
}

/** A side's figures, per context index. */
export interface FigureColumns {
  calls: Float64Array;
  selfMs: Float64Array;
  bytesIn: Float64Array;
  bytesOut: Float64Array;
}

/** The order of the bits of `MergedProfile.estimatedFields`. */
export const ESTIMABLE: readonly ContextFigure[] = CONTEXT_FIGURES;
/** `MergedProfile.estimatedSide`'s codes. */
export const ESTIMATED_SIDE: readonly (Side | undefined)[] = [undefined, 'device', 'clone'];

export function figureColumns(size: number): FigureColumns {
  return { calls: new Float64Array(size), selfMs: new Float64Array(size), bytesIn: new Float64Array(size), bytesOut: new Float64Array(size) };
}

export function figuresAt(columns: FigureColumns, i: number): SideFigures {
  return { calls: columns.calls[i]!, selfMs: columns.selfMs[i]!, bytesIn: columns.bytesIn[i]!, bytesOut: columns.bytesOut[i]! };
}

export class MergedProfile {
  constructor(
    /** Parent index per context, -1 for a root; parents before children, siblings sorted by method id. */
    readonly parent: Int32Array,
    readonly method: readonly string[],
    readonly device: FigureColumns,
    readonly clone: FigureColumns,
    /** Per context, an index into ESTIMATED_SIDE: the side estimated from the other, if any. */
    readonly estimatedSide: Uint8Array,
    /** Per context, bit k set when ESTIMABLE[k] is a figure a profile marks as estimated. */
    readonly estimatedFields: Uint8Array,
    /** Executions folded in, per side. */
    readonly runs: Record<Side, number>,
    /** methodNumbers, when the maker has them (the merge numbers its methods without a look-up per context). */
    numbered?: { id: Int32Array; names: readonly string[] },
  ) {
    this.numbered = numbered;
  }

  private distinct: ReadonlySet<string> | undefined;

  /** The methods of its contexts (built once: every network's problem asks). */
  get methods(): ReadonlySet<string> {
    this.distinct ??= new Set(this.methodNumbers.names);
    return this.distinct;
  }

  private numbered: { id: Int32Array; names: readonly string[] } | undefined;

  /**
   * Per context its method as a number, an index into `names`, numbered in order of first
   * appearance (built once: every network's problem holds its contexts by these).
   */
  get methodNumbers(): { id: Int32Array; names: readonly string[] } {
    if (this.numbered) return this.numbered;
    const numbers = new Map<string, number>();
    const names: string[] = [];
    const id = new Int32Array(this.size);
    for (let i = 0; i < id.length; i++) {
      const m = this.method[i]!;
      let k = numbers.get(m);
      if (k === undefined) numbers.set(m, (k = names.push(m) - 1));
      id[i] = k;
    }
    this.numbered = { id, names };
    return this.numbered;
  }

  get size(): number {
    return this.parent.length;
  }

  /** The methods on the call path from the root to context `i`, this one included. */
  pathOf(i: number): string[] {
    const path: string[] = [];
    for (let k = i; k >= 0; k = this.parent[k]!) path.push(this.method[k]!);
    return path.reverse();
  }

  estimatedOf(i: number): Side | undefined {
    return ESTIMATED_SIDE[this.estimatedSide[i]!];
  }

  estimatedFieldsOf(i: number): ContextFigure[] {
    const bits = this.estimatedFields[i]!;
    return ESTIMABLE.filter((_, k) => (bits & (1 << k)) !== 0);
  }

  /** Context `i` as an object, its path included. */
  context(i: number): MergedContext {
    const estimated = this.estimatedOf(i);
    const fields = this.estimatedFieldsOf(i);
    return {
      parent: this.parent[i]!,
      method: this.method[i]!,
      path: this.pathOf(i),
      device: figuresAt(this.device, i),
      clone: figuresAt(this.clone, i),
      ...(estimated === undefined ? {} : { estimated }),
      ...(fields.length > 0 ? { estimatedFields: fields } : {}),
    };
  }

  /** Every context as an object: for small profiles and tests (a million would be the memory the columns save). */
  get contexts(): MergedContext[] {
    return Array.from({ length: this.size }, (_, i) => this.context(i));
  }
}
