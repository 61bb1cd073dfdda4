/**
 * Measurement for a second solver backend: the same reduced models handed to HiGHS (the `highs`
 * npm package, MIT, WebAssembly) instead of GLPK. Not a dependency of the project: pass the
 * directory of an installed `highs` package, e.g.
 *   node test/bench/solver/highs-probe.mjs /path/to/node_modules/highs '{"contexts":10000,...}'
 */
import { createRequire } from 'node:module';
import { reduceProblem, buildModel } from '../../../dist/solver/index.js';
import { generateProblem } from './generate.mjs';

export function toLpFormat(model) {
  const term = (coef, name) => `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name}`;
  const lines = ['Minimize', ` obj: ${model.vars.map((v) => term(v.cost, v.name)).join(' ')}`, 'Subject To'];
  const sense = { ge: '>=', le: '<=', eq: '=' };
  for (const row of model.rows) lines.push(` ${row.name}: ${row.terms.map(([n, c]) => term(c, n)).join(' ')} ${sense[row.sense]} ${row.rhs}`);
  lines.push('Bounds');
  for (const v of model.vars) lines.push(v.hi === Infinity ? ` ${v.name} >= ${v.lo}` : ` ${v.lo} <= ${v.name} <= ${v.hi}`);
  const bins = model.vars.filter((v) => v.binary).map((v) => v.name);
  if (bins.length > 0) lines.push('Binary', ` ${bins.join(' ')}`);
  lines.push('End');
  return lines.join('\n');
}

const [dir, specText] = process.argv.slice(2);
const spec = JSON.parse(specText);
const highs = await createRequire(import.meta.url)(dir)();
const { problem } = generateProblem(spec);
const started = performance.now();
const small = spec.reduce === false ? problem : reduceProblem(problem).problem;
const model = buildModel(small);
const result = highs.solve(toLpFormat(model), { time_limit: spec.limit ?? 60, mip_rel_gap: 0 });
process.stdout.write(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    status: result.Status,
    cost: result.ObjectiveValue + model.constant,
    contextsAfter: small.contexts.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
