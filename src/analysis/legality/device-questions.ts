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


/**
 * Questions nest at most MAX_NESTED deep, origins' and others' each (a chain through patterns,
 * callers' arguments and literals' members may ask the others without an origin between them),
 * which keeps the stack bounded. A question refused there is not answered "nothing": it is a cut
 * on its key, as a cycle's is (CycleAwareCache.refused), so the answers above it are provisional
 * on it, and the cache searches it from the top once the outermost question ends, then searches
 * the provisional answers again until they settle. So what a method is found to use does not
 * depend on the bound (travel-question-chains: a chain and a cycle of 100 calls), which only sets
 * in how many stretches a long chain is walked.
 */
export class NestedQuestions {
  readonly origins = new NestingLimit(MAX_NESTED);
  readonly others = new NestingLimit(MAX_NESTED);

  /** `ask()` a question under `limit`; `refused()` answers it where the limit refuses it. */
  ask<T>(limit: NestingLimit, ask: () => T, refused: () => T): T {
    return limit.within(ask) ?? refused();
  }
}
