/**
 * Method ids of the functions of a loaded JS module, as the analyzer names them: through the
 * module's source map to the TypeScript (or other original) source when there is one, else from
 * the JS itself. Ids always come from src/ids, applied to the original's syntax tree.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from '../typescript.cjs';
import { isMethodNode, methodIdsOf } from './methodIds.js';
import { appRelative, loadSourceMap, type LoadedMap } from './sourceMaps.js';

export { appRelative, loadSourceMap };

export interface ModuleIds {
  /** JS method node -> id. */
  ids: Map<ts.Node, string>;
  /** The parsed JS module. */
  sf: ts.SourceFile;
}

export function parseSource(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** The ids of the functions of one JS module (path `jsFile`) relative to `appDir`; undefined when it is not app code. */
export function moduleIds(jsFile: string, text: string, appDir: string): ModuleIds | undefined {
  const sf = parseSource(jsFile, text);
  const map = loadSourceMap(jsFile, text);
  if (!map) {
    const rel = appRelative(appDir, jsFile);
    if (!rel) return undefined;
    return { sf, ids: new Map(methodIdsOf(sf, rel).map((e) => [e.node, e.id])) };
  }
  const originals = new Map<string, Original | undefined>();
  const ids = new Map<ts.Node, string>();
  const visit = (node: ts.Node) => {
    if (isMethodNode(node)) {
      const id = mappedId(node, sf, map, appDir, originals);
      if (id) ids.set(node, id);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  dropNestedDuplicates(ids);
  return ids.size > 0 ? { sf, ids } : undefined;
}

interface Original {
  sf: ts.SourceFile;
  entries: { node: ts.FunctionLikeDeclaration; id: string; start: number; bodyStart: number }[];
}

function mappedId(
  node: ts.FunctionLikeDeclaration,
  sf: ts.SourceFile,
  loaded: LoadedMap,
  appDir: string,
  originals: Map<string, Original | undefined>,
): string | undefined {
  const at = originalPosition(loaded, sf, node.getStart(sf));
  if (!at) return undefined;
  const original = originalSource(at.source, loaded, appDir, originals);
  if (!original) return undefined;
  const pos = offsetOf(original.sf, at.line, at.column);
  const exact = original.entries.find((e) => e.start === pos);
  if (exact) return exact.id;
  const body = node.body && originalPosition(loaded, sf, node.body.getStart(sf));
  if (body && body.source === at.source) {
    const bpos = offsetOf(original.sf, body.line, body.column);
    const byBody = original.entries.find((e) => e.bodyStart === bpos);
    if (byBody) return byBody.id;
  }
  // The innermost original function around the mapped position.
  let best: Original['entries'][number] | undefined;
  for (const e of original.entries) {
    if (e.start <= pos && pos < e.node.end && (!best || e.start >= best.start)) best = e;
  }
  return best?.id;
}

function originalPosition(loaded: LoadedMap, sf: ts.SourceFile, offset: number): { source: string; line: number; column: number } | undefined {
  const { line, character } = sf.getLineAndCharacterOfPosition(offset);
  const entry = loaded.map.findEntry(line, character) as Partial<{ generatedLine: number; generatedColumn: number; originalSource: string; originalLine: number; originalColumn: number }>;
  if (entry.originalSource === undefined || entry.generatedLine !== line) return undefined;
  // Between two mappings the text is usually copied as is: keep the offset from the mapping.
  return { source: entry.originalSource, line: entry.originalLine!, column: entry.originalColumn! + character - entry.generatedColumn! };
}

function originalSource(source: string, loaded: LoadedMap, appDir: string, cache: Map<string, Original | undefined>): Original | undefined {
  if (cache.has(source)) return cache.get(source);
  let original: Original | undefined;
  const file = source.startsWith('file:') ? fileURLToPath(source) : resolve(loaded.base, source);
  const rel = appRelative(appDir, file);
  if (rel) {
    let text = loaded.contents.get(source);
    try {
      text ??= readFileSync(file, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const osf = parseSource(file, text);
      original = {
        sf: osf,
        entries: methodIdsOf(osf, rel).map((e) => {
          const n = e.node as ts.FunctionLikeDeclaration;
          return { node: n, id: e.id, start: n.getStart(osf), bodyStart: n.body ? n.body.getStart(osf) : -1 };
        }),
      };
    }
  }
  cache.set(source, original);
  return original;
}

function offsetOf(sf: ts.SourceFile, line: number, column: number): number {
  const lines = sf.getLineStarts();
  if (line >= lines.length) return sf.text.length;
  return Math.min(lines[line]! + column, line + 1 < lines.length ? lines[line + 1]! : sf.text.length);
}

/** A function emitted inside the one it came from (helpers, down-levelled bodies) must not count twice. */
function dropNestedDuplicates(ids: Map<ts.Node, string>): void {
  for (const [node, id] of ids) {
    for (let p = node.parent; p; p = p.parent) {
      if (ids.get(p) === id) {
        ids.delete(node);
        break;
      }
    }
  }
}
