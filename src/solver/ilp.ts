/**
 * The ILP of DESIGN.md ("The optimisation"). Variables and rows come out in a fixed order
 * (sorted method ids, then context order) so that the same problem gives the same model and
 * the same answer.
 */
import type { PartitionProblem } from '../model/types.js';
import { InputError } from '../errors.js';
import { columnsOfProblem, contextCount } from '../model/columns.js';
import { buildDynamicModel } from './ilp-dynamic.js';
import type { IlpModel } from './ilp-model.js';
import { buildStaticModel, buildStaticParts } from './ilp-static.js';
import type { StaticNesting } from './static-nesting.js';

export type { IlpModel, IlpRow, IlpVar } from './ilp-model.js';

/** Builds the model for `problem.nesting` ('dynamic' unless it says 'static'). */
export function buildModel(problem: PartitionProblem): IlpModel {
  validateProblem(problem);
  return buildValidModel(problem);
}

/** `buildModel` for a problem already validated (the solver validates once, before reducing). */
export function buildValidModel(problem: PartitionProblem): IlpModel {
  return problem.nesting === 'static' ? buildStaticModel(problem) : buildDynamicModel(problem);
}

/** `buildValidModel`, with the nesting relation a static model was built from (for exactStaticAnswer). */
export function buildValidParts(problem: PartitionProblem): { model: IlpModel; nesting?: StaticNesting } {
  return problem.nesting === 'static' ? buildStaticParts(problem) : { model: buildDynamicModel(problem) };
}

export function validateProblem(problem: PartitionProblem): void {
  // A plain loop, the place named only on an error: a string per context was a million
  // short-lived strings per solve of the 1M-context bench tree, at every level of its search.
  // A problem the solver made in columns (a search's residual) is read from them.
  const columns = columnsOfProblem(problem);
  const n = contextCount(problem);
  if (columns) {
    const { parent, device, clone, migration } = columns;
    for (let i = 0; i < n; i++) validContext(i, parent[i]!, device[i]!, clone[i]!, migration[i]!);
  } else {
    const contexts = problem.contexts;
    for (let i = 0; i < n; i++) {
      const c = contexts[i]!;
      validContext(i, c.parent, c.deviceCost, c.cloneCost, c.migrationCost);
    }
  }
  const budget = problem.budget;
  if (budget) {
    if (!(budget.maxRatio > 0 && Number.isFinite(budget.maxRatio))) throw new InputError('must be a positive number', undefined, 'budget.maxRatio');
    if (budget.costs.length !== n) {
      throw new InputError(`has ${budget.costs.length} entries for ${n} contexts`, undefined, 'budget.costs');
    }
    budget.costs.forEach((c, i) => {
      for (const key of ['deviceCost', 'cloneCost', 'migrationCost'] as const) {
        if (!Number.isFinite(c[key])) throw new InputError('must be a finite number', undefined, `budget.costs[${i}].${key}`);
      }
      if (c.migrationCost < 0) throw new InputError('must not be negative', undefined, `budget.costs[${i}].migrationCost`);
    });
  }
  if (problem.nesting !== 'dynamic' && problem.nesting !== 'static') {
    throw new InputError(`unknown nesting model '${String(problem.nesting)}'`, undefined, 'nesting');
  }
}

function validContext(i: number, parent: number, deviceCost: number, cloneCost: number, migrationCost: number): void {
  if (!Number.isInteger(parent) || parent < -1 || parent >= i) {
    throw new InputError(`parent ${String(parent)} must be -1 or an earlier context`, undefined, `contexts[${i}].parent`);
  }
  if (!Number.isFinite(deviceCost)) throw new InputError('must be a finite number', undefined, `contexts[${i}].deviceCost`);
  if (!Number.isFinite(cloneCost)) throw new InputError('must be a finite number', undefined, `contexts[${i}].cloneCost`);
  if (!Number.isFinite(migrationCost)) throw new InputError('must be a finite number', undefined, `contexts[${i}].migrationCost`);
  // X[c] has no upper bound: a negative migration cost would make the model unbounded.
  if (migrationCost < 0) throw new InputError('must not be negative', undefined, `contexts[${i}].migrationCost`);
}
