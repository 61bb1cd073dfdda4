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
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { getLibFiles, ts } from '../typescript.cjs';
import { InputError } from '../errors.js';
import { resolveToJsImplementations } from './js-implementations.js';
import { projectSet, resolvePerProject } from './references.js';
import { rememberingChecker } from './symbols.js';
import type { Diagnostic, DiagnosticKind, OutsideLinkPolicy } from './types.js';

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

export function loadApp(appDir: string, tsconfig = 'tsconfig.json', typeErrors = false, outsideLinks: OutsideLinkPolicy = 'warn'): LoadedApp {
  const root = resolve(appDir);
  const configPath = resolve(root, tsconfig);
  // existsSync only to give a clean InputError; ts-morph does the reading.
  if (!existsSync(configPath)) throw new InputError('tsconfig not found', configPath);
  if (statSync(configPath).isDirectory()) throw new InputError('expected a tsconfig file, found a folder', configPath);
  const probe = probeConfig(configPath);
  const tooDeep: Diagnostic[] = [];
  const program = createProgram(configPath, probe.references, typeErrors, (file, line, message) => tooDeep.push({ file: toRel(root, file), line, message, kind: 'syntax' }));
  const files: AppFile[] = [];
  let outside = 0;
  for (const sf of program.getSourceFiles()) {
    const rel = toRel(root, sf.fileName);
    if (rel.split('/').includes('node_modules') || sf.isDeclarationFile) continue;
    if (rel.startsWith('..') || isAbsolute(rel)) {
      outside++;
      continue;
    }
    files.push({ sf, rel });
  }
  if (files.length === 0) {
    const where = outside ? `its ${outside} source file(s) are all outside the app folder` : 'its files/include match no TypeScript or JavaScript source';
    throw new InputError(`nothing to analyse: ${where}`, configPath);
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const links = linksOutside(root, files);
  if (outsideLinks === 'refuse' && links[0]) {
    throw new InputError(`a symbolic link to ${links[0].target}, outside the app: its ${links[0].files} source file(s) are not the app's to analyse (refused: outside links)`, `${root}/${links[0].link}`);
  }
  // Creating the checker binds every file, which also sets the parent pointers all walks need.
  const checker = rememberingChecker(program.getTypeChecker());
  const diagnostics = [
    ...probe.diagnostics.map((d) => toDiagnostic(d, root, tsconfig, 'deprecated')),
    ...missingTypeRoots(program.getCompilerOptions(), configPath, tsconfig),
    ...links.map((l) => ({ file: l.link, line: 0, kind: 'link' as const, message: `a symbolic link to ${l.target}, outside the app: its ${l.files} source file(s) are analysed as the app's ('outsideLinks: refuse' or --refuse-outside-links refuses them)` })),
    ...tooDeep.filter((d) => files.some((f) => f.rel === d.file)),
    ...programDiagnostics(program, checker, files, root, tsconfig, typeErrors),
  ];
  const outDir = program.getCompilerOptions().outDir;
  const build = outDir ? toRel(root, outDir) || '.' : '.';
  return { program, checker, files, diagnostics: sortDiagnostics(dedupe(diagnostics)), build };
}

/**
 * The program straight from the compiler (one parse per file; a ts-morph Project would parse the
 * app's files a second time into its own wrappers, which we never use). Referenced projects'
 * files join as roots (see references.ts for their options).
 */
function createProgram(configPath: string, references: string[], typeErrors: boolean, onTooDeep: TooDeep): ts.Program {
  const errors: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => void errors.push(d),
  };
  const json = ts.readConfigFile(configPath, ts.sys.readFile);
  if (json.error) {
    const e = json.error;
    const line = e.file && e.start !== undefined ? `:${e.file.getLineAndCharacterOfPosition(e.start).line + 1}` : '';
    throw new InputError(`cannot read tsconfig: ${ts.flattenDiagnosticMessageText(e.messageText, '\n')}`, `${configPath}${line}`);
  }
  const parse = (path: string) => ts.getParsedCommandLineOfConfigFile(path, { ignoreDeprecations: '6.0' }, host);
  const parsed = parse(configPath);
  if (!parsed) {
    const why = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ') || 'unreadable';
    throw new InputError(`cannot read tsconfig: ${why}`, configPath);
  }
  // "No inputs were found" is the config's problem, reported like the others.
  const configErrors = parsed.errors;
  if (!references.length) {
    const compiler = compilerHost(parsed.options, typeErrors, onTooDeep);
    resolveToJsImplementations(compiler, parsed.options);
    return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: compiler, configFileParsingDiagnostics: configErrors });
  }
  const refs = references.map(parse).filter((r): r is ts.ParsedCommandLine => r !== undefined);
  const set = projectSet(parsed, refs);
  const compiler = compilerHost(set.options, typeErrors, onTooDeep);
  resolvePerProject(compiler, set.owners);
  resolveToJsImplementations(compiler, set.options);
  const roots = new Set([...parsed.fileNames, ...refs.flatMap((r) => r.fileNames)]);
  return ts.createProgram({ rootNames: [...roots], options: set.options, host: compiler, configFileParsingDiagnostics: configErrors });
}

