import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/cli.js';

// The compiler (@ts-morph/common) is loaded on first use (src/cli/lazy.ts): every command's
// module is imported at start, so one static import of a module that needs TypeScript makes
// `--help`, `diff`, `record` and the main thread of `partition` load it (half a second, and
// tens of MB of heap that a small --max-old-space-size does not have).
test('importing the CLI and all its commands does not load the TypeScript compiler', () => {
  const main = pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href;
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(main)});
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(loaded.filter((f) => /[\\\\/](typescript|@ts-morph[\\\\/]common)[\\\\/]/.test(f))));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual([]);
});
