/**
 * Module hooks of the call tracer (registered by register.mjs): `vitest` resolves to the shim
 * (vitest-shim.mjs), and every `.js` file under CC_TRACE_BUILD that has a source map is
 * instrumented (instrument.mjs); its table is written to CC_TRACE_OUT/tables/ for edges.mjs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { instrument } from './instrument.mjs';

const build = process.env.CC_TRACE_BUILD;
const out = process.env.CC_TRACE_OUT;
const root = process.env.CC_TRACE_ROOT;
const app = (process.env.CC_TRACE_APP ?? 'src/').split(',');
const { methodIdsOf } = await import(pathToFileURL(join(process.env.CC_TRACE_REPO, 'dist', 'ids', 'methodIds.js')).href);
const shim = pathToFileURL(join(fileURLToPath(new URL('.', import.meta.url)), 'vitest-shim.mjs')).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'vitest') return { url: shim, shortCircuit: true };
  // The bundled tests import their fixtures by path without an extension (`import(resolve(dir, name))`).
  if (specifier.startsWith('/') && !/\.[cm]?js$/.test(specifier) && existsSync(`${specifier}.js`) && specifier.startsWith(build)) return { url: pathToFileURL(`${specifier}.js`).href, shortCircuit: true };
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:')) return next(url, context);
  const path = fileURLToPath(url);
  if (!path.startsWith(build) || !path.endsWith('.js') || !existsSync(`${path}.map`)) return next(url, context);
  const code = readFileSync(path, 'utf8');
  const r = instrument(code, `${path}.map`, root, app, methodIdsOf);
  mkdirSync(join(out, 'tables'), { recursive: true });
  const name = createHash('sha1').update(url).digest('hex').slice(0, 16);
  writeFileSync(join(out, 'tables', `${name}.json`), JSON.stringify({ url, path, ...r.table }));
  return { format: 'module', source: r.code, shortCircuit: true };
}
