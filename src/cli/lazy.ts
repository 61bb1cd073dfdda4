/**
 * The modules that load TypeScript, loaded on first use: TypeScript takes about half a second
 * to load, which `--help`, `--version`, `diff` and `record` should not pay.
 */
export const loadCompute = () => import('./compute.js');
export const loadAnalysis = () => import('../analysis/index.js');
export const loadVerdicts = () => import('./verdicts.js');
export const loadFrames = () => import('../profiles/import/frames.js');
