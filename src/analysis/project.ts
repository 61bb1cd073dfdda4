/**
 * Loads the app's ts-morph project and lists the app's own source files.
 *
 * Messy projects must not stop the analysis, each problem becomes a Diagnostic:
 * - options TypeScript 6 deprecates (`downlevelIteration`, `moduleResolution: node`, `baseUrl`,
 *   `target: ES5`, ...) are reported from a cheap probe program, then the real program is built
 *   with `ignoreDeprecations: "6.0"` so they keep working as the app's authors meant;
 * - `extends` (files and packages) is TypeScript's own; a missing base is a diagnostic;
 * - project `references` are followed (recursively): their files join the one program, each
 *   file's imports resolved with its own project's options (references.ts);
 * - missing types and unresolvable imports are diagnostics; syntax errors are per file;
 *   type errors only when asked (`typeErrors`), since a full type check is the slow part.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { ts } from '../typescript.cjs';
import { InputError } from '../errors.js';
import { projectSet, resolvePerProject } from './references.js';
import type { Diagnostic } from './types.js';

export interface AppFile {
  sf: ts.SourceFile;
  /** Path relative to appDir, forward slashes. */
  rel: string;
}

export interface LoadedApp {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** App files sorted by rel, so results never depend on enumeration order. */
  files: AppFile[];
  diagnostics: Diagnostic[];
  /** Where the compiled JavaScript goes, relative to appDir (forward slashes): outDir, or '.' when the sources are run as they are. */
  build: string;
}

const DEPRECATION_CODES = new Set([5101, 5107, 5108, 5102]);

export function loadApp(appDir: string, tsconfig = 'tsconfig.json', typeErrors = false): LoadedApp {
  const root = resolve(appDir);
  const configPath = resolve(root, tsconfig);
  // existsSync only to give a clean InputError; ts-morph does the reading.
  if (!existsSync(configPath)) throw new InputError('tsconfig not found', configPath);
  const probe = probeConfig(configPath);
  const program = createProgram(configPath, probe.references, typeErrors);
  const files: AppFile[] = [];
  for (const sf of program.getSourceFiles()) {
    const rel = toRel(root, sf.fileName);
    if (rel.startsWith('..') || rel.split('/').includes('node_modules') || sf.isDeclarationFile) continue;
    files.push({ sf, rel });
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  // Creating the checker binds every file, which also sets the parent pointers all walks need.
  const checker = program.getTypeChecker();
  const diagnostics = [...probe.diagnostics.map((d) => toDiagnostic(d, root, tsconfig)), ...programDiagnostics(program, checker, files, root, tsconfig, typeErrors)];
  const outDir = program.getCompilerOptions().outDir;
  const build = outDir ? toRel(root, outDir) || '.' : '.';
  return { program, checker, files, diagnostics: sortDiagnostics(dedupe(diagnostics)), build };
}

/**
 * The program straight from the compiler (one parse per file; a ts-morph Project would parse the
 * app's files a second time into its own wrappers, which we never use). Referenced projects'
 * files join as roots (see references.ts for their options).
 */
function createProgram(configPath: string, references: string[], typeErrors: boolean): ts.Program {
  const errors: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => void errors.push(d),
  };
  const json = ts.readConfigFile(configPath, ts.sys.readFile);
  if (json.error) throw new InputError(`cannot read tsconfig: ${ts.flattenDiagnosticMessageText(json.error.messageText, '\n')}`, configPath);
  const parse = (path: string) => ts.getParsedCommandLineOfConfigFile(path, { ignoreDeprecations: '6.0' }, host);
  const parsed = parse(configPath);
  if (!parsed) {
    const why = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ') || 'unreadable';
    throw new InputError(`cannot read tsconfig: ${why}`, configPath);
  }
  // "No inputs were found" is the config's problem, reported like the others.
  const configErrors = parsed.errors;
  if (!references.length) return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: compilerHost(parsed.options, typeErrors), configFileParsingDiagnostics: configErrors });
  const refs = references.map(parse).filter((r): r is ts.ParsedCommandLine => r !== undefined);
  const set = projectSet(parsed, refs);
  const compiler = compilerHost(set.options, typeErrors);
  resolvePerProject(compiler, set.owners);
  const roots = new Set([...parsed.fileNames, ...refs.flatMap((r) => r.fileNames)]);
  return ts.createProgram({ rootNames: [...roots], options: set.options, host: compiler, configFileParsingDiagnostics: configErrors });
}

/**
 * ts-morph bundles its compiler without the lib .d.ts files on disk; it carries them in memory
 * (in @ts-morph/common, its own dependency, resolved from ts-morph so the versions match). The
 * host serves them from a virtual folder, every other file from disk.
 *
 * Parsing is the part tsc does too, made as cheap as tsc makes it: no parent pointers at parse
 * time (the binder sets them), and JSDoc comments in TypeScript files are not parsed (they
 * carry no types there; JavaScript files keep theirs), except the `@see`/`@link` tags that type
 * errors need when they are asked for, which is what tsc parses.
 */
function compilerHost(options: ts.CompilerOptions, typeErrors: boolean): ts.CompilerHost {
  const libs = libFiles();
  const host = ts.createCompilerHost(options, false);
  host.jsDocParsingMode = typeErrors ? ts.JSDocParsingMode.ParseForTypeErrors : ts.JSDocParsingMode.ParseForTypeInfo;
  const { getSourceFile, fileExists, readFile } = host;
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = (o) => `${LIB_DIR}/${ts.getDefaultLibFileName(o)}`;
  host.fileExists = (f) => libs.has(f) || fileExists.call(host, f);
  host.readFile = (f) => libs.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = libs.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, lang) : getSourceFile.call(host, f, lang, onError, create);
  };
  return host;
}

const LIB_DIR = '/node_modules/typescript/lib';
let libCache: Map<string, string> | undefined;

function libFiles(): Map<string, string> {
  if (libCache) return libCache;
  const fromMorph = createRequire(createRequire(import.meta.url).resolve('ts-morph'));
  const common = fromMorph('@ts-morph/common') as { getLibFiles(): { fileName: string; text: string }[] };
  return (libCache = new Map(common.getLibFiles().map((l) => [`${LIB_DIR}/${l.fileName}`, l.text])));
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

/** `file:line` of a `file:line:col` site, for messages. */
export function fileLine(site: string): string {
  return site.split(':').slice(0, 2).join(':');
}
