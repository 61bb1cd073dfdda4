import { relative } from 'node:path';
import { analyzeApp } from '../analysis/index.js';
import { parseCatalog } from '../analysis/catalog.js';
import type { AnalysisResult } from '../analysis/types.js';
import { PACKAGE_ROOT, bundledCatalogFiles, readText } from './load.js';

/** Runs the analyzer on an app with every bundled platform catalog. */
export function analyzeWithBundledCatalogs(appDir: string, tsconfig: string | undefined): AnalysisResult {
  const catalogs = bundledCatalogFiles().map(({ file }) => parseCatalog(readText(file), relative(PACKAGE_ROOT, file)));
  return analyzeApp({ appDir, ...(tsconfig ? { tsconfig } : {}), catalogs });
}
