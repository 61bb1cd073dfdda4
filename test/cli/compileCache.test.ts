import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';

// The real binary, since the cache hooks Node's loader, which jest replaces with its own.
const APP = join(ROOT, 'test', 'fixtures', 'calls-forms');
const analyze = (env: NodeJS.ProcessEnv): CliResult => runCli(['analyze', APP, '--json'], ROOT, env);
const made: string[] = [];
const tempDir = (): string => made[made.push(mkdtempSync(join(tmpdir(), 'cc-compile-cache-'))) - 1]!;
const freshDir = (): string => join(tempDir(), 'cache');
const cacheFiles = (dir: string): string[] => readdirSync(dir).sort();
const mtimes = (dir: string): number[] => cacheFiles(dir).map((f) => statSync(join(dir, f)).mtimeMs);

describe('compile cache', () => {
  let plain: CliResult;
  let disabledDir: string;

  beforeAll(() => {
    disabledDir = freshDir();
    plain = analyze({ CLONECLOUD_CACHE_DIR: disabledDir, CLONECLOUD_NO_COMPILE_CACHE: '1' });
    expect(plain.status).toBe(0);
  });

  // About 10 MB per cache.
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('CLONECLOUD_NO_COMPILE_CACHE=1 writes nothing', () => {
    expect(existsSync(disabledDir)).toBe(false);
  });

  it('writes one file per bundle of the compiler (@ts-morph/common and its TypeScript), which the next run reuses; the output is the same', () => {
    const dir = freshDir();
    const cold = analyze({ CLONECLOUD_CACHE_DIR: dir });
    expect(cold).toEqual(plain);
    // Sorted by bundle: the suffix hashes the install's path, which orders them differently per checkout.
    expect(cacheFiles(dir).map((f) => f.replace(/-[0-9a-f]{16}\.v8cache$/, '')).sort()).toEqual(['ts-morph-common', 'typescript']);
    const written = mtimes(dir);
    expect(analyze({ CLONECLOUD_CACHE_DIR: dir })).toEqual(plain);
    // Not rewritten: V8 accepted every file (a rejected one is replaced at the end of the run).
    expect(mtimes(dir)).toEqual(written);
  });

  it('a truncated, corrupt or foreign cache file does not break the run and is replaced', () => {
    const dir = freshDir();
    expect(analyze({ CLONECLOUD_CACHE_DIR: dir }).status).toBe(0);
    const foreign = (f: string): void => writeFileSync(f, 'not a cache file');
    const truncated = (f: string): void => writeFileSync(f, readFileSync(f).subarray(0, 1000));
    const corrupt = (f: string): void => {
      const flipped = readFileSync(f);
      for (let k = flipped.length >> 1; k < (flipped.length >> 1) + 64; k++) flipped[k] = flipped[k]! ^ 0xff;
      writeFileSync(f, flipped);
    };
    // Two bundles, three kinds of damage: two rounds, each damaged file replaced by the run.
    for (const round of [[foreign, truncated], [corrupt]]) {
      const files = cacheFiles(dir).map((f) => join(dir, f));
      round.forEach((damage, k) => damage(files[k]!));
      const damaged = round.map((_, k) => readFileSync(files[k]!));
      expect(analyze({ CLONECLOUD_CACHE_DIR: dir })).toEqual(plain);
      damaged.forEach((d, k) => expect(readFileSync(files[k]!).equals(d)).toBe(false));
    }
    const replaced = mtimes(dir);
    expect(analyze({ CLONECLOUD_CACHE_DIR: dir })).toEqual(plain);
    expect(mtimes(dir)).toEqual(replaced);
  });

  it('a cache folder that cannot be created only costs the cache', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(analyze({ CLONECLOUD_CACHE_DIR: join(file, 'cache') })).toEqual(plain);
  });
});
