/**
 * The programs the call-graph benchmark runs: the three example apps (built here, small
 * workloads) and external TypeScript projects whose checkouts are given on the command line or
 * in CC_BENCH_PROJECTS (see the header of ../callgraph.mjs for how to prepare them). A recipe
 * says where the app's tsconfig is, what must have been built, and which test command to trace.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const node = process.execPath;

/** The examples: built with the repository's TypeScript, with source maps, into .build/bench/ (git-ignored). */
export function examples(repo, tmp) {
  const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const ex = (name) => join(repo, 'examples', name);
  const build = (name) => [node, tsc, '-p', ex(name), '--sourceMap', '--outDir', join(ex(name), '.build', 'bench')];
  return [
    {
      name: 'virus-scan',
      appDir: ex('virus-scan'),
      tsconfig: 'tsconfig.json',
      prepare: [build('virus-scan'), [node, join(ex('virus-scan'), 'tools', 'make-corpus.mjs'), '--out', join(tmp, 'corpus'), '--files', '8', '--min-kb', '4', '--max-kb', '16']],
      command: [node, join(ex('virus-scan'), '.build', 'bench', 'cli.js'), join(tmp, 'corpus'), '--db', join(ex('virus-scan'), 'signatures')],
      cwd: repo,
    },
    {
      name: 'image-search',
      appDir: ex('image-search'),
      tsconfig: 'tsconfig.json',
      prepare: [build('image-search'), [node, join(ex('image-search'), 'tools', 'make-data.mjs'), '--out', join(tmp, 'gallery'), '--images', '3', '--width', '160', '--height', '120']],
      command: [node, join(ex('image-search'), '.build', 'bench', 'cli.js'), join(tmp, 'gallery'), '--preview'],
      cwd: repo,
    },
    {
      name: 'behavior-profile',
      appDir: ex('behavior-profile'),
      tsconfig: 'tsconfig.json',
      prepare: [build('behavior-profile'), [node, join(ex('behavior-profile'), 'tools', 'make-data.mjs'), '--out', join(tmp, 'activity.log'), '--days', '10']],
      command: [node, join(ex('behavior-profile'), '.build', 'bench', 'cli.js'), join(tmp, 'activity.log')],
      cwd: repo,
    },
  ];
}

/** Test files in `dir` (relative to the checkout) matching `re`, sorted, optionally filtered by content. */
function testFiles(checkout, dir, re, keep = () => true) {
  const abs = join(checkout, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => re.test(f))
    .sort()
    .filter((f) => keep(readFileSync(join(abs, f), 'utf8')))
    .map((f) => join(dir, f));
}

/** Recipes of the external projects, by their package.json name. */
const RECIPES = {
  'jsonc-parser': (dir) => ({
    appDir: join(dir, 'src'),
    tsconfig: 'tsconfig.json',
    built: ['lib/esm/main.js.map', 'lib/esm/test/json.test.js'],
    command: [node, '--test', ...testFiles(dir, 'lib/esm/test', /\.test\.js$/)],
    cwd: dir,
  }),
  uuid: (dir) => ({
    appDir: dir,
    tsconfig: 'tsconfig.json',
    built: ['dist/index.js.map', 'dist/test/v4.test.js.map'],
    command: [node, '--test', ...testFiles(dir, 'dist/test', /\.test\.js$/)],
    cwd: dir,
  }),
  marked: (dir) => {
    const utils = existsSync(join(dir, 'node_modules', '@markedjs', 'testutils'));
    return {
      appDir: dir,
      tsconfig: 'tsconfig.json',
      built: ['lib/marked.esm.js.map'],
      // Unit tests that need @markedjs/testutils only when it is installed (it depends on a GitHub tarball).
      command: [node, '--test', ...testFiles(dir, 'test/unit', /\.test\.js$/, (text) => utils || !text.includes('@markedjs/testutils'))],
      cwd: dir,
    };
  },
};

export function external(dir) {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) throw new Error(`${dir}: no package.json (give the checkout's root)`);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const recipe = RECIPES[pkg.name];
  if (!recipe) throw new Error(`${dir}: no recipe for package '${pkg.name}' (known: ${Object.keys(RECIPES).join(', ')})`);
  const r = recipe(dir);
  const missing = r.built.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new Error(`${dir}: not built (missing ${missing.join(', ')}); see the preparation steps at the top of test/bench/callgraph.mjs`);
  return { name: pkg.name, ...r, prepare: [], external: true, checkout: basename(dir) };
}
