import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeApp } from '../../src/analysis/index.js';
import { parameterFlowWork } from '../../src/analysis/callgraph/parameter-flow.js';

/**
 * A program of the shape that made zod's analysis take minutes: many calls through parameters
 * (`cb()`) whose functions come from a long fan of callers passing callbacks on. n wrappers each
 * pass their own task through hub to sink; hub and sink call the parameter at n / 4 sites each,
 * so the sites asking about the whole fan grow with it too. Parameter slots: n + 2.
 */
const sites = (n: number) => n / 4;

function program(n: number): string {
  const lines = [
    'export function sink(cb: () => void): void {',
    ...Array.from({ length: sites(n) }, () => '  cb();'),
    '}',
    'export function hub(cb: () => void): void {',
    '  sink(cb);',
    ...Array.from({ length: sites(n) }, () => '  cb();'),
    '}',
  ];
  for (let k = 0; k < n; k++) {
    lines.push(`export function task${k}(): void {}`);
    lines.push(`export function wrap${k}(cb: () => void): void { hub(cb); cb(); }`);
    lines.push(`export function use${k}(): void { wrap${k}(task${k}); }`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A chain of n functions each passing its callback on to the one before and calling it: n
 * different questions (one per parameter), the k-th reaching the k slots before it. Walked per
 * question, that is n² / 2 slot visits; taken as one graph, n per round.
 */
function chain(n: number): string {
  const lines = ['export function task(): void {}', 'export function link0(cb: () => void): void { cb(); }'];
  for (let k = 1; k < n; k++) lines.push(`export function link${k}(cb: () => void): void { link${k - 1}(cb); cb(); }`);
  lines.push(`export function start(): void { link${n - 1}(task); }`);
  return lines.join('\n') + '\n';
}

function analyze(n: number, make: (n: number) => string = program): { work: typeof parameterFlowWork; edges: number } {
  const dir = mkdtempSync(join(tmpdir(), 'cc-params-work-'));
  try {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', strict: true, lib: ['ES2022'], types: [] }, include: ['src'] }));
    writeFileSync(join(dir, 'src', 'flow.ts'), make(n));
    const before = { ...parameterFlowWork };
    const r = analyzeApp({ appDir: dir, catalogs: [] });
    const work = { slotsFound: parameterFlowWork.slotsFound - before.slotsFound, slotsVisited: parameterFlowWork.slotsVisited - before.slotsVisited };
    return { work, edges: r.edges.filter((e) => e.kind === 'callback').length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Counted, not timed: the work of parameter flow grows with the program, not with the number of
// sites times the program. A walk per site (or a slot's callers read again at each visit) is quadratic.
describe('parameter flow: work linear in the program (generated fan of callbacks)', () => {
  const small = analyze(40);
  const large = analyze(80);

  test('the edges are all found: every task from each site of sink and hub, and from its wrapper', () => {
    // An edge per site and target: sink and hub -> task_k at each of their sites, wrap_k -> task_k, and use_k handing task_k out.
    expect(small.edges).toBe((2 * sites(40) + 2) * 40);
    expect(large.edges).toBe((2 * sites(80) + 2) * 80);
  });

  test("each slot's own part is found a bounded number of times, however many sites ask", () => {
    // n + 2 slots, found once, and again for a task's slot after a round adds a call site to it; no more.
    expect(small.work.slotsFound).toBeLessThanOrEqual(2 * (40 + 2));
    expect(large.work.slotsFound).toBeLessThanOrEqual(2 * (80 + 2));
  });

  test('slots visited grow linearly: sites asking the same question share one walk', () => {
    // Doubling n at most doubles the visits (plus slack for the fixed part); n walks of the fan would quadruple them.
    expect(large.work.slotsVisited).toBeLessThanOrEqual(2.2 * small.work.slotsVisited);
    expect(large.work.slotsVisited).toBeLessThanOrEqual(10 * 80);
  });
});

describe('parameter flow: distinct questions share one graph (generated chain of callbacks)', () => {
  const small = analyze(40, chain);
  const large = analyze(80, chain);

  test('every link reaches the task its caller handed down', () => {
    // link_k -> task at its `cb()`, and start handing task out.
    expect(small.edges).toBe(40 + 1);
    expect(large.edges).toBe(80 + 1);
  });

  test('slots visited grow linearly with the chain, not with the chain times its questions', () => {
    expect(large.work.slotsVisited).toBeLessThanOrEqual(2.2 * small.work.slotsVisited);
    expect(large.work.slotsVisited).toBeLessThanOrEqual(10 * 80);
  });
});
