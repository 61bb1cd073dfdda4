/**
 * Problems kept in columns (columns.ts): the reductions' folded problem reads as the same
 * contexts as objects, and everything the search reads through the columns (the compact
 * tree, the model's size, group components, the residual problem and its reductions) equals
 * what it reads from the same problem as plain objects, to the last bit.
 */
import type { PartitionProblem } from '../../src/model/types.js';
import { checkPartition, reduceProblem, solvePartition } from '../../src/solver/index.js';
import { columnsFromObjects, columnsOfProblem, problemFromColumns, withColumns } from '../../src/model/columns.js';
import { validateProblem } from '../../src/solver/ilp.js';
import { pruneIdleMigrationPoints } from '../../src/solver/prune.js';
import { compactTree } from '../../src/solver/compact.js';
import { fixByBound, residualProblem } from '../../src/solver/fixing.js';
import { dynamicModelSize } from '../../src/solver/ilp-dynamic.js';
import { groupComponents } from '../../src/solver/ilp-model.js';
import { lagrangianSearch } from '../../src/solver/lagrangian.js';
import { legalizer } from '../../src/solver/legalize.js';
import { randomProblem, rng } from './random-problems.js';

const shape = { maxContexts: 40, maxMethods: 8, groupChance: 0.4 };

/** The same problem with its contexts as plain objects (no columns behind it). */
const asObjects = (p: PartitionProblem): PartitionProblem => JSON.parse(JSON.stringify(p)) as PartitionProblem;

it('reads a column-kept problem as the same contexts and the same trees, sizes and residuals as its objects', () => {
  const rand = rng(57);
  let residuals = 0;
  for (let t = 0; t < 150; t++) {
    const small = reduceProblem(randomProblem(rand, 'dynamic', shape)).problem;
    const plain = asObjects(small);
    expect(columnsOfProblem(plain)).toBeUndefined();
    expect(compactTree(small)).toEqual(compactTree(plain));
    expect(dynamicModelSize(small)).toEqual(dynamicModelSize(plain));
    expect(groupComponents(small)).toEqual(groupComponents(plain));
    const tree = compactTree(plain);
    if (tree.methods.length === 0) continue;
    // Fixings from a short bound, to give the residual something to fold.
    const legalize = legalizer(plain, tree);
    const relaxed = lagrangianSearch(tree, { deadline: Infinity, stop: () => false, maxSteps: 30, legalize });
    if (!Number.isFinite(relaxed.cost)) continue;
    const fixings = fixByBound(tree, relaxed.prices, relaxed.chosen, relaxed.cost);
    // A fresh column-kept problem each time: reading `contexts` makes them objects for good.
    const kept = reduceProblem(asObjects(small)).problem;
    expect(columnsOfProblem(kept)).toBeDefined();
    const fromColumns = residualProblem(kept, compactTree(kept), fixings);
    expect(columnsOfProblem(kept)).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(kept, 'contexts')?.get).toBeDefined();
    expect(fromColumns).toEqual(residualProblem(plain, tree, fixings));
    // The residual keeps its columns beside its objects; its reductions read them.
    const rest = fromColumns.problem;
    expect(columnsOfProblem(rest)).toEqual(columnsFromObjects(rest.contexts));
    const again = reduceProblem(rest);
    const againPlain = reduceProblem(asObjects(rest));
    expect(again.problem.contexts).toEqual(againPlain.problem.contexts);
    expect(again.problem.candidates).toEqual(againPlain.problem.candidates);
    expect(again.contextOf).toEqual(againPlain.contextOf);
    residuals++;
    expect(small.contexts).toEqual(plain.contexts);
  }
  expect(residuals).toBeGreaterThan(50);
});

