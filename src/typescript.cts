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

const common = createRequire(require.resolve('ts-morph'))('@ts-morph/common') as typeof Common;
exports.ts = common.ts;
exports.getLibFiles = common.getLibFiles;
export = common;
