/**
 * Loads the app's ts-morph project and lists the app's own source files.
 *
 * Messy projects must not stop the analysis, each problem becomes a Diagnostic:
 * - options TypeScript 6 deprecates (`downlevelIteration`, `moduleResolution: node`, `baseUrl`,
 *   `target: ES5`, ...) are reported from a cheap probe program, then the real program is built
 *   with `ignoreDeprecations: "6.0"` so they keep working as the app's authors meant;
 * - `extends` (files and packages) is TypeScript's own; a missing base is a diagnostic;
 * - project `references` are followed (recursively): their files join the one program, compiled
 *   with the root's options (an approximation; the checker sees across the references);
 * - missing types and unresolvable imports are diagnostics; syntax errors are per file;
 *   type errors only when asked (`typeErrors`), since a full type check is the slow part.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Project, ts } from 'ts-morph';
import { InputError } from '../errors.js';
import type { Diagnostic } from './types.js';

export interface AppFile {
  sf: ts.SourceFile;
  /** Path relative to appDir, forward slashes. */
  rel: string;
}

export interface LoadedApp {
  project: Project;
  program: ts.Program;
  checker: ts.TypeChecker;
  /** App files sorted by rel, so results never depend on enumeration order. */
  files: AppFile[];
  diagnostics: Diagnostic[];
}

const DEPRECATION_CODES = new Set([5101, 5107, 5108, 5102]);

export function loadApp(appDir: string, tsconfig = 'tsconfig.json', typeErrors = false): LoadedApp {
  const root = resolve(appDir);
  const configPath = resolve(root, tsconfig);
  // existsSync only to give a clean InputError; ts-morph does the reading.
  if (!existsSync(configPath)) throw new InputError('tsconfig not found', configPath);
  const probe = probeConfig(configPath);
  let project: Project;
  try {
    project = new Project({ tsConfigFilePath: configPath, compilerOptions: { ignoreDeprecations: '6.0' } });
    for (const ref of probe.references) project.addSourceFilesFromTsConfig(ref);
  } catch (e) {
    throw new InputError(`cannot read tsconfig: ${(e as Error).message}`, configPath);
  }
  const program = project.getProgram().compilerObject;
  const files: AppFile[] = [];
  for (const sf of program.getSourceFiles()) {
    const rel = toRel(root, sf.fileName);
    if (rel.startsWith('..') || rel.split('/').includes('node_modules') || sf.isDeclarationFile) continue;
    files.push({ sf, rel });
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const checker = program.getTypeChecker();
  const diagnostics = [...probe.diagnostics.map((d) => toDiagnostic(d, root, tsconfig)), ...programDiagnostics(program, checker, files, root, tsconfig, typeErrors)];
  return { project, program, checker, files, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

/** Deprecated options and project references, from the config alone (no lib, no files: cheap). */
function probeConfig(configPath: string): { diagnostics: ts.Diagnostic[]; references: string[] } {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };
  const references: string[] = [];
  const seen = new Set<string>([configPath]);
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
  if (!parsed) return { diagnostics: [], references };
  const collect = (refs: readonly ts.ProjectReference[] | undefined): void => {
    for (const r of refs ?? []) {
      const p = existsSync(r.path) && statSync(r.path).isDirectory() ? resolve(r.path, 'tsconfig.json') : r.path;
      if (seen.has(p) || !existsSync(p)) continue;
      seen.add(p);
      references.push(p);
      collect(ts.getParsedCommandLineOfConfigFile(p, {}, host)?.projectReferences);
    }
  };
  collect(parsed.projectReferences);
  const probe = ts.createProgram({ rootNames: [], options: { ...parsed.options, noLib: true, types: [] } });
  const diagnostics = probe.getOptionsDiagnostics().filter((d) => DEPRECATION_CODES.has(d.code));
  return { diagnostics, references };
}

/** Config/option problems, unresolved imports and syntax errors: cheap, unlike a full semantic check. */
function programDiagnostics(program: ts.Program, checker: ts.TypeChecker, files: AppFile[], root: string, configRel: string, typeErrors: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (d: ts.Diagnostic): void => void out.push(toDiagnostic(d, root, configRel));
  program.getConfigFileParsingDiagnostics().forEach(add);
  program.getOptionsDiagnostics().forEach(add);
  program.getGlobalDiagnostics().forEach(add);
  for (const f of files) {
    program.getSyntacticDiagnostics(f.sf).forEach(add);
    if (typeErrors) program.getSemanticDiagnostics(f.sf).forEach(add);
    for (const st of f.sf.statements) {
      const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec) || (ts.isImportDeclaration(st) && st.importClause?.isTypeOnly)) continue;
      if (!checker.getSymbolAtLocation(spec)) {
        const line = f.sf.getLineAndCharacterOfPosition(spec.getStart(f.sf)).line + 1;
        out.push({ file: f.rel, line, message: `cannot resolve module '${spec.text}' (not installed or without types): calls into it are library leaves` });
      }
    }
  }
  return out;
}

function toDiagnostic(d: ts.Diagnostic, root: string, configRel: string): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] ?? '';
  if (d.file && d.start !== undefined) {
    return { file: toRel(root, d.file.fileName), line: d.file.getLineAndCharacterOfPosition(d.start).line + 1, message };
  }
  return { file: configRel, line: 0, message }; // option problems belong to the config
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}\0${d.line}\0${d.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function toRel(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** file:line:col (1-based) of a node's first token. */
export function siteOf(file: AppFile, node: ts.Node): string {
  const p = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf));
  return `${file.rel}:${p.line + 1}:${p.character + 1}`;
}

