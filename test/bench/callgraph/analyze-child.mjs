/**
 * One analysis in its own process, so that /usr/bin/time measures it alone:
 *   node analyze-child.mjs <appDir> <tsconfig relative to appDir> [<out.json>|-]
 * Prints one JSON line (analysis time without process start-up, counts); writes the full
 * result to <out.json> when given.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const [appDir, tsconfig = 'tsconfig.json', out = '-'] = process.argv.slice(2);
// As bin/clonecloud.js does: ts-morph compiled with the V8 code cache (off with CLONECLOUD_NO_COMPILE_CACHE=1).
const { installCompileCache } = await import(join(root, 'dist', 'cli', 'compileCache.js'));
const compileCache = installCompileCache();
const t0 = performance.now();
const { analyzeApp, parseCatalog } = await import(join(root, 'dist', 'analysis', 'index.js'));
const platforms = join(root, 'profiles', 'platforms');
const catalogs = readdirSync(platforms)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parseCatalog(readFileSync(join(platforms, f), 'utf8'), `profiles/platforms/${f}`));
const t1 = performance.now();
const result = analyzeApp({ appDir, tsconfig, catalogs });
const t2 = performance.now();
if (out !== '-') writeFileSync(out, JSON.stringify(result));
process.stdout.write(
  JSON.stringify({
    loadMs: Math.round(t1 - t0),
    analyzeMs: Math.round(t2 - t1),
    methods: result.methods.length,
    edges: result.edges.length,
    unresolved: result.unresolved.length,
    files: result.sources.length,
    heapMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  }) + '\n',
);
compileCache.save();
