#!/usr/bin/env node
// Loads the compiled CLI; `npm ci` builds dist/ through the "prepare" script.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