/**
 * ts-morph bundles its compiler without the lib .d.ts files on disk; it carries them in memory
 * (in @ts-morph/common, its own dependency, which typescript.cts loads). The
 * host serves them from a virtual folder, every other file from disk.
 *
 * Parsing is the part tsc does too, made as cheap as tsc makes it: no parent pointers at parse
 * time (the binder sets them), and JSDoc comments in TypeScript files are not parsed (they
 * carry no types there; JavaScript files keep theirs), except the `@see`/`@link` tags that type
 * errors need when they are asked for, which is what tsc parses.
 */
function compilerHost(options: ts.CompilerOptions, typeErrors: boolean, onTooDeep: TooDeep): ts.CompilerHost {
  const libs = libFiles();
  const host = ts.createCompilerHost(options, false);
  host.jsDocParsingMode = typeErrors ? ts.JSDocParsingMode.ParseForTypeErrors : ts.JSDocParsingMode.ParseForTypeInfo;
  const { getSourceFile, fileExists, readFile } = host;
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = (o) => `${LIB_DIR}/${ts.getDefaultLibFileName(o)}`;
  host.fileExists = (f) => libs.has(f) || fileExists.call(host, f);
  // The text an app file was scanned from is the text its parse reads (the default
  // getSourceFile reads through host.readFile): each file is read from disk once.
  let scanned: { file: string; text: string } | undefined;
  host.readFile = (f) => libs.get(f) ?? (scanned?.file === f ? scanned.text : readFile.call(host, f));
  host.getSourceFile = (f, lang, onError, create) => {
    const lib = libs.get(f);
    if (lib !== undefined) return ts.createSourceFile(f, lib, lang);
    // Dependencies' declarations are taken as they are; the app's own files are checked first.
    if (f.split(/[\\/]/).includes('node_modules')) return getSourceFile.call(host, f, lang, onError, create);
    const missing = 'not analysed (its methods are missing from the verdicts)';
    // Brackets nested too deeply are found by the scanner, before the parser recurses into them
    // (running out of stack is not always an exception: V8 may abort instead).
    const text = readFile.call(host, f);
    const bracket = deepestBracket(text ?? '');
    if (bracket !== undefined) {
      onTooDeep(f, bracket, `brackets nested more than ${MAX_SOURCE_DEPTH} levels deep: ${missing}`);
      return ts.createSourceFile(f, '', lang);
    }
    try {
      scanned = text === undefined ? undefined : { file: f, text };
      const sf = getSourceFile.call(host, f, lang, onError, create);
      const deep = sf && deepestNode(sf);
      if (!sf || !deep) return sf;
      onTooDeep(f, deep.line, `nested more than ${MAX_SOURCE_DEPTH} levels deep: ${missing}`);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      onTooDeep(f, 1, `nested too deeply for the compiler to parse: ${missing}`);
    } finally {
      scanned = undefined;
    }
    return ts.createSourceFile(f, '', lang);
  };
  return host;
}

type TooDeep = (file: string, line: number, message: string) => void;

/**
 * How deep a source file's syntax tree may be. The compiler and every walk of the analysis
 * recurse over the tree, and run out of stack past about 1,200 levels; real code stays below
 * 200 (the deepest file of this project's dependencies: 181). A deeper file is reported and
 * left out, never analysed halfway.
 */
export const MAX_SOURCE_DEPTH = 500;

/** The line of the first node deeper than MAX_SOURCE_DEPTH, or undefined; a walk with its own stack. */
function deepestNode(sf: ts.SourceFile): { line: number } | undefined {
  // Two parallel stacks and one callback: no pair or closure allocated per node.
  const nodes: ts.Node[] = [sf];
  const depths: number[] = [0];
  let childDepth = 0;
  const push = (child: ts.Node): void => {
    nodes.push(child);
    depths.push(childDepth);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_SOURCE_DEPTH) return { line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 };
    childDepth = depth + 1;
    ts.forEachChild(node, push);
  }
  return undefined;
}

