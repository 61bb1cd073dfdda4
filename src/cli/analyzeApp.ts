import { relative, resolve } from 'node:path';
import { analyzeApp } from '../analysis/index.js';
import { isStackOverflow } from '../analysis/project.js';
import { parseCatalog } from '../analysis/legality/catalog.js';
import type { AnalysisResult } from '../analysis/types.js';
import { InputError } from '../errors.js';
import { PACKAGE_ROOT, bundledCatalogFiles, displayPath, readText } from './load.js';
import type { AnalysisSettings } from './analyzeInThread.js';

/** Runs the analyzer, in this thread, with the bundled platform catalogs the settings select. */
export function analyzeHere(appDir: string, settings: AnalysisSettings): AnalysisResult {
  const bundled = bundledCatalogFiles();
  const chosen = settings.platforms ? bundled.filter((c) => settings.platforms!.includes(c.name)) : bundled;
  const catalogs = chosen.map(({ file }) => parseCatalog(readText(file), relative(PACKAGE_ROOT, file)));
  try {
    return analyzeApp({ appDir, tsconfig: settings.tsconfig, catalogs, pin: settings.pin, allow: settings.allow, unresolved: settings.unresolved, outsideLinks: settings.outsideLinks, typeErrors: settings.typeErrors === true });
  } catch (error) {
    // Files nested too deeply are left out before this (see MAX_SOURCE_DEPTH); other shapes
    // (chains of types or classes thousands long) can still exhaust the compiler's stack.
    if (isStackOverflow(error)) throw new InputError("the app's code nests deeper than the analysis can follow (thousands of levels of types, classes or syntax)", displayPath(resolve(appDir, settings.tsconfig)));
    throw error;
  }
}
