/**
 * `node --import register.mjs <test file>`: installs the tracer's entry hook and module hooks.
 *
 * `__ccTrace(id)` runs first in every app function (instrument.mjs). It asks V8 for the
 * structured stack (Error.captureStackTrace with a prepareStackTrace returning the CallSites;
 * the test's own prepareStackTrace is put back at once) and keeps, per distinct value, the
 * callee id, the nearest frames below it that are code of the traced bundles (the first that is
 * the project's own code is the caller: its file, line and column, which is where the caller was when the callee was entered) and what the
 * frame right below the callee was: that caller itself, a builtin (`Array.map`, `Generator.next`,
 * `JSON.stringify`: the callee was entered from inside a builtin the caller ran) or other code
 * (node_modules, Node's internals). Frames V8 appends for awaited callers (async stack traces)
 * end the search: an await is not a call. edges.mjs turns these into edges at the end.
 * The stack is V8's, not kept by the tracer, so no leaf is skipped, a callback run by a builtin
 * is attributed to the function that ran the builtin, and one entered implicitly (a getter, a
 * proxy trap, an iterator's next, toString) is attributed to the function whose code triggered it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Suites written for vitest's jsdom environment (PROJECTS' `dom`): a jsdom from --tools (jsdom@24
// runs on Node 20), its window's globals on the global object, before any test module loads.
if (process.env.CC_TRACE_DOM) {
  const { createRequire } = await import('node:module');
  const { JSDOM } = createRequire(join(process.env.CC_TRACE_TOOLS, 'package.json'))('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
  for (const key of Object.getOwnPropertyNames(dom.window)) if (!(key in globalThis)) globalThis[key] = dom.window[key];
  globalThis.window = dom.window;
}

const build = pathToFileURL(process.env.CC_TRACE_BUILD).href;
const out = process.env.CC_TRACE_OUT;
const seen = new Map();
const raw = (_, frames) => frames;

globalThis.__ccTrace = function __ccTrace(id) {
  const prep = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  Error.prepareStackTrace = raw;
  Error.stackTraceLimit = 60;
  const holder = {};
  Error.captureStackTrace(holder, __ccTrace);
  // V8 formats a stack captured while it formats another one as text, whatever prepareStackTrace is
  // (an app getter run by the formatter: a lazy `message` read by the error's toString).
  const frames = typeof holder.stack === 'string' ? framesOfText(holder.stack) : holder.stack;
  Error.prepareStackTrace = prep;
  Error.stackTraceLimit = limit;
  let below = 'none';
  let caller = '';
  let kept = 0;
  for (let i = 1; i < frames.length; i++) {
    const f = frames[i];
    if (f.isAsync()) break;
    const file = f.getFileName();
    const code = typeof file === 'string' && file.startsWith(build);
    if (i === 1) below = code ? 'code' : file ? 'other' : `builtin:${f.getTypeName()}.${f.getFunctionName()}`;
    if (code) {
      // A few frames: the nearest may be a bundled dependency (lodash calling back), which edges.mjs skips.
      caller += `\t${file}\t${f.getLineNumber()}\t${f.getColumnNumber()}`;
      if (++kept === 4) break;
    }
  }
  const key = `${id}\t${below}\t${caller}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
};

/** The frames of V8's text form of a stack ("    at Type.fn (file:line:col)"), with the CallSite methods read above. */
function framesOfText(text) {
  return text
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => {
      const body = line.replace(/^\s+at /, '');
      const async = body.startsWith('async ');
      const named = /^(.*?) \((.*)\)$/.exec(body);
      const loc = /^(.*):(\d+):(\d+)$/.exec(named ? named[2] : body);
      const name = (named ? named[1] : '').replace(/^(async |new )/, '').replace(/ \[as [^\]]+\]$/, '');
      const dot = name.lastIndexOf('.');
      return {
        isAsync: () => async,
        getFileName: () => (loc ? loc[1] : undefined), // "<anonymous>", "native": no file
        getLineNumber: () => (loc ? Number(loc[2]) : null),
        getColumnNumber: () => (loc ? Number(loc[3]) : null),
        getTypeName: () => (dot < 0 ? null : name.slice(0, dot)),
        getFunctionName: () => (dot < 0 ? name : name.slice(dot + 1)) || null,
      };
    });
}

process.on('exit', () => {
  mkdirSync(join(out, 'events'), { recursive: true });
  writeFileSync(join(out, 'events', `${process.pid}.json`), JSON.stringify([...seen]));
});

register('./hooks.mjs', import.meta.url);
