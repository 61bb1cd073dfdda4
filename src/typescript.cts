/**
 * The TypeScript compiler API that ts-morph bundles, for every module that needs it: this module
 * is @ts-morph/common (its `ts`, and the lib .d.ts files project.ts serves).
 *
 * Only that package is loaded, not ts-morph's own 1 MB bundle of wrappers we never use (about
 * 35 ms of CPU per start). It is resolved from ts-morph, which depends on it, so that the
 * versions match and a layout that does not hoist it (pnpm) still finds it.
 *
 * CommonJS because an ES module that imports a large CommonJS bundle makes Node scan the whole
 * bundle for its export names on every start; `require()` skips that scan, and Node scans only
 * this small file instead, for `exports.name =` (hence the lines below, the names the analysis
 * imports; module.exports is then the package itself).
 */
import { createRequire } from 'node:module';
import type * as Common from '@ts-morph/common';

const loaded = createRequire(require.resolve('ts-morph'))('@ts-morph/common') as typeof Common;

/**
 * The compiler's API as an object the engine reads fast. The bundle exports each of its 2,249
 * names through a getter (`SyntaxKind: () => SyntaxKind`) on an object too large for V8's fast
 * properties, so every `ts.SyntaxKind.X` and `ts.isX(node)` of the analysis' walks, which read
 * every node of the app, was a hash lookup and a call: on a generated 10k-method app the walk that
 * collects call sites (walk.ts) spent 60% of its time there. Here the names read at every node,
 * the node tests (`isX`), the enums (named in PascalCase) and `forEachChild`, about 800, are own
 * data properties of an object kept under V8's limit of fast properties (made fast as a
 * prototype), whose prototype is the bundle's object: every other name is read from there, by its
 * getter, as before. Only functions and enums are copied: TypeScript reassigns neither after its
 * module has run (its only reassigned exports are `sys`, `tracing` and `unchangedPollThresholds`).
 */
function plainApi(api: typeof Common.ts): typeof Common.ts {
  const source = api as unknown as Record<string, unknown>;
  const hot: Record<string, unknown> = {};
  for (const name of Object.keys(api)) {
    if (!/^is[A-Z]|^[A-Z]/.test(name) && name !== 'forEachChild') continue;
    const value = source[name];
    if ((typeof value === 'function' && name[0] !== name[0]!.toUpperCase()) || isEnum(value)) hot[name] = value;
  }
  // Its prototype once filled: an own property cannot be assigned over an inherited getter.
  Object.setPrototypeOf(hot, source);
  makeFast(hot);
  return hot as unknown as typeof Common.ts;
}

/**
 * V8 turns an object with many properties added one by one into a hash table; once it is a
 * prototype, the first reads from it make it fast again (up to 1,020 properties). Speed only:
 * nothing here changes what the object holds.
 */
function makeFast(o: Record<string, unknown>): void {
  function Probe(): void {}
  Probe.prototype = o;
  // Read by a function called often enough to keep feedback: its reads take the path that does it.
  const read = (x: Record<string, unknown>): unknown => x.forEachChild;
  for (let i = 0; i < 16; i++) read(o);
}

/** A TypeScript enum object, told by its first and last members: a string, or a number with a reverse mapping (`Unknown`, `FirstToken`). */
function isEnum(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const names = Object.keys(value);
  const member = (name: string | undefined): boolean => {
    const v = name === undefined ? undefined : (value as Record<string, unknown>)[name];
    return typeof v === 'string' || (typeof v === 'number' && typeof (value as Record<number, unknown>)[v] === 'string');
  };
  return names.length > 0 && member(names[0]) && member(names.at(-1));
}

// The package's other exports as they are, `ts` as above (the types stay the package's).
const common: typeof Common = { ...loaded, ts: plainApi(loaded.ts) };
exports.ts = common.ts;
exports.getLibFiles = common.getLibFiles;
export = common;
