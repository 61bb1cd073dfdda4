/** The solver stage: PartitionProblem in, checked Solution out. */
export { solvePartition } from './glpk.js';
export { checkPartition, type CheckResult } from './checker.js';
export { checkedPartition } from './solution.js';
export { buildModel, type IlpModel, type IlpRow, type IlpVar } from './ilp.js';
export { reduceProblem, type Reduction } from './reduce.js';
export type { FirstRoundReuse, ModelSize, Solution, SolveOptions } from './types.js';
