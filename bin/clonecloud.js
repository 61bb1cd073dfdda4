#!/usr/bin/env node
// Loads the compiled CLI; `npm ci` builds dist/ through the "prepare" script.
// The compile cache is installed before main.js is imported, so that it sees ts-morph load.
import { installCompileCache } from '../dist/cli/compileCache.js';

const compileCache = installCompileCache();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
compileCache.save();