/** The line where brackets first nest deeper than MAX_SOURCE_DEPTH, by the scanner (no recursion), or undefined. */
function deepestBracket(text: string): number | undefined {
  // Each token that opens a level has a (, [ or { of its own (a template head ends in `${`): a
  // text with no more of them than the limit cannot go deeper, and needs no scan.
  let openers = 0;
  for (let i = 0; i < text.length && openers <= MAX_SOURCE_DEPTH; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) openers++;
  }
  if (openers <= MAX_SOURCE_DEPTH) return undefined;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let depth = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.OpenParenToken || token === ts.SyntaxKind.OpenBracketToken || token === ts.SyntaxKind.OpenBraceToken || token === ts.SyntaxKind.TemplateHead) depth++;
    else if (token === ts.SyntaxKind.CloseParenToken || token === ts.SyntaxKind.CloseBracketToken || token === ts.SyntaxKind.CloseBraceToken) depth--;
    if (depth > MAX_SOURCE_DEPTH) return text.slice(0, scanner.getTokenEnd()).split('\n').length;
  }
  return undefined;
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

const LIB_DIR = '/node_modules/typescript/lib';
let libCache: Map<string, string> | undefined;

function libFiles(): Map<string, string> {
  if (libCache) return libCache;
  return (libCache = new Map(getLibFiles().map((l) => [`${LIB_DIR}/${l.fileName}`, l.text])));
}

/**
 * Source files whose real path is outside the app (its own real path): each through the first
 * symbolic link on its path under the app, grouped by link. Reading them silently would analyse,
 * digest and report another folder's code as the app's.
 */
function linksOutside(root: string, files: AppFile[]): { link: string; target: string; files: number }[] {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return [];
  }
  const byLink = new Map<string, { link: string; target: string; files: number }>();
  for (const f of files) {
    let real: string;
    try {
      real = realpathSync(f.sf.fileName);
    } catch {
      continue;
    }
    const rel = relative(realRoot, real);
    if (!rel.startsWith('..') && !isAbsolute(rel)) continue;
    const parts = f.rel.split('/');
    let link = f.rel;
    for (let k = 1; k <= parts.length; k++) {
      const prefix = parts.slice(0, k).join('/');
      try {
        if (lstatSync(resolve(root, prefix)).isSymbolicLink()) {
          link = prefix;
          break;
        }
      } catch {
        break;
      }
    }
    const entry = byLink.get(link) ?? { link, target: realpathOr(resolve(root, link)), files: 0 };
    entry.files++;
    byLink.set(link, entry);
  }
  return [...byLink.values()].sort((a, b) => (a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
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
  const add = (kind: DiagnosticKind) => (d: ts.Diagnostic): void => void out.push(toDiagnostic(d, root, configRel, kind));
  program.getConfigFileParsingDiagnostics().forEach(add('config'));
  program.getOptionsDiagnostics().forEach(add('config'));
  // A `types` entry that resolves to nothing is the config's problem; other global ones are type errors.
  program.getGlobalDiagnostics().forEach((d) => add(d.code === MISSING_TYPE_DEFINITION ? 'config' : 'type')(d));
  for (const f of files) {
    program.getSyntacticDiagnostics(f.sf).forEach(add('syntax'));
    if (typeErrors) program.getSemanticDiagnostics(f.sf).forEach(add('type'));
    for (const st of f.sf.statements) {
      const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec) || (ts.isImportDeclaration(st) && st.importClause?.isTypeOnly)) continue;
      if (!checker.getSymbolAtLocation(spec)) {
        const line = f.sf.getLineAndCharacterOfPosition(spec.getStart(f.sf)).line + 1;
        out.push({ file: f.rel, line, message: `cannot resolve module '${spec.text}' (not installed or without types): calls into it are library leaves`, kind: 'import' });
      }
    }
  }
  return out;
}

/** "Cannot find type definition file for 'node'": an entry of `types` (or a typeRoots package) resolves to nothing. */
const MISSING_TYPE_DEFINITION = 2688;

function toDiagnostic(d: ts.Diagnostic, root: string, configRel: string, kind: DiagnosticKind): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] ?? '';
  if (d.file && d.start !== undefined) {
    return { file: toRel(root, d.file.fileName), line: d.file.getLineAndCharacterOfPosition(d.start).line + 1, message, kind };
  }
  return { file: configRel, line: 0, message, kind }; // option problems belong to the config
}

/**
 * typeRoots folders that do not exist: the compiler skips them without a word, so an app copied
 * out of the repository its tsconfig points into silently loses the types it relied on.
 */
function missingTypeRoots(options: ts.CompilerOptions, configPath: string, configRel: string): Diagnostic[] {
  const roots = options.typeRoots ?? [];
  let text = '';
  try {
    text = ts.sys.readFile(configPath) ?? '';
  } catch {
    // the line is unknown then
  }
  const at = text.indexOf('"typeRoots"');
  const line = at < 0 ? 0 : text.slice(0, at).split('\n').length;
  return roots
    .filter((dir) => !existsSync(dir))
    .map((dir) => ({ file: configRel, line, message: `typeRoots folder ${dir} does not exist (was the app copied out of the repository it points into?): the types it should provide are missing`, kind: 'config' as const }));
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

// Plain text, apart from the compiler: the CLI's thread that solves reads it without loading TypeScript.
export { fileLine } from './fileLine.js';
