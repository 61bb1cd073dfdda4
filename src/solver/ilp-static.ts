import type { PartitionProblem } from '../model/types.js';
import type { IlpModel } from './ilp-model.js';

export function buildStaticModel(_problem: PartitionProblem): IlpModel {
  throw new Error('static nesting is not implemented yet');
}
