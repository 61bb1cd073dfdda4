/**
 * forceLocations skips the path pass when no method lost its freedom since the last one, and
 * takes the folded tree's parents from the caller: its answer must be the plain fixpoint of the
 * rules (reduce-forced.ts), on random problems whose groups make it take several rounds.
 */
import type { PartitionProblem } from '../../src/model/types.js';
import { initialChoosable } from '../../src/solver/reduce.js';
import { forceLocations } from '../../src/solver/reduce-forced.js';
import { groupComponents } from '../../src/solver/ilp-model.js';
import { methodIndex } from '../../src/solver/tree.js';
import { randomProblem, rng } from './random-problems.js';

/** The rules applied one at a time until nothing changes; also how many rounds that took. */
function plainFixpoint(problem: PartitionProblem, choosable: Set<string>): { forced: number[]; choosable: string[]; rounds: number } {
  const { contexts } = problem;
  const forced = contexts.map(() => false);
  const forceUp = (i: number): boolean => {
    let changed = false;
    for (let j = i; j >= 0 && !forced[j]; j = contexts[j]!.parent) forced[j] = changed = true;
    return changed;
  };
  contexts.forEach((c, i) => {
    if (problem.pinned.includes(c.method)) forceUp(i);
  });
  const free = new Set(choosable);
  const components = groupComponents(problem);
  for (let rounds = 1; ; rounds++) {
    let changed = false;
    for (const members of components) if (members.some((i) => forced[i])) for (const i of members) changed = forceUp(i) || changed;
    contexts.forEach((c, i) => {
      if (forced[i] && free.delete(c.method)) changed = true;
    });
    contexts.forEach((_, i) => {
      let any = false;
      for (let j = i; j >= 0; j = contexts[j]!.parent) any ||= free.has(contexts[j]!.method);
      if (!any && !forced[i]) forced[i] = changed = true;
    });
    if (!changed) return { forced: forced.map(Number), choosable: [...free].sort(), rounds };
  }
}

it('forces what the plain fixpoint forces, with or without the parents given', () => {
  const rand = rng(2718);
  let deep = 0;
  for (let k = 0; k < 1500; k++) {
    const problem = randomProblem(rand, k % 2 ? 'dynamic' : 'static', { maxContexts: 40, maxMethods: 9, groupChance: 0.8 });
    const { rounds, ...expected } = plainFixpoint(problem, initialChoosable(problem));
    if (rounds >= 3) deep++;
    const parents = Int32Array.from(problem.contexts, (c) => c.parent);
    for (const given of [undefined, parents]) {
      const choosable = initialChoosable(problem);
      const { forced } = forceLocations(problem, choosable, methodIndex(problem.contexts), given);
      const got = { forced: [...forced], choosable: [...choosable].sort() };
      if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`instance ${k}: ${JSON.stringify(problem)} -> ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    }
  }
  // Groups that force more after the first round: the pass the skip applies to.
  expect(deep).toBeGreaterThan(20);
});
