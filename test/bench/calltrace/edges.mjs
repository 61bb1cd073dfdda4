/**
 * The call tracer's edges: the entries register.mjs kept, with the tables instrument.mjs wrote,
 * become (caller id, callee id) pairs between app methods, each marked as entered by a call or
 * implicitly.
 *
 * The caller is the innermost function of the bundle containing the caller frame's position
 * (V8 reports where that frame was: the callee's name of a call `o.m()`, `new` of `new C()`, the
 * property of a read `o.g`, the operand of `for…of` or a spread). Code at a module's top level
 * belongs to no method, and a caller that is not app code (a test) gives no edge.
 * An entry is *by a call* when the frame right below the callee is the caller at a call, `new`
 * or tagged template whose callee is the expression at that position, or a builtin or library
 * function the caller called and which called back (`arr.map(f)`, `Array.from(x, f)`) a function
 * that is not a protocol method. It is *implicit* otherwise: the caller's frame is at a property
 * read or write (a getter, setter or proxy trap), a `for…of`, a spread, a template or an
 * operator (toString, valueOf), or a builtin ran a protocol method (`Generator.next` entering a
 * generator's body, `JSON.stringify` running toJSON, `new Set(x)` running `[Symbol.iterator]`,
 * `Object.keys` running a proxy's `ownKeys`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');

export function dynamicEdges(out) {
  const tables = new Map();
  const protocol = new Map();
  for (const f of readdirSync(join(out, 'tables'))) {
    const t = JSON.parse(readFileSync(join(out, 'tables', f), 'utf8'));
    tables.set(t.url, t);
    for (const fn of t.functions) if (fn.id) protocol.set(fn.id, fn.protocol || protocol.get(fn.id) === true);
  }
  const files = new Map();
  const fileOf = (url) => {
    if (!files.has(url)) {
      const t = tables.get(url);
      if (!t) files.set(url, null);
      else {
        const code = readFileSync(t.path, 'utf8');
        let outCode = '';
        let last = 0;
        const starts = [];
        for (const [at, len] of t.inserts) {
          outCode += code.slice(last, at) + ' '.repeat(len); // only the length matters for line starts
          last = at;
        }
        outCode += code.slice(last);
        starts.push(0);
        for (let i = 0; i < outCode.length; i++) if (outCode.charCodeAt(i) === 10) starts.push(i + 1);
        const sf = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
        files.set(url, { t, starts, sf });
      }
    }
    return files.get(url);
  };
  const edges = new Map(); // "from\0to" -> { call, implicit, count }
  let nonApp = 0;
  let topLevel = 0;
  const entered = new Set();
  for (const f of readdirSync(join(out, 'events'))) {
    for (const [key, count] of JSON.parse(readFileSync(join(out, 'events', f), 'utf8'))) {
      const [to, below, ...frames] = key.split('\t').filter((x) => x !== '');
      entered.add(to);
      let file;
      let pos;
      let fn;
      let direct = true; // the caller is the first traced frame (no bundled dependency in between)
      for (let i = 0; i + 2 < frames.length; i += 3) {
        file = fileOf(frames[i]);
        if (!file) continue;
        pos = originalOffset(file.t.inserts, file.starts[Number(frames[i + 1]) - 1] + Number(frames[i + 2]) - 1);
        fn = innermost(file.t.functions, pos);
        if (!fn || fn.id || fn.project) break;
        direct = false;
      }
      if (!file) continue;
      if (!fn) {
        topLevel += count;
        continue;
      }
      if (!fn.id) {
        nonApp += count;
        continue;
      }
      const byCall = !direct || (below === 'code' ? isCallAt(file.sf, pos) : below === 'other' || (below.startsWith('builtin:') && !protocol.get(to)));
      const k = `${fn.id}\0${to}`;
      const e = edges.get(k) ?? edges.set(k, { from: fn.id, to, call: false, implicit: false, count: 0, how: new Set() }).get(k);
      if (byCall) e.call = true;
      else e.implicit = true;
      e.count += count;
      e.how.add(below === 'code' ? (byCall ? 'call' : 'site') : below);
    }
  }
  return { edges: [...edges.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0)), entered, nonApp, topLevel };
}

/** The offset in the file before instrumentation of an offset in the instrumented one. */
function originalOffset(inserts, o) {
  let shift = 0;
  for (const [at, len] of inserts) {
    if (at + shift >= o) break;
    shift += len;
    if (o < at + shift) return at; // inside inserted text: cannot be a caller's position
  }
  return o - shift;
}

function innermost(functions, pos) {
  let best;
  for (const f of functions) if (f.start <= pos && pos < f.end && (!best || f.start >= best.start)) best = f;
  return best;
}

/** The position is the callee of a call, `new` or tagged template (or `super(...)`). */
function isCallAt(sf, pos) {
  const token = ts.getTokenAtPosition(sf, pos);
  let e = token;
  if (token.kind === ts.SyntaxKind.NewKeyword) return ts.isNewExpression(token.parent);
  if (token.parent && (ts.isPropertyAccessExpression(token.parent) || ts.isElementAccessExpression(token.parent))) e = token.parent;
  if (ts.isElementAccessExpression(token.parent?.parent ?? token) && token.parent.parent.argumentExpression === token.parent) e = token.parent.parent;
  while (e.parent && (ts.isParenthesizedExpression(e.parent) || ts.isNonNullExpression?.(e.parent))) e = e.parent;
  const p = e.parent;
  if (!p) return false;
  return ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === e) || (ts.isTaggedTemplateExpression(p) && p.tag === e) || (ts.isCallExpression(token.parent) && token.parent.expression === token);
}
