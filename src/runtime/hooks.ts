/**
 * Module customization hooks (Node's loader thread): the app's ES modules pass through the
 * run-time's transform as they load. CommonJS modules are handled on the loading thread
 * (patchCommonJs). A module that cannot be transformed loads as it is: its migration points then
 * simply run where they are called.
 */
import Module from 'node:module';
import { fileURLToPath } from 'node:url';
import type { LoadResult, NextLoad } from '../ids/insertions.js';
import { createSyncFn } from 'synckit';
import { lookup, type LoadConfig, type Transform } from './load.js';

let config: LoadConfig | undefined;

export function initialize(data: LoadConfig): void {
  config = data;
}


export async function load(url: string, context: { format?: string | null }, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  if (!config || result.format !== 'module' || !url.startsWith('file:') || result.source == null) return result;
  const text = typeof result.source === 'string' ? result.source : Buffer.from(result.source as Uint8Array).toString('utf8');
  try {
    const file = fileURLToPath(url);
    const found = lookup(file, text, config);
    const code = 'done' in found ? found.done : found.miss((await import('./transform/index.js')).transformModule(file, text, config.appDir, config.plan)?.code);
    return code === undefined ? result : { ...result, source: code };
  } catch {
    return result;
  }
}

/** CommonJS modules do not pass through the loader hooks: wrap their compilation. */
export function patchCommonJs(settings: LoadConfig): void {
  const proto = (Module as unknown as { prototype: { _compile(content: string, filename: string): unknown } }).prototype;
  const compile = proto._compile;
  let transform: Transform | undefined;
  proto._compile = function (content: string, filename: string) {
    try {
      const found = lookup(filename, content, settings);
      if ('done' in found) content = found.done ?? content;
      else {
        transform ??= createSyncFn(fileURLToPath(new URL('./transform-worker.js', import.meta.url)));
        content = found.miss(transform(filename, content, settings.appDir, settings.plan)) ?? content;
      }
    } catch {
      // left as it is: its migration points run where they are called
    }
    return compile.call(this, content, filename);
  };
}
