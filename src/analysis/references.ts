/**
 * Project references in one program. TypeScript builds each referenced project with its own
 * options; here every project's files join one program (one checker that sees across them), so:
 * - each file's imports resolve with the options of the project that lists it (its `paths`,
 *   `baseUrl`, `moduleResolution`, `customConditions`): a referenced project's own aliases work;
 * - the program's options are the root's, or for a solution-style root (no files of its own)
 *   the first reference's, widened so that every project's files see what they would alone:
 *   the union of the projects' `lib` and `types`, and `jsx`, `allowJs`, decorators, ... when
 *   the base leaves them unset. Build-only options (`composite`, `outDir`, ...) are dropped:
 *   nothing is emitted, and they would report files of the other projects as errors.
 */
import { ts } from '../typescript.cjs';

/** Options a project may need that another project's options do not set. */
const WIDEN: (keyof ts.CompilerOptions)[] = [
  'jsx',
  'jsxFactory',
  'jsxFragmentFactory',
  'jsxImportSource',
  'allowJs',
  'experimentalDecorators',
  'emitDecoratorMetadata',
  'resolveJsonModule',
  'esModuleInterop',
  'allowSyntheticDefaultImports',
  'allowArbitraryExtensions',
  'allowImportingTsExtensions',
];

const BUILD_ONLY: (keyof ts.CompilerOptions)[] = ['composite', 'incremental', 'tsBuildInfoFile', 'outDir', 'outFile', 'rootDir', 'declarationDir', 'declaration', 'declarationMap', 'emitDeclarationOnly'];

export interface ProjectSet {
  /** Options of the one program. */
  options: ts.CompilerOptions;
  /** File name -> options of the project that lists it (first listing wins, the root first). */
  owners: Map<string, ts.CompilerOptions>;
}

export function projectSet(root: ts.ParsedCommandLine, refs: ts.ParsedCommandLine[]): ProjectSet {
  const solution = root.fileNames.length === 0 && refs.length > 0;
  const projects = solution ? refs : [root, ...refs];
  const options: ts.CompilerOptions = { ...(solution ? refs[0]!.options : root.options) };
  for (const k of BUILD_ONLY) delete options[k];
  for (const p of projects) for (const k of WIDEN) if (options[k] === undefined && p.options[k] !== undefined) options[k] = p.options[k];
  const libs = new Set(projects.flatMap((p) => p.options.lib ?? [ts.getDefaultLibFileName(p.options)]));
  if (projects.some((p) => p.options.lib)) options.lib = [...libs];
  options.types = projects.some((p) => !p.options.types) ? undefined : [...new Set(projects.flatMap((p) => p.options.types ?? []))];
  const owners = new Map<string, ts.CompilerOptions>();
  for (const p of projects) {
    const own = { ...p.options };
    for (const k of BUILD_ONLY) delete own[k];
    for (const f of p.fileNames) if (!owners.has(f)) owners.set(f, own);
  }
  return { options, owners };
}

/** Resolve each file's imports with the options of the project that lists it. */
export function resolvePerProject(host: ts.CompilerHost, owners: Map<string, ts.CompilerOptions>): void {
  const caches = new Map<ts.CompilerOptions, ts.ModuleResolutionCache>();
  const canonical = (s: string) => (host.useCaseSensitiveFileNames() ? s : s.toLowerCase());
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, programOptions, sf) => {
    const own = owners.get(containingFile) ?? programOptions;
    let cache = caches.get(own);
    if (!cache) caches.set(own, (cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), canonical, own)));
    return literals.map((l) => ts.resolveModuleName(l.text, containingFile, own, host, cache, redirected, ts.getModeForUsageLocation(sf, l, own)));
  };
}
