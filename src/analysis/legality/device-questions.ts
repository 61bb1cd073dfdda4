/**
 * The questions device-values.ts asks and keeps answers to (one cache, so that cycles through
 * every kind end alike), and how deep they may nest: an expression's own device values (its node
 * is its key), a declaration's, what a function's callers pass, what the app raises, what a
 * generator yields, what `this` is given, and a value-flow walk gone past its depth bound.
 */
import type { ts } from '../../typescript.cjs';
import type { DeepQuestion } from '../callgraph/values.js';
import { NestingLimit } from '../callgraph/nesting-limit.js';

/** Nested questions at most, of each kind (a chain of parameters, returns and members). */
const MAX_NESTED = 24;

/** A declaration's own question (what it holds besides its initialiser), apart from the origin question of the same node. */
export interface DeclarationKey {
  declaration: ts.Declaration;
}

/** What a function's callers pass, at any position: what its `arguments` object holds. */
export interface ArgumentsKey {
  argumentsOf: ts.SignatureDeclaration;
}

/** What the app may raise (raised-values.ts): one question for every catch and rejection handler. */
export const RAISED = { raised: true } as const;

/** What a generator yields, to what iterates its result. */
export interface YieldsKey {
  yieldsOf: ts.FunctionLikeDeclaration;
}

/** What `this` is given by call, apply and bind (the call graph's thisTo). */
export interface ThisKey {
  thisOf: ts.FunctionLikeDeclaration;
}

/**
 * A value-flow walk gone past its depth bound (values.ts beyondDepth), asked afresh: its answer is
 * nodes, not device values. Kept in the one cache with the other questions, so that cycles through
 * both kinds end as any cycle does.
 */
export interface DeepKey {
  deep: DeepQuestion;
  node: ts.Node;
  afresh: () => ts.Node[];
}

export type Question = ts.Node | DeclarationKey | ArgumentsKey | YieldsKey | ThisKey | DeepKey | typeof RAISED;

/** The one key object for `node` in `table` (a question's answers are found by its key's identity). */
export function interned<N, K>(table: Map<N, K>, node: N, make: () => K): K {
  let key = table.get(node);
  if (!key) table.set(node, (key = make()));
  return key;
}

/**
 * Questions nest at most MAX_NESTED deep, origins' and others' each (a chain through patterns,
 * callers' arguments and literals' members may ask the others without an origin between them),
 * which keeps the stack bounded. A question refused there is one whose values the walk above it
 * lacks, so the outermost question, once done, asks each refused one again from the top (where it
 * is found in full and kept), then itself again, finding them kept (final answers are served past
 * the limits): what a method is found to use does not depend on how deep the walk that first met
 * it was. Until a round settles nothing more: then the latest answer stands. Each question is
 * asked again once: one on a cycle longer than the limit is refused again wherever the walk
 * starts (on zod, asking those again every time they were refused went on for minutes), so such
 * a cycle's answer may still lack values (README).
 */
export class NestedQuestions<Q> {
  readonly origins = new NestingLimit(MAX_NESTED);
  readonly others = new NestingLimit(MAX_NESTED);
  /** Questions under way, both kinds: the outermost asks again what the limits refused beneath it. */
  private underWay = 0;
  /** Questions refused at a limit beneath the outermost one, each with how to ask it from the top. */
  private readonly refused = new Map<Q, () => unknown>();
  private readonly askedAgain = new Set<Q>();

  constructor(
    /** How many questions have a final answer: grows while asking again makes progress. */
    private readonly settledCount: () => number,
    /** Drops the answers value following kept for its walk only, which would be found again as they were. */
    private readonly forgetWithinWalk: () => void,
  ) {}

  /** Questions refused at either limit so far: the answers built meanwhile may lack values. */
  get cuts(): number {
    return this.origins.cuts + this.others.cuts;
  }

  /** `ask()` question `key` under `limit`; `again()` asks it from the top. */
  ask<T>(limit: NestingLimit, key: Q, ask: () => T, again: () => unknown): T | undefined {
    let out = this.within(limit, key, ask, again);
    if (this.underWay > 0) return out;
    while (this.refused.size) {
      const refused = [...this.refused];
      this.refused.clear();
      const settled = this.settledCount();
      for (const [k, askAgain] of refused) {
        this.askedAgain.add(k);
        askAgain();
      }
      if (this.settledCount() === settled) break;
      this.forgetWithinWalk();
      out = this.within(limit, key, ask, again);
    }
    this.refused.clear();
    return out;
  }

  private within<T>(limit: NestingLimit, key: Q, ask: () => T, again: () => unknown): T | undefined {
    this.underWay++;
    try {
      const out = limit.within(ask);
      if (out === undefined && !this.askedAgain.has(key)) this.refused.set(key, again);
      return out;
    } finally {
      this.underWay--;
    }
  }
}
