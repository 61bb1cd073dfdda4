/** Loads the app's ts-morph project and lists the app's own source files. */
import { existsSync } from 'node:fs';
import { resolve, relative, sep } from 'node:path';
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

export function loadApp(appDir: string, tsconfig = 'tsconfig.json'): LoadedApp {
  const root = resolve(appDir);
  const configPath = resolve(root, tsconfig);
  // existsSync only to give a clean InputError; ts-morph does the reading.
  if (!existsSync(configPath)) throw new InputError('tsconfig not found', configPath);
  let project: Project;
  try {
    project = new Project({ tsConfigFilePath: configPath });
  } catch (e) {
    throw new InputError(`cannot read tsconfig: ${(e as Error).message}`, configPath);
  }
  const program = project.getProgram().compilerObject;
  const files: AppFile[] = [];
  for (const sf of program.getSourceFiles()) {
    const rel = relative(root, sf.fileName).split(sep).join('/');
    if (rel.startsWith('..') || rel.split('/').includes('node_modules') || sf.isDeclarationFile) continue;
    files.push({ sf, rel });
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return {
    project,
    program,
    checker: program.getTypeChecker(),
    files,
    diagnostics: programDiagnostics(program, files, root, tsconfig),
  };
}

/** Config/option problems and syntax errors: cheap, unlike a full semantic check. */
function programDiagnostics(program: ts.Program, files: AppFile[], root: string, configRel: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (d: ts.Diagnostic): void => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] ?? '';
    if (d.file && d.start !== undefined) {
      const file = relative(root, d.file.fileName).split(sep).join('/');
      out.push({ file, line: d.file.getLineAndCharacterOfPosition(d.start).line + 1, message });
    } else {
      out.push({ file: configRel, line: 0, message }); // option problems belong to the config
    }
  };
  program.getConfigFileParsingDiagnostics().forEach(add);
  program.getOptionsDiagnostics().forEach(add);
  for (const f of files) program.getSyntacticDiagnostics(f.sf).forEach(add);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** file:line:col (1-based) of a node's first token. */
export function siteOf(file: AppFile, node: ts.Node): string {
  const p = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf));
  return `${file.rel}:${p.line + 1}:${p.character + 1}`;
}
