/**
 * A JavaScript file with hand-written declarations beside it (`store.js` and `store.d.ts`): the
 * compiler resolves an import of it to the declarations, which have no bodies, so every call
 * into that module would end at a signature. What runs is the JavaScript, and the analysis is
 * about what runs: when the program takes JavaScript (`allowJs`), an import that resolves to an
 * app's declaration file with a JavaScript twin resolves to the twin instead. Dependencies'
 * declarations (node_modules) are left as they are: their code is a library on both sides.
 */
import { ts } from '../typescript.cjs';

const TWIN: Record<string, [string, ts.Extension]> = {
  [ts.Extension.Dts]: ['.js', ts.Extension.Js],
  [ts.Extension.Dmts]: ['.mjs', ts.Extension.Mjs],
  [ts.Extension.Dcts]: ['.cjs', ts.Extension.Cjs],
};

export function resolveToJsImplementations(host: ts.CompilerHost, options: ts.CompilerOptions): void {
  if (!options.allowJs) return;
  const canonical = (s: string) => (host.useCaseSensitiveFileNames() ? s : s.toLowerCase());
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), canonical, options);
  const resolveAll =
    host.resolveModuleNameLiterals?.bind(host) ??
    ((literals, containingFile, redirected, programOptions, sf) =>
      literals.map((l) => ts.resolveModuleName(l.text, containingFile, programOptions, host, cache, redirected, ts.getModeForUsageLocation(sf, l, programOptions))));
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, programOptions, sf, reused) =>
    resolveAll(literals, containingFile, redirected, programOptions, sf, reused).map((r) => toTwin(r, host));
}

function toTwin(r: ts.ResolvedModuleWithFailedLookupLocations, host: ts.CompilerHost): ts.ResolvedModuleWithFailedLookupLocations {
  const m = r.resolvedModule;
  const twin = m && !m.isExternalLibraryImport ? TWIN[m.extension] : undefined;
  if (!m || !twin || m.resolvedFileName.split(/[\\/]/).includes('node_modules')) return r;
  const file = m.resolvedFileName.slice(0, -m.extension.length) + twin[0];
  return host.fileExists(file) ? { ...r, resolvedModule: { ...m, resolvedFileName: file, extension: twin[1] } } : r;
}