it('validates, checks and prunes a column-kept problem as its objects, without making them', () => {
  const rand = rng(91);
  let checked = 0;
  for (let t = 0; t < 150; t++) {
    const problem = randomProblem(rand, t % 2 === 0 ? 'dynamic' : 'static', { ...shape, budgetChance: 0.3 });
    const columns = columnsFromObjects(problem.contexts);
    const { contexts: _, ...rest } = problem;
    const kept = problemFromColumns(rest, columns);
    const methods = [...new Set(problem.contexts.map((c) => c.method))];
    for (let trial = 0; trial < 4; trial++) {
      // Any methods, unknown and pinned ones too: the violations must read alike.
      const migrate = [...methods, 'unknown'].filter(() => rand() < 0.35);
      expect(checkPartition(kept, migrate)).toEqual(checkPartition(problem, migrate));
      expect(pruneIdleMigrationPoints(kept, migrate)).toEqual(pruneIdleMigrationPoints(problem, migrate));
      checked++;
    }
    expect(() => validateProblem(kept)).not.toThrow();
    expect(Object.getOwnPropertyDescriptor(kept, 'contexts')?.get).toBeDefined();
  }
  expect(checked).toBe(600);
});

it('names a bad cost in a column-kept problem as in its objects', () => {
  const problem = randomProblem(rng(5), 'dynamic', shape);
  const bad = { ...problem, contexts: problem.contexts.map((c, i) => (i === problem.contexts.length - 1 ? { ...c, migrationCost: -1, cloneCost: NaN } : c)) };
  const { contexts: _, ...rest } = bad;
  const kept = problemFromColumns(rest, columnsFromObjects(bad.contexts));
  const violations = checkPartition(kept, []).violations;
  expect(violations).toEqual(checkPartition(bad, []).violations);
  expect(violations.some((v) => v.includes('negative migrationCost'))).toBe(true);
  expect(() => validateProblem(kept)).toThrow(/finite number/);
  expect(() => validateProblem(bad)).toThrow(/finite number/);
});

it('keeps a caller\'s problem as given and reduces its column-kept copy as the problem itself', () => {
  const rand = rng(23);
  for (let t = 0; t < 100; t++) {
    const problem = randomProblem(rand, t % 2 === 0 ? 'dynamic' : 'static', { ...shape, budgetChance: 0.3 });
    const before = JSON.stringify(problem);
    const copy = withColumns(problem);
    expect(copy).not.toBe(problem);
    expect(copy.contexts).toBe(problem.contexts);
    expect(columnsOfProblem(problem)).toBeUndefined();
    expect(columnsOfProblem(copy)).toEqual(columnsFromObjects(problem.contexts));
    expect(withColumns(copy)).toBe(copy);
    const fromColumns = reduceProblem(copy);
    const fromObjects = reduceProblem(problem);
    expect(fromColumns.problem.contexts).toEqual(fromObjects.problem.contexts);
    expect(fromColumns.problem.candidates).toEqual(fromObjects.problem.candidates);
    expect(fromColumns.contextOf).toEqual(fromObjects.contextOf);
    expect(JSON.stringify(problem)).toBe(before);
  }
});

it('rejects what columns would hide: a parent that is not an integer, a cost that is not a number', async () => {
  const problem = randomProblem(rng(8), 'dynamic', shape);
  const last = problem.contexts.length - 1;
  const withContext = (change: object): PartitionProblem => ({ ...problem, contexts: problem.contexts.map((c, i) => (i === last ? { ...c, ...change } : c)) });
  const options = { timeLimitSec: 10, mipGap: 0 };
  await expect(solvePartition(withContext({ parent: last - 0.5 }), options)).rejects.toThrow(/earlier context/);
  await expect(solvePartition(withContext({ deviceCost: '5' }), options)).rejects.toThrow(/finite number/);
});

it('solves a problem made in columns under both nestings without making its contexts objects, as its objects', async () => {
  const rand = rng(91);
  for (let t = 0; t < 60; t++) {
    const plain = randomProblem(rand, t % 2 === 0 ? 'dynamic' : 'static', shape);
    const { contexts, ...rest } = plain;
    const kept = problemFromColumns(rest, columnsFromObjects(contexts));
    const options = { timeLimitSec: 10, mipGap: 0 };
    const [fromColumns, fromObjects] = [await solvePartition(kept, options), await solvePartition(plain, options)];
    expect(fromColumns.migrate).toEqual(fromObjects.migrate);
    expect(fromColumns.cost).toBe(fromObjects.cost);
    // Still the getter: the whole problem (a million contexts in partition) was read by its columns.
    expect(Object.getOwnPropertyDescriptor(kept, 'contexts')!.get).toBeDefined();
  }
});
