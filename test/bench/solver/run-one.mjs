/**
 * One bench instance in its own process, so that peak memory (maxRSS) is the instance's own.
 * Prints one JSON line. Arguments: JSON of { contexts, methods, kind, nesting, seed, reduce, limit, input };
 * input 'columns' hands the solver its problem in columns, as `partition` does (default: objects);
 * kind 'app' is the scale bench's generated app (app-problem.mjs), the others generate.mjs's trees.
 */
import { createHash } from 'node:crypto';
import { solvePartition } from '../../../dist/solver/index.js';
import { columnsFromObjects, contextCount, problemFromColumns } from '../../../dist/model/columns.js';
import { appProblem } from './app-problem.mjs';
import { generateProblem } from './generate.mjs';

const spec = JSON.parse(process.argv[2]);
const generated = spec.kind === 'app' ? appProblem(spec) : generateProblem(spec);
const { methods, pinnedContexts } = generated;
// `input: 'columns'`: the problem as `partition` hands it over (model/problem.ts builds it in
// columns, problemFromColumns), not a million context objects, which the caller keeps alive and
// every full collection during the solve marks. Made before the clock starts; the objects dropped.
const problem = spec.input === 'columns' ? inColumns(generated.problem) : generated.problem;
delete generated.problem;
const contextTotal = contextCount(problem);
const rssAfterGenerate = process.memoryUsage().rss;
const started = performance.now();
// CPU of the solve (every thread of the process, GLPK's included): on a shared machine the wall
// time follows the load, the CPU time much less.
const cpuAtStart = process.cpuUsage();
let out;
try {
  const steps = [];
  const trace = (step) => steps.push([step, performance.now()]);
  const s = await solvePartition(problem, { timeLimitSec: spec.limit, mipGap: 0, reduce: spec.reduce, trace });
  const ended = performance.now();
  // Seconds per step of the solve, in order (a step repeats in the residual's levels).
  const phases = steps.map(([step, at], i) => [step, ((steps[i + 1]?.[1] ?? ended) - at) / 1000]);
  out = {
    ok: true,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSince(cpuAtStart),
    optimal: s.optimal,
    gap: s.gap,
    cost: s.cost,
    deviceOnlyCost: s.deviceOnlyCost,
    migrate: s.migrate.length,
    // Builds compare their plans by this (the migration points, sorted, one per line).
    planSha256: createHash('sha256').update([...s.migrate].sort().join('\n')).digest('hex'),
    model: s.model,
    phases,
  };
} catch (error) {
  out = { ok: false, seconds: (performance.now() - started) / 1000, error: String(error?.message ?? error).slice(0, 200) };
}
out.methods = methods;
out.pinnedShare = pinnedContexts / contextTotal;
out.rssAfterGenerateMb = rssAfterGenerate / 2 ** 20;
out.maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(out) + '\n');

function inColumns({ contexts, ...rest }) {
  return problemFromColumns(rest, columnsFromObjects(contexts));
}

function cpuSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}
