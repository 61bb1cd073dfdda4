// Command-line entry point; everything else is in main.ts.
import { main } from './main.js';

process.exitCode = main(process.argv.slice(2));
