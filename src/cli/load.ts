import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { parseDevice, parseNetwork, type Device, type Network } from '../model/environment.js';
import { parseJson } from '../profiles/json.js';
import { ContextTooDeep, factsOf, ProfileMerger, type MergedProfile } from '../profiles/merge.js';
import type { ContextColumns } from '../profiles/jsonContexts.js';
import { parseJsonProfileBytes, parseProfile, profileFieldWhere, refuseOtherApp } from '../profiles/parse.js';
import { flagOrigin, type Origin } from './origin.js';
import type { Profile, ProfileFacts } from '../profiles/types.js';
import { compare } from '../util/compare.js';
import type { FieldPath } from '../util/yamlInput.js';
import { InputTooLarge, globToRegExp, isDirectory, isFile, listFiles, readBoundedBytes, wholeBuffer, writeFileAtomic } from '../util/files.js';

/** The installed package's root (dist/cli/load.js → ../..), where the bundled profiles/ live. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED = join(PACKAGE_ROOT, 'profiles');

/**
 * Where a generated file's schema lives, relative to the file: stable for a given project
 * layout (clonecloud in the project's node_modules, or this repository's examples).
 */
export function schemaReference(file: string, kind: 'manifest' | 'profile' | 'config'): string {
  return relative(dirname(resolve(file)), join(PACKAGE_ROOT, 'schemas', `${kind}.schema.json`)).split(sep).join('/');
}

const MiB = 1024 * 1024;

/**
 * How much of each kind of input is read at most. YAML takes about 2 s and 100 MB of memory per
 * MB of profile, so a larger one would exhaust memory rather than end; JSON (a JSON profile, a
 * CPU profile) is read by JSON.parse, a hundred times cheaper, and long runs make big ones: a
 * million contexts are about 130 MB. CLONECLOUD_MAX_INPUT_MB replaces every limit.
 */
export const INPUT_LIMIT_MIB = { profile: 32, 'JSON profile': 256, 'CPU profile': 256, manifest: 16, 'config file': 1, file: 16 } as const;

function limitFor(label: string): number {
  const override = Number(process.env.CLONECLOUD_MAX_INPUT_MB);
  if (process.env.CLONECLOUD_MAX_INPUT_MB && override > 0) return Math.floor(override * MiB);
  return (INPUT_LIMIT_MIB[label as keyof typeof INPUT_LIMIT_MIB] ?? INPUT_LIMIT_MIB.file) * MiB;
}

/** A text input, read up to its kind's size limit; any problem is an InputError naming the file. */
export function readText(file: string, label = 'file'): string {
  return readBytes(file, label).toString('utf8');
}

