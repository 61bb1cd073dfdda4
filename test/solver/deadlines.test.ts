/**
 * The searches start nothing once their deadline has passed: the polish no further pass or
 * priced batch within a round, the bound no first step. Time here is an injected clock (set by
 * the test, or moved by the work done), so nothing depends on the machine's speed.
 */
import { generateProblem } from '../bench/solver/generate.mjs';
import { compactTree, costOf } from '../../src/solver/compact.js';
import { reduceProblem } from '../../src/solver/index.js';
import { lagrangianSearch } from '../../src/solver/lagrangian.js';
import { zeroBound } from '../../src/solver/lagrangian-start.js';
import { legalizer } from '../../src/solver/legalize.js';
import { improve } from '../../src/solver/local-search.js';

/** The bench's realistic tree of 10k contexts, reduced, as the searches get it. */
function benchTree() {
  const { problem } = generateProblem({ contexts: 10_000, methods: 1000, kind: 'realistic', nesting: 'dynamic', seed: 1 });
  const small = reduceProblem(problem).problem;
  const tree = compactTree(small);
  return { tree, legalize: legalizer(small, tree) };
}

it('a polish whose first priced batch takes it to the deadline prices no other', () => {
  const { tree, legalize } = benchTree();
  const start = new Uint8Array(tree.methods.length);
  let priced = 0;
  const counted = (proposal: Uint8Array) => {
    priced++;
    return legalize(proposal);
  };
  // Unlimited, the polish prices many batches from all-device and lowers its cost.
  const free = improve(tree, start, { deadline: Infinity, stop: () => false, legalize: counted });
  expect(priced).toBeGreaterThan(1);
  expect(free.cost).toBeLessThan(costOf(tree, start));
  // Each priced batch takes one unit of the clock; the deadline is half a unit away (and an
  // hour away on the machine's clock, which must not be the one read).
  priced = 0;
  const base = performance.now() + 3_600_000;
  const cut = improve(tree, start, { deadline: base + 0.5, stop: () => false, legalize: counted, now: () => base + priced });
  expect(priced).toBe(1);
  expect(cut.cost).toBeLessThanOrEqual(costOf(tree, start));
  expect(legalize(cut.chosen)).toEqual(cut.chosen);
});

it('a bound whose deadline has passed takes no step and reports λ = 0\'s bound with a legal set', () => {
  const { tree, legalize } = benchTree();
  const zero = zeroBound(tree, tree.method);
  // An hour ahead on the machine's clock, which must not be the one read.
  const deadline = performance.now() + 3_600_000;
  for (const start of [undefined, new Float64Array(tree.size).fill(1)]) {
    const late = lagrangianSearch(tree, { deadline, now: () => deadline, stop: () => false, maxSteps: 100, legalize, ...(start ? { start } : {}) });
    expect(late.steps).toBe(0);
    expect(late.lowerBound).toBe(zero);
    expect(late.cost).toBe(costOf(tree, late.chosen));
    expect(late.cost).toBeGreaterThanOrEqual(zero);
    expect(legalize(late.chosen)).toEqual(late.chosen);
  }
  // With time left the same search steps, and its bound is at least λ = 0's.
  const onTime = lagrangianSearch(tree, { deadline, now: () => deadline - 1, stop: () => false, maxSteps: 100, legalize });
  expect(onTime.steps).toBeGreaterThan(0);
  expect(onTime.lowerBound).toBeGreaterThanOrEqual(zero);
});
