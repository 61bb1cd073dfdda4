/**
 * The TypeScript compiler API that ts-morph bundles, for every module that needs it.
 *
 * Loaded through this CommonJS module because an ES module that imports ts-morph (a 1 MB
 * CommonJS bundle) makes Node scan the whole bundle for its export names on every start,
 * about 0.2 s; `require()` skips that scan, and Node scans only this small file instead.
 */
import { ts } from 'ts-morph';

export { ts };