/** readText's bytes, undecoded (decoding them straight from the read buffer saves a copy); see readBoundedBytes for `reuse`. */
function readBytes(file: string, label: string, reuse?: Buffer): Buffer {
  const limit = limitFor(label);
  try {
    return readBoundedBytes(file, limit, reuse);
  } catch (error) {
    if (error instanceof InputTooLarge) {
      const hint = label === 'profile' ? `; a JSON profile may be up to ${INPUT_LIMIT_MIB['JSON profile']} MiB` : '';
      throw new InputError(`${label} larger than ${Math.round((limit / MiB) * 100) / 100} MiB: not read (CLONECLOUD_MAX_INPUT_MB raises the limit${hint})`, file);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${label} not found`, file);
    if (code === 'EISDIR') throw new InputError(`${label} expected, found a folder`, file);
    throw new InputError(`cannot read ${label} (${code ?? (error as Error).message})`, file);
  }
}

/** The app folder, checked to exist. */
export function resolveAppDir(dir: string): string {
  const appDir = resolve(dir);
  if (!isDirectory(appDir)) throw new InputError('app directory not found', dir);
  return appDir;
}

/** The app's name: package.json `name` when there is one, else the folder's name. */
export function appName(appDir: string): string {
  const pkg = join(appDir, 'package.json');
  if (isFile(pkg)) {
    const name = (parseJson(readText(pkg, 'package.json'), displayPath(pkg)) as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return basename(appDir);
}

function bundledYaml(kind: string): { name: string; file: string }[] {
  const dir = join(BUNDLED, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.yaml'.length), file: join(dir, f) }));
}

/** Bundled network conditions, all of them or the named ones (unknown names are errors, said where the name came from). */
export function loadNetworks(names?: string[], origin: Origin = flagOrigin('--network')): Network[] {
  const all = bundledYaml('networks');
  const chosen = names ?? all.map((n) => n.name);
  return chosen.map((name, i) => {
    const entry = all.find((n) => n.name === name);
    if (!entry) throw new InputError(`unknown network '${name}' (bundled: ${all.map((n) => n.name).join(', ')})`, origin.where(i), origin.field(i));
    return parseNetwork(readText(entry.file), relative(PACKAGE_ROOT, entry.file));
  });
}

export function loadDevice(name: string, origin: Origin = flagOrigin('--device')): Device {
  const all = bundledYaml('devices');
  const entry = all.find((d) => d.name === name);
  if (!entry) throw new InputError(`unknown device '${name}' (bundled: ${all.map((d) => d.name).join(', ')})`, origin.where(), origin.field());
  return parseDevice(readText(entry.file), relative(PACKAGE_ROOT, entry.file));
}

export function bundledCatalogFiles(): { name: string; file: string }[] {
  return bundledYaml('platforms');
}

const DEFAULT_PROFILE_GLOB = '**/*.profile.{yaml,json}';

/**
 * Finds profile files: the default glob under the app, or each `--profiles` argument (a file,
 * a folder searched with the default glob, or a glob relative to the current directory).
 * Returns absolute paths, sorted, without duplicates.
 */
export function findProfileFiles(appDir: string, patterns: string[] | undefined, origin: Origin = flagOrigin('--profiles')): string[] {
  const found = new Set<string>();
  const addGlob = (root: string, glob: string) => {
    const re = globToRegExp(glob);
    for (const file of listFiles(root)) if (re.test(file)) found.add(join(root, file));
  };
  if (!patterns || patterns.length === 0) addGlob(appDir, DEFAULT_PROFILE_GLOB);
  for (const [i, pattern] of (patterns ?? []).entries()) {
    // Errors name the pattern and where it came from (the flag, or clonecloud.yaml's line).
    const fail = (what: string): never => {
      const where = origin.where(i);
      throw where === undefined ? new InputError(what, pattern || undefined, origin.field(i)) : new InputError(`${what}: '${pattern}'`, where, origin.field(i));
    };
    if (pattern === '') fail('an empty pattern (it would search the current folder)');
    const path = resolve(pattern);
    if (isFile(path)) found.add(path);
    else if (isDirectory(path)) addGlob(path, DEFAULT_PROFILE_GLOB);
    else if (/[*?{]/.test(pattern)) {
      const { root, rest } = splitGlob(pattern);
      const before = found.size;
      if (isDirectory(root)) addGlob(resolve(root), rest);
      if (found.size === before) fail('no profile matches this glob');
    } else fail('profile file not found');
  }
  return [...found].sort();
}

/** `a/b/**\/*.yaml` → root `a/b`, rest `**\/*.yaml`. */
function splitGlob(pattern: string): { root: string; rest: string } {
  const parts = pattern.split('/');
  const firstWild = parts.findIndex((p) => /[*?{]/.test(p));
  const root = parts.slice(0, firstWild).join('/') || (isAbsolute(pattern) ? '/' : '.');
  return { root, rest: parts.slice(firstWild).join('/') };
}

/** A path as the user would type it: relative to the cwd when under it, else absolute. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

/**
 * The profiles merged, ordered by file (the order of the sums), and what is kept of each. One
 * file at a time: read, hashed, parsed, added to the merge, and its bytes, text and parsed
 * contexts (a million objects a file) let go before the next is read. A JSON profile as record
 * writes it is read without its text nor an object per context (parseJsonProfileBytes). A profile
 * whose `app` is not `app` is refused. `onMerge` is told before the merged tree is put in order
 * (the last step).
 */
export function loadMergedProfiles(
  appDir: string,
  files: string[],
  deviceSpeed: number,
  { app, onMerge }: { app?: string; onMerge?: () => void } = {},
): { profiles: { profile: ProfileFacts; sha256: string }[]; merged: MergedProfile } {
  // The manifest names a file from the app, and the sums go in that order.
  const ordered = files.map((file) => ({ file, fromApp: relative(appDir, file).split(sep).join('/') })).sort((a, b) => compare(a.fromApp, b.fromApp));
  const profiles: { profile: ProfileFacts; sha256: string }[] = [];
  let merger: ProfileMerger | undefined;
  // The largest file's buffer so far, for the next file (nothing read from a file keeps its bytes).
  let spare: Buffer | undefined;
  let spareColumns: ContextColumns | undefined;
  for (const { file, fromApp } of ordered) {
    const json = file.endsWith('.json');
    // Errors name the file as the user typed paths (from the cwd); the manifest names it from the app.
    const where = displayPath(file);
    const bytes = readBytes(file, json ? 'JSON profile' : 'profile', spare);
    const whole = wholeBuffer(bytes);
    if (whole && whole.length > (spare?.length ?? 0)) spare = whole;
    const quick = json ? parseJsonProfileBytes(bytes, where, spareColumns) : undefined;
    // What is found wrong after parsing is said at its line, from the text decoded again (errors only).
    const fieldWhere = (path: FieldPath) => profileFieldWhere(profileText(bytes).text, where, path);
    let facts: ProfileFacts;
    let sha256: string;
    if (quick) {
      spareColumns = quick.columns;
      const head = { ...quick.head, file: fromApp };
      refuseOtherApp(head.app, app, () => fieldWhere(['app']));
      const into = (merger ??= new ProfileMerger(quick.columns.length + 1));
      locateDepthError(() => into.addColumns(head, quick.columns), fieldWhere);
      facts = { ...head, contextCount: quick.columns.length, methods: [...quick.columns.names].sort(compare) };
      sha256 = createHash('sha256').update(bytes).digest('hex');
    } else {
      const read = profileText(bytes);
      const profile: Profile = { ...parseProfile(read.text, where), file: fromApp };
      refuseOtherApp(profile.app, app, () => fieldWhere(['app']));
      // Room for the first file's contexts at once: the others mostly share its paths.
      const into = (merger ??= new ProfileMerger(profile.contexts.length + 1));
      locateDepthError(() => into.add(profile), fieldWhere);
      facts = factsOf(profile);
      sha256 = read.sha256;
    }
    refuseBeyondHeap(merger.size, heapLimitBytes(), where);
    profiles.push({ profile: facts, sha256 });
  }
  onMerge?.();
  return { profiles, merged: (merger ?? new ProfileMerger()).finish(deviceSpeed) };
}

/** Runs `add`, a merge step; a context it finds too deep is said at its line (the merge has no text). */
function locateDepthError(add: () => void, where: (path: FieldPath) => string): void {
  try {
    add();
  } catch (error) {
    if (error instanceof ContextTooDeep) throw new InputError(error.what, where(['contexts', error.context]), error.field);
    throw error;
  }
}

/**
 * Heap that partition takes per merged calling context, measured at 10k methods and 1M contexts
 * (the solves' peak: the merged columns, one network's problem, the search's arrays): beyond
 * Node's heap limit, V8 would end the run with a crash and no message.
 */
export const HEAP_BYTES_PER_CONTEXT = 450;

const heapLimitBytes = (): number => getHeapStatistics().heap_size_limit;

/** An InputError naming the limit when `contexts` would need more than `limitBytes` of heap. */
export function refuseBeyondHeap(contexts: number, limitBytes: number, where?: string): void {
  const need = contexts * HEAP_BYTES_PER_CONTEXT;
  if (need <= limitBytes) return;
  const mb = (bytes: number) => Math.ceil(bytes / MiB);
  throw new InputError(
    `${contexts} calling contexts merged so far need about ${mb(need)} MB of memory to partition, more than Node's heap limit of ${mb(limitBytes)} MB (raise it with NODE_OPTIONS=--max-old-space-size=<MB>)`,
    where,
  );
}

/**
 * A profile's text and the sha256 that manifests record: of the text as decoded, which for a
 * UTF-8 file (checked) is that of its bytes, hashed as read rather than encoded again (a second
 * of a million contexts). An ASCII file is decoded as Latin-1, the same string sooner.
 */
function profileText(bytes: Buffer): { text: string; sha256: string } {
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const sha256 = createHash('sha256').update(isUtf8(bytes) ? bytes : text).digest('hex');
  return { text, sha256 };
}

/**
 * Fails early (before a long computation) on an output path that cannot be right: empty, a
 * folder, or (unless `makeFolder`) in a folder that does not exist.
 */
export function checkOutputPath(file: string, field?: string, makeFolder = false): void {
  if (file === '') throw new InputError('an empty path: expected a file to write', undefined, field);
  if (isDirectory(file)) throw new InputError('is a folder: expected a file to write', displayPath(resolve(file)), field);
  const folder = dirname(resolve(file));
  if (!makeFolder && !isDirectory(folder)) throw new InputError(`folder ${displayPath(folder)} not found`, displayPath(resolve(file)), field);
}

/**
 * Writes an output file atomically (see writeFileAtomic); a path that cannot be written (empty,
 * a folder, in a folder that does not exist or is not writable, a full disk) is an InputError
 * naming it and the option it came from. `makeFolder` creates missing folders first.
 */
export function writeOutput(file: string, text: string, field?: string, makeFolder = false): void {
  checkOutputPath(file, field, makeFolder);
  const folder = dirname(resolve(file));
  try {
    if (makeFolder) mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new InputError(`cannot create its folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, displayPath(resolve(file)), field);
  }
  if (!isDirectory(folder)) throw new InputError(`folder ${displayPath(folder)} not found`, displayPath(resolve(file)), field);
  try {
    writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? 'a file is in the way of its temporary file (try again)' : `cannot write it (${code ?? (error as Error).message})`;
    throw new InputError(why, displayPath(resolve(file)), field);
  }
}
