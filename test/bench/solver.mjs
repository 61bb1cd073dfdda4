/**
 * Solver bench (`npm run bench:solver`): generated calling-context trees (see
 * test/bench/solver/generate.mjs), each solved with the reductions and, as the baseline, as the
 * unreduced per-context model, each in its own process (so peak memory is its own).
 *
 *   node test/bench/solver.mjs [--sizes 10k,100k,1m] [--kinds realistic,adversarial,app]
 *        [--nesting dynamic,static] [--limit 60] [--baseline-limit 60] [--no-baseline]
 *        [--highs <dir of an installed highs package>] [--seed 1] [--compare <checkout>] [--rounds 1]
 *        [--input objects|columns]
 *
 * `--input columns`: the reduced solve is handed its problem in columns, as `partition` hands it
 * over (model/problem.ts), rather than as a million context objects that the caller keeps alive
 * and every full collection during the solve marks (run-one.mjs; a --compare checkout whose
 * run-one.mjs does not know it reads objects).
 *
 * `--compare <checkout>`: also runs each instance with another built checkout of clonecloud
 * (its dist/ and test/bench/solver/), interleaved with this one, and prints both on one line:
 * rows, time, time past the limit, gap, cost and the plan's sha256 (run-one.mjs: its sorted
 * migration points), before → after in the same run. With `--rounds N`
 * each instance runs N pairs, the order within a pair alternating (before first in even rounds,
 * this checkout first in odd ones: whichever runs first met a quieter machine more often), and
 * prints each pair, then the median times and the median of the per-pair ratios after/before,
 * of wall time and of the solve's CPU time (all threads; the wall time on a shared machine
 * follows its load: the same build's 1M-context solve took 16-32 s at load 4-6).
 *
 * History (realistic, --compare against main, --rounds 3, medians; AMD EPYC × 2 cores, shared):
 * - the bound's steps split over two threads, the reductions' rounds in columns, typed arrays
 *   filled by loops, prune in a typed array: 1M dynamic 32.1 → 21.0 s wall (ratio 0.69),
 *   CPU 18.4 → 14.7 s (0.82), same proven cost, load 6.2-8.1 (an earlier run: 0.75 / 0.80 at
 *   load 6.8-9.6, main once cut at 60 s with a 0.21% gap; at load 2.4-4.8: 24.4 → 16.5 s,
 *   0.68 / 0.82, the fastest 13.6 s: not yet the 10 s goal); 100k dynamic 0.65 wall / 0.68 CPU;
 *   static 1M 0.98 / 0.92 and 100k 0.95 / 0.92 (unchanged), load 7.5-8.3.
 * - the reduced and the residual problems kept in columns (model/columns.ts: the search never builds
 *   the folded problems' 680k context objects, the next level's reductions read the residual's
 *   columns), group components by method number, the context map composed over the folded tree,
 *   no string per context in validation, no zeroing sweeps in the bound's bottom-up pass; same
 *   plans, costs and proofs. Limit 300 s so that every run ends proven on a machine at load
 *   8-20: static 1M 10.9 → 9.4 s wall (ratio 0.85), CPU 4.3 → 3.5 s (0.82), after faster in
 *   all three pairs, load 10.5-12.8; dynamic 1M 34.7 → 35.1 s wall (1.01), CPU 17.7 → 16.0 s
 *   (0.91), load 8.2-10.6 (another three pairs at load 12-20: 0.89 / 0.96). The dynamic solve
 *   is still CPU 15-18 s, most of it the bound's steps (182M context-steps over four levels:
 *   300 × 298k, 300 × 202k, 200 × 139k, 100 × 41k) and the collector marking the caller's 1M
 *   context objects: the 10 s goal needs fewer steps (an earlier hand-over, a tighter start),
 *   not cheaper bookkeeping.
 * - a fresh bound starts from half the flat dual (lagrangian-start.ts), its passes leave the
 *   group rows to a loop over the groups' contexts, and it restarts from λ = 0 when that start
 *   loses (halving its step after 16 steps without a better bound, not 8): the levels' steps
 *   over their contexts 182M → ~110M (200 × 298k, 200 × 195k, 100 × 110k or less). 1M dynamic
 *   28.9 → 20.3 s wall (ratio 0.69), CPU 18.5 → 12.8 s (0.68), load 7.9-8.6; 100k dynamic
 *   0.81 / 0.87; static unchanged (1M 1.02 / 0.91, 100k 0.87 / 1.05, noise), same plans, costs
 *   and proofs. Not yet the 10 s: of the ~12 s of CPU the steps are now under half; the rest
 *   is the reductions, the polish at checkpoints (0.8-1.9 s each at load 9), building each
 *   residual (its context objects) and major GCs marking the caller's 1M context objects
 *   (9 of 0.2-0.5 s, started by the typed arrays each level allocates). Adversarial dynamic
 *   (--limit 60, one pair): 100k gap 8.39% → 3.68%, 1M 4.11% → 4.12%, 10k optimal both.
 * - the polish walks preorders made once per tree, with the tree's arrays laid out in them
 *   (walks.ts; changeCosts on the 298k-context reduced tree, best of 15: 25-28 → 7-12 ms), costOf
 *   answers the last 8 sets priced on a tree from memory (518 of 1118 pricings were repeats),
 *   the polish, pricing and fixing reuse their per-context arrays (scratch.ts: full collections
 *   started during the solve 8-9 → 5, each marking the caller's 1M context objects), and
 *   residual problems stay in columns (no 195k + 57k context objects; the checker, validation,
 *   pruning and carried prices read columns). Same plans (sha256 of the sorted plan), costs and
 *   proofs. --limit 300, 1M dynamic: --rounds 5, CPU 12.9 → 10.0 s (ratio 0.88), wall 18.5 →
 *   16.0 s (0.89), load 6.2-8.9; again --rounds 4, CPU 11.4 → 11.1 s (0.95), wall 16.9 → 17.1 s
 *   (1.05), load 6.8-8.0; over the 9 pairs the CPU ratio's median 0.89 (0.68-1.05), the wall's
 *   0.91 (0.67-1.22): after 9.6-12.4 s of CPU at load 6-9, 9.4-9.8 s in single runs at load 4.5-5
 *   (before 11.2-12.9 there). Not yet the 10 s with a margin on a loaded machine. 1M static unchanged (CPU 3.2 → 3.3 s, 1.01, load 7.9-9.3),
 *   100k dynamic CPU 1.00, static 1.11 (3 pairs, load 8.8-9.5, noise); adversarial dynamic
 *   (--limit 60, one pair, load 7.3-7.7): 10k optimal both, 100k gap 3.68% both, same costs. Tried without gain:
 *   handing over at a 12% fixed share (step 100 at the first level): 12 levels, CPU 12.2 s
 *   against 9.7 s; a high-bits hash for the fold's sibling table (reductions 898 vs 891 ms).
 *   The rest of the ~10 s: the bound's steps (~40%, both threads), the reductions of the 1M
 *   objects (~1.5 s), the collector, fixing at checkpoints (~0.5 s).
 * - the caller's contexts read into columns once (model/columns.ts withColumns, after validating the
 *   objects): validation, both checks, the reductions' first round and pruning read columns (the
 *   all-device check 0.27 → 0.12 s, the final check and pruning 0.62 → 0.16 s, one run each at
 *   load 14); the bound's passes keep a context's two child sums side by side (10 steps on the
 *   298k-context reduced tree, six interleaved runs at load 15-20: 0.86-0.99 of the time, same
 *   values). --limit 300, --rounds 5, load 16.6-19.2: 1M dynamic CPU 10.7 → 9.8 s (median ratio
 *   0.93, after lower in all five pairs), wall 27.4 → 26.4 s (0.92); 1M static CPU 3.4 → 3.3 s
 *   (0.97), wall 9.0 → 8.7 s (0.98); every run optimal with the same cost and plan sha256 as
 *   main's (dynamic 3e3ae30b7b39, static 12bd785509eb). Tried without gain: λ and the step's
 *   direction side by side (0.98 alone, 1.07 split); each range laid out breadth first, so that
 *   parents come in ascending order (0.99, and it changes the bound's values: Σλ per method
 *   added in another order flips methods whose sum is near 0). Still short of a margin under
 *   10 s: at load 17 the collector ran 8 full collections during the solve, 250-490 ms of wall
 *   each, each marking the caller's 1M context objects (5 started at the old space's limit,
 *   27 MB above the 122 MB live, 3 by the typed arrays' external memory).
 * - 2026-12-05, realistic 1M again (--limit 300 --rounds 3 --compare main b210134, load 13-16):
 *   dynamic CPU 11.1 s against 12.1 (0.97), wall 36.2 against 32.7 s (1.08: the load), static CPU
 *   3.1 against 3.3 s (0.98), wall 9.2 against 9.5 s; all optimal, plans 3e3ae30b7b39 and
 *   12bd785509eb as before. Static holds the 10 s even at load 14; dynamic needs 11 s of CPU
 *   alone, so 10 s of wall only on an idle machine.
 * - the limit counts from solvePartition's entry (validating the caller's 1M objects and reading
 *   them into columns took 1.0-1.1 s at load 15, outside the limit before): --limit 10, 1M
 *   adversarial, 3 pairs at load 13-15: dynamic 9.3-9.9 s (before 9.9-10.1; single runs before at
 *   the same load 10.8-11.5 s), static 9.4-9.9 s (before 10.1-10.4), same static plan and gap
 *   (13.2%). 10k and 100k, before this change (one pair each, load 13-15): static proven in 0.9
 *   and 5.6 s, dynamic 10.0 and 10.2 s (gap 0.7% and 8.7%).
 *   What is left past the limit there: a polish round (0.1-0.7 s at 518k contexts) begun just
 *   before the search's deadline, and the first step of the bound, which always runs (1.5 s at
 *   load 15 when the reductions had taken the time).
 * - the polish reads the clock before each pass and priced batch of a round, and a bound whose
 *   deadline has passed takes no step (λ = 0's bound): --limit 10, 1M adversarial, 3 pairs
 *   against main at load 12.5-14.4: dynamic 8.9-9.2 s (before 9.6-10.0), CPU 2.9 s against 3.3
 *   (0.91); static unchanged (9.6-9.9 s against 9.1-9.8, same plan adfc18323f7d and gap 13.2%).
 *   Cut-short dynamic plans differ from run to run in both builds (the wall clock decides where
 *   the search stops: gap 47.8% in five runs, 10.7% in one).
 *   Realistic 1M dynamic, --limit 300, 3 pairs at load 14-16 (with the fold's smaller sibling
 *   table): CPU 9.5-10.8 s, median 9.6 (before 9.6-10.0, median 9.9), wall 29-35 s; the same
 *   plan 3e3ae30b7b39, proven. Single runs at load 3-11 took 9.6-12.1 s of CPU: the 10 s goal
 *   holds in the median, not in every run; the wall time follows the load (the second thread
 *   of the bound's steps waits for a core: 4 s of the main thread's samples were that wait).
 * - --input columns (the problem as partition hands it over, model/problem.ts, not 1M objects the
 *   caller keeps): same solver, 5 pairs against main with objects at load 8-13, dynamic CPU median
 *   8.6 s against 9.6 (0.96), static 2.8 against 3.1 s (0.91, 3 pairs, load 14); same plans, proven.
 *   Full collections during the solve took 7-75 ms each rather than 130-270 ms (the caller's
 *   1M objects are no longer marked); they are more frequent (14 against 8), and cheap.
 * - the solver's passes without boxed numbers (fixing.ts: a function per pass and a call per
 *   method's walk; costTolerance once per tree; the steps' per-method loops in functions; no
 *   iterators or closures per context in fixedShare, losingMethods, the polish's moves). A long
 *   function run once per checkpoint with several loops over the tree was compiled on the stack
 *   for each loop at every call, each version dropped at its loop's end (no feedback yet for the
 *   code after it), and ran in the interpreter in between, a heap number per arithmetic result:
 *   sampled with the collected objects (HeapProfiler, includeObjectsCollectedBy*), fixByBound
 *   allocated 237 MB over a solve, now 17 MB; costTolerance and its iterator 112 MB, now 0.
 *   --input columns, 4 pairs against the build before at load 13-15: CPU median 8.0 s against
 *   9.0 (ratio 0.93; 9.8, 8.1, 7.9, 7.9 against 9.1, 8.8, 9.7, 8.4), wall 0.85, plan 3e3ae30b7b39,
 *   proven. With objects (4 pairs at load 13-15) no gain: median ratio 1.03, and 10-13 full
 *   collections against 6-8: V8 sizes the old generation by how fast the program allocates
 *   against how fast it collects, so less garbage left it at 1.2x the live 122 MB, and each
 *   collection marked the caller's 1M objects. Tried without gain: fixing's walks through a
 *   max-heap that stops where a change stops (same fixings; 1.13 s against 1.03 s of walks: the
 *   changes of the covered sums reach the roots). --no-concurrent-osr (V8 flag): 0.86 in two
 *   pairs from the command line, 0.80-1.00 (median 0.99) in four set at run time; not taken.
 *   Both together, --input columns --compare main (objects) --rounds 4, load 11-13: dynamic CPU
 *   7.4, 7.5, 8.0, 7.6 s against 8.6, 9.2, 8.7, 9.4 (median ratio 0.84), wall 16.8-20.0 s against
 *   19.0-25.0 (0.87), plan 3e3ae30b7b39 proven in every run: under 10 s of CPU in every run, not
 *   yet of wall at this load (the bound's second thread waits for a core). Static, 2 pairs:
 *   CPU 2.7 and 3.3 s against 2.9 and 3.2 (1.00), wall 7.1 and 7.9 s, plan 12bd785509eb proven.
 * - 2026-12-06 (stop 43), the 40k:1m app's networks (each network's problem made as
 *   app-problem.mjs makes wifi's, solved alone with the solver's trace, --time-limit 20, load 7-9).
 *   Why 5g, lte and wifi stopped unproven: GLPK was given the reduced problems (8.2k, 9.4k and 8.0k
 *   contexts) in DESIGN.md's rows (25.8k, 30.9k, 25.1k), and its simplex took 15 s (5g) and 29 s
 *   (lte) for the relaxation alone, so within the limit it never finished the root; the search's
 *   bound reaches that relaxation's value and no more (lte 1810907.19 both), and fixing by it fixes
 *   almost nothing: the gaps (75-800 ms of cost) exceed nearly every method's reduced cost (with the
 *   exact LP duals, reduced-cost fixing fixed 540 of lte's 11.2k variables). GLPK now gets a reduced
 *   dynamic problem in the top form (src/solver/ilp-top.ts: a variable per move, L as sums over the
 *   path, no R for a method of one context): the same relaxation (equal to 10 digits) in 1.7 s (5g)
 *   and 2.1-2.7 s (lte) on 7.9k and 12.9k rows; GLPK alone proves 5g in 1.1 s and wifi in 2.6 s. In
 *   the solve: 5g proven in 10.9 s (5.4 s of CPU), wifi 8.9 s (5.3 s), 3g 3.7 s; the plans and costs
 *   main's build (644426f) proves given 150 s (5g 48da2f56e432, wifi dfbdd94dec4d, in 89 and 72 s)
 *   and at 20 s (3g c2e471d291f2). lte is not proven: its relaxation lies 484.8 ms (2.7e-4) below
 *   its optimum, 1811391.946, which GLPK proves on the top form alone in 285 s; the relaxation's
 *   fractional parts (143 of 6,227 choices) lie in one component of 7,117 of its 9,441 contexts
 *   (without the 800 methods of most contexts, 1,071 contexts are still linked), so neither fixing
 *   nor splitting applies: it needs cuts (glpk.js does not pass GLPK's cut options) or a stronger
 *   form. Passing the top form to GLPK at once, without the search first, proved nothing faster.
 *   Static nesting: the always-winning rule's analog (W[m] below the sum of the negative W of every
 *   method it may not be chosen with) holds for none of the 9,251 and 8,108 candidates of the
 *   40k:1m app's static 5g and wifi problems, since through the call graph each method excludes
 *   whole layers above and below it; no fold rule was added. What took static nesting's time there
 *   was the search among ties: GLPK's relaxation of the static model with the ties row, 12.3 of
 *   wifi's 16.4 s at load 8 (the flow proves the optimum in 0.16 s); it now first asks two least
 *   flows for Lagrange's bound of that row (static-antichain.ts staticTiesSettled), 0.7 s; the four
 *   static plans are main's (0940cf5422f2, 669e894313f0, 2587a4949a73, 81d9287cac4a).
 *   `--sizes 100k,1m --kinds realistic,adversarial,app --nesting static,dynamic --limit 20
 *   --no-baseline --compare <main 644426f> --input columns`, one pair each, load 9.5-14.6, before ->
 *   after (wall; same plan and cost unless said): app 1M (40k:1m's wifi) static 8.0 -> 2.4 s (CPU
 *   5.1 -> 1.6), dynamic 22.0 s (2.0 past the limit) -> 6.9 s (CPU 15.0 -> 4.7), both proven; app
 *   100k static 2.2 -> 1.2, dynamic 1.8 -> 0.8; realistic 100k static 2.6 -> 2.7, dynamic 4.6 ->
 *   3.7; adversarial 100k static 2.5 -> 2.8; realistic 1M static 6.8 -> 7.0 s, all proven;
 *   realistic 1M dynamic cut at the limit in both (gap 0.21% -> 0.51%, the same plan: the bound at
 *   the wall clock's cut), adversarial 1M static 18.0 -> 17.7 s (gap 13.22% both), dynamic 17.3 ->
 *   17.2 s (gap 6.77% -> 6.78%, a plan 0.005% dearer: cut by the clock). Adversarial 100k dynamic:
 *   main answered all-device (gap 61.8%), this build failed with "the ILP's cost disagrees with
 *   the checker's": so does main at --limit 30 and 45. The reductions keep the cost of partitions
 *   near the optimum only (reduce-collapse.ts prices a partition without a method that always wins
 *   on subtrees folded as if it were in), and a cut-short partition was cross-checked on that
 *   price; only a proven optimum is cross-checked now (solution.ts): that tree then ends at gap
 *   9.3% at --limit 20 and 8.5% at 30 (main: all-device at 20, 61.8%; the error at 30 and 45).
 *   Then lte: its relaxation's fractional parts mix a method migrating at one context with its other
 *   context covered by a method that, migrating there, would cover the first too (e.g. a method A
 *   with B as its callee at two places: R[A] = R[B] = 1/2, B moving at one place and A at the other).
 *   Exclusion rows (ilp-top.ts addExclusionRows: for contexts c2 != c1 of one method, T[c2] <= the
 *   sum of T over c1's path whose methods are not those of c2's ancestors; every partition meets
 *   them) raise lte's relaxation 1810907.19 -> 1811193.87 (optimum 1811391.95) with 2,718 rows, and
 *   GLPK alone proves it in 6.5 s (285 s before); 5g's 1306974.72 -> 1307031.31 (optimum
 *   1307041.05), wifi's 1376196.62 -> 1376258.53 (1376266.19), 3g's meets its optimum; GLPK alone
 *   2.6, 2.3 and 0.3 s. (The same rows for pairs with a common ancestor only, 4 of them, raised lte's
 *   relaxation by 23 of the 485.) In the solve lte is proven in 16.5 and 20.1 s at load 9-12 (about
 *   10 s of CPU; with the test suite alongside, 5 s of CPU in the 20 s, it stopped at gap 4.5e-4),
 *   its search among ties cut by the deadline (optimal, perhaps not the first of its ties; the same
 *   plan, 49dd05c77f69, in both): that search had gone on
 *   past the deadline pricing each of the optimum's 3,147 methods on the whole problem (23 s; the
 *   solve took 38.5 s against its 20 s limit), and now stops there (canonical.ts). `--sizes 1m
 *   --kinds app,realistic --nesting dynamic --limit 20 --no-baseline --compare <main 644426f>
 *   --input columns`, one pair each, load 6.8-7.0: app (40k:1m's wifi) 21.9 s (1.9 past the limit,
 *   CPU 14.0) -> 7.3 s (CPU 4.6); realistic 12.0 -> 10.6 s (CPU 7.5 -> 7.1); all proven, the same
 *   plans (dfbdd94dec4d, 3e3ae30b7b39).
 * - 2026-12-06 (stop 44), reduced-cost fixing (src/solver/reduced-cost.ts, glpk-tightened.ts): a
 *   reduced dynamic problem that the search hands to GLPK in the top form gets its relaxation
 *   solved first, and the MIP and the search among ties that follows run with the columns its
 *   duals fix for every partition within the search's cost (the ties': within the optimum's).
 *   The 40k:1m app's four networks, each solved alone (load 12): the search among ties 1.3, 4.4
 *   and 1.2 s of CPU -> 0.3, 1.7 and 0.15 s (5g, lte, wifi), the same plans. `--sizes 1m --kinds
 *   app,realistic --nesting dynamic,static --limit 20 --no-baseline --compare <main e6e0891>
 *   --input columns`, one pair each, load 5.9-6.5, before -> after: app dynamic (40k:1m's wifi)
 *   6.7 -> 6.0 s (CPU 4.6 -> 3.8), app static 2.0 -> 2.1 s (CPU 1.6 both), realistic dynamic 10.4
 *   -> 9.6 s (CPU 7.6 -> 7.2: within one pair's spread), realistic static 2.6 -> 2.4 s (CPU 1.7
 *   -> 1.8); all proven, the same plans
 *   (dfbdd94dec4d, 81d9287cac4a, 3e3ae30b7b39, 12bd785509eb).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './callgraph/measure.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const parseSize = (s) => Math.round(parseFloat(s) * ({ k: 1e3, m: 1e6 }[s.slice(-1).toLowerCase()] ?? 1));
const sizes = flag('sizes', '10k,100k,1m').split(',').map(parseSize);
const kinds = flag('kinds', 'realistic,adversarial').split(',');
const nestings = flag('nesting', 'static,dynamic').split(',');
const limit = Number(flag('limit', '60'));
const baselineLimit = Number(flag('baseline-limit', '60'));
const baseline = !args.includes('--no-baseline');
const highs = flag('highs', undefined);
const seed = Number(flag('seed', '1'));
const compare = flag('compare', undefined);
const rounds = Math.max(1, Number(flag('rounds', '1')));
const input = flag('input', 'objects');
// The scale bench's cases for kind 'app' (2k:10k, 10k:100k, 40k:1m), generate.mjs's otherwise.
const methodsFor = (n, kind) => (kind === 'app' ? (n <= 10_000 ? 2000 : n <= 100_000 ? 10_000 : 40_000) : n <= 10_000 ? 1000 : n <= 100_000 ? 5000 : 20_000);

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
function child(script, extra, spec, seconds, root) {
  const path = root ? `${root}/test/bench/${script}` : here(script);
  const run = spawnSync(process.execPath, ['--max-old-space-size=16000', path, ...extra, JSON.stringify(spec)], {
    encoding: 'utf8',
    timeout: (seconds * 2 + 180) * 1000,
    maxBuffer: 1 << 20,
  });
  const line = run.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { ok: false, error: `child ended: ${run.signal ?? run.status} ${run.stderr.trim().split('\n').pop() ?? ''}` };
  }
}

const fmt = (x, d = 2) => (x === undefined ? '-' : x.toFixed(d));
function describe(r, cut) {
  if (!r.ok) return `error: ${r.error}`;
  const proof = r.optimal ? 'optimal' : `${r.gap === undefined ? 'no bound in time' : 'gap ' + (100 * r.gap).toFixed(1) + '%'}`;
  const time = r.optimal ? `${fmt(r.seconds)} s` : `${fmt(r.seconds)} s (stopped by the ${cut} s limit)`;
  return `${time}, ${proof}, saves ${fmt(100 * (1 - r.cost / r.deviceOnlyCost), 1)}%, peak ${fmt(r.maxRssMb, 0)} MB`;
}

console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`);
console.log(`time limits: ${limit} s reduced, ${baselineLimit} s unreduced baseline; seed ${seed}; problems as ${input}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
/** Seconds past the limit (0 when within it), rows, gap: what --compare sets side by side. */
function brief(r) {
  if (!r.ok) return `error: ${r.error}`;
  const over = Math.max(0, r.seconds - limit);
  const proof = r.optimal ? 'optimal' : r.gap === undefined ? 'no bound' : `gap ${(100 * r.gap).toFixed(2)}%`;
  const cpu = r.cpuSeconds === undefined ? '' : ` (CPU ${fmt(r.cpuSeconds, 1)} s)`;
  const plan = r.planSha256 === undefined ? '' : `, plan ${r.planSha256.slice(0, 12)}`;
  return `${r.model?.constraints ?? '?'} rows, ${fmt(r.seconds, 1)} s${cpu} (over ${fmt(over, 1)} s), ${proof}, cost ${r.cost.toPrecision(7)}${plan}`;
}
for (const n of sizes) {
  for (const kind of kinds) {
    for (const nesting of nestings) {
      const spec = { contexts: n, methods: methodsFor(n, kind), kind, nesting, seed };
      const reduced = { ...spec, reduce: true, limit, input };
      const pairs = [];
      for (let round = 0; round < (compare ? rounds : 1); round++) {
        // Alternate which build runs first, so that neither always meets the machine as the other left it.
        const beforeFirst = round % 2 === 0;
        const c0 = compare && beforeFirst ? child('solver/run-one.mjs', [], reduced, limit, compare) : undefined;
        const r = child('solver/run-one.mjs', [], reduced, limit);
        const c = c0 ?? (compare ? child('solver/run-one.mjs', [], reduced, limit, compare) : undefined);
        pairs.push({ r, c, load: loadavg()[0], beforeFirst });
      }
      const r = pairs[0].r;
      const m = r.model;
      console.log(`${kind} ${nesting}, ${n} contexts over ${r.methods ?? '?'} methods (${fmt(100 * (r.pinnedShare ?? 0), 1)}% pinned)`);
      if (m) console.log(`  model: ${m.contexts} → ${m.contextsAfter} contexts; ${m.variables} variables (${m.integers} integer), ${m.constraints} rows`);
      console.log(`  reduced:    ${describe(r, limit)}`);
      if (compare) {
        for (const [i, p] of pairs.entries()) {
          const label = rounds > 1 ? `  round ${i + 1} (${p.beforeFirst ? 'before' : 'after'} ran first):` : '  compare:';
          console.log(`${label}\n              before ${brief(p.c)}\n              after  ${brief(p.r)}; load ${p.load.toFixed(1)}`);
        }
        const both = pairs.filter((p) => p.r.ok && p.c.ok);
        if (rounds > 1 && both.length > 0) {
          const ratio = median(both.map((p) => p.r.seconds / p.c.seconds));
          console.log(`  median of ${both.length}: before ${fmt(median(both.map((p) => p.c.seconds)), 1)} s, after ${fmt(median(both.map((p) => p.r.seconds)), 1)} s; median ratio after/before ${fmt(ratio, 2)}; load ${both.map((p) => p.load.toFixed(1)).join(' ')}`);
          const cpu = both.filter((p) => p.r.cpuSeconds !== undefined && p.c.cpuSeconds !== undefined);
          if (cpu.length > 0) {
            const cpuRatio = median(cpu.map((p) => p.r.cpuSeconds / p.c.cpuSeconds));
            console.log(`  CPU, median of ${cpu.length}: before ${fmt(median(cpu.map((p) => p.c.cpuSeconds)), 1)} s, after ${fmt(median(cpu.map((p) => p.r.cpuSeconds)), 1)} s; median ratio after/before ${fmt(cpuRatio, 2)}`);
          }
        }
      }
      if (baseline) {
        const b = child('solver/run-one.mjs', [], { ...spec, reduce: false, limit: baselineLimit }, baselineLimit);
        const ratio = r.ok && b.ok ? `; time ratio baseline/reduced ${fmt(b.seconds / r.seconds, 1)}×${b.optimal ? '' : ' (baseline cut: at least)'}` : '';
        console.log(`  unreduced:  ${describe(b, baselineLimit)}${ratio}`);
        if (b.model) console.log(`              ${b.model.variables} variables (${b.model.integers} integer), ${b.model.constraints} rows`);
      }
      if (highs) {
        const h = child('solver/highs-probe.mjs', [highs], { ...spec, limit }, limit);
        console.log(`  HiGHS (reduced model): ${fmt(h.seconds)} s, ${h.status}, saves ${fmt(100 * (1 - h.cost / (r.deviceOnlyCost ?? NaN)), 1)}%`);
      }
    }
  }
}
