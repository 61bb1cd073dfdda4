/**
 * One network's solve at a time in a worker thread (see solveInThreads): each message is a
 * problem in columns, each answer its solution and the independent check of it, or its error.
 * The networks one thread solves share the reductions' first round, as they do in one thread.
 */
import { parentPort } from 'node:worker_threads';
import { problemFromColumns } from '../model/columns.js';
import { checkPartition, solvePartition, type FirstRoundReuse } from '../solver/index.js';
import { errorAnswer, type SolveAnswer, type SolveRequest } from './solveInThreads.js';

const reuse: FirstRoundReuse = {};
parentPort!.on('message', async (request: SolveRequest) => {
  let answer: SolveAnswer;
  try {
    const problem = problemFromColumns(request.problem.rest, request.problem.columns);
    const solution = await solvePartition(problem, { timeLimitSec: request.timeLimitSec, mipGap: 0, reuse });
    // The independent check here too, beside the other networks' solves: the problem is here.
    answer = { id: request.id, solution, verdict: checkPartition(problem, solution.migrate) };
  } catch (error) {
    answer = { id: request.id, error: errorAnswer(error) };
  }
  parentPort!.postMessage(answer);
});
