/**
 * Loaded with `--import` next to the recorder (through NODE_OPTIONS, so every traced Node
 * process loads it). At exit it writes every caller -> callee pair of the recorder's
 * calling-context tree, including the calls that the recorder folds onto an ancestor
 * (recursion), which the profile does not keep as tree edges. Nothing is written in a process
 * without a recorder (the `clonecloud record` process itself).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

const dir = process.env.CC_BENCH_EDGES_DIR;
if (dir) {
  process.on('exit', () => {
    const rec = globalThis[Symbol.for('clonecloud.recorder')];
    if (!rec || !rec.root) return;
    const all = new Set();
    const folded = new Set();
    const seen = new Set();
    const stack = [rec.root];
    while (stack.length) {
      const ctx = stack.pop();
      if (seen.has(ctx)) continue;
      seen.add(ctx);
      for (const [method, kid] of ctx.kids) {
        if (ctx !== rec.root) {
          const pair = `${rec.methods[ctx.method]}\u0000${rec.methods[method]}`;
          all.add(pair);
          if (kid.parent !== ctx) folded.add(pair);
        }
        stack.push(kid);
      }
    }
    try {
      writeFileSync(join(dir, `edges-${process.pid}-${threadId}.json`), JSON.stringify({ argv: process.argv, all: [...all], folded: [...folded] }));
    } catch {
      // the bench is gone: nothing to report to
    }
  });
}
