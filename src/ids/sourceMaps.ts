/**
 * A loaded JS module's place in the app and its source map, without TypeScript: the run-time
 * asks these of every module it loads, and loading the compiler for that would cost more than
 * most runs.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `src/a.ts` for a file under the app, undefined for files outside it or in node_modules. */
export function appRelative(appDir: string, file: string): string | undefined {
  const rel = relative(appDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const parts = rel.split(sep);
  return parts.includes('node_modules') ? undefined : parts.join('/');
}

export interface LoadedMap {
  map: SourceMap;
  /** Directory that the map's `sources` are relative to. */
  base: string;
  contents: Map<string, string>;
}

/** The module's source map (a sibling file or an inline data URL), if it has a readable one. */
export function loadSourceMap(jsFile: string, text: string): LoadedMap | undefined {
  const url = /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/.exec(text.slice(-4096))?.[1];
  if (!url) return undefined;
  try {
    let payload: SourceMapPayload & { sourceRoot?: string };
    let base = dirname(jsFile);
    if (url.startsWith('data:')) {
      const comma = url.indexOf(',');
      const body = url.slice(comma + 1);
      payload = JSON.parse(/;base64$/.test(url.slice(0, comma)) ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body));
    } else {
      const mapFile = url.startsWith('file:') ? fileURLToPath(url) : resolve(base, decodeURIComponent(url));
      payload = JSON.parse(readFileSync(mapFile, 'utf8'));
      base = dirname(mapFile);
    }
    if (payload.sourceRoot) base = resolve(base, payload.sourceRoot);
    const contents = new Map<string, string>();
    payload.sources.forEach((s, k) => {
      const content = payload.sourcesContent?.[k];
      if (typeof content === 'string') contents.set(s, content);
    });
    return { map: new SourceMap({ ...payload, sourceRoot: '' }), base, contents };
  } catch {
    return undefined; // a broken map: the module is named from its JS
  }
}
