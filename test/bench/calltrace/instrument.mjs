/**
 * The call tracer's instrumenter: one JavaScript file (an esbuild bundle with its source map) in,
 * the same file with one statement at the entry of every function of the app out, plus a table
 * that lets the tracer name functions and the sites of calls afterwards.
 *
 * It shares nothing with `clonecloud record`: it does not rewrite calls nor keep a shadow stack.
 * The inserted statement is `__ccTrace("<method id>")` at the start of the function body (an
 * expression body becomes `(__ccTrace(id), expr)`); nothing else changes, so every column before
 * the first insertion on a line is as it was, and the table lists the insertions to undo the shift.
 * The caller is found at run time from V8's own stack (see register.mjs), not from anything this
 * file adds. Every function of the app is instrumented, leaves included.
 *
 * Method ids are computed from the TypeScript source the bundle maps to, with clonecloud's naming
 * (dist/ids/methodIds.js): the names are what is compared, not how calls are found.
 */
import { readFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');

// Methods the language runs for a site that calls nothing (iteration, conversion), and proxy traps
// (run by a builtin such as Object.keys or Reflect.get when the direct caller is one).
const PROTOCOL = new Set(['next', 'return', 'throw', 'toString', 'valueOf', 'toJSON', 'toLocaleString']);
const TRAPS = ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty', 'getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions', 'apply', 'construct'];
for (const t of TRAPS) PROTOCOL.add(t);

/**
 * @param {string} code the bundle
 * @param {string} mapPath its source map
 * @param {string} root project root (ids are relative to it)
 * @param {string[]} app path prefixes (relative to root) of the app's sources
 * @param {(sf: any, rel: string) => {node: any, id: string}[]} idsOf clonecloud's method ids
 */
export function instrument(code, mapPath, root, app, idsOf) {
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const sm = new SourceMap(map);
  const mapDir = dirname(mapPath);
  const sf = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const originals = new Map(); // absolute path -> { sf, methods: [{node, id}] } or null
  const original = (abs) => {
    if (!originals.has(abs)) {
      const rel = relative(root, abs).split('\\').join('/');
      if (rel.startsWith('..') || !app.some((p) => rel.startsWith(p))) originals.set(abs, null);
      else {
        const osf = ts.createSourceFile(abs, readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true, abs.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
        originals.set(abs, { sf: osf, methods: idsOf(osf, rel) });
      }
    }
    return originals.get(abs);
  };
  const functions = []; // { start, end, id|null, protocol, project }
  const inserts = []; // [at, text]
  const visit = (node) => {
    if (isFunctionWithBody(node)) {
      const start = node.getStart(sf);
      const at = sf.getLineAndCharacterOfPosition(start);
      const entry = sm.findEntry(at.line, at.character);
      let id = null;
      let protocol = false;
      let project = false; // code of the project that is not the app (its tests): a caller, but not an app method
      if (entry && entry.originalSource) {
        const abs = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : resolve(mapDir, entry.originalSource);
        const rel = relative(root, abs);
        project = !rel.startsWith('..') && !rel.split(/[\\/]/).includes('node_modules');
        const o = original(abs);
        const m = o && methodAt(o, entry.originalLine, entry.originalColumn);
        if (m) {
          id = m.id;
          protocol = isProtocol(m.node);
        }
      }
      functions.push({ start, end: node.end, id, protocol, project });
      if (id) {
        const call = `__ccTrace(${JSON.stringify(id)})`;
        if (ts.isBlock(node.body)) inserts.push([node.body.getStart(sf) + 1, `${call};`]);
        else {
          inserts.push([node.body.getStart(sf), `(${call}, `]);
          inserts.push([node.body.end, ')']);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  inserts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [at, text] of inserts) {
    out += code.slice(last, at) + text;
    last = at;
  }
  out += code.slice(last);
  return { code: out, table: { inserts: inserts.map(([at, t]) => [at, t.length]), functions } };
}

function isFunctionWithBody(n) {
  return (
    (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) &&
    n.body !== undefined
  );
}

/**
 * The method of the original file at (line, column): the one starting there, else the innermost containing it. None
 * for the function a compiler makes of an enum or namespace declaration (`((E) => { ... })(E || {})`): TypeScript runs
 * no function there, the code around it runs its initialisers, so its frame is not traced (the caller found below it
 * is the function around the declaration, as in the source).
 */
function methodAt(o, line, column) {
  const pos = o.sf.getPositionOfLineAndCharacter(line, column);
  let best;
  for (const m of o.methods) {
    const n = m.node;
    const starts = [n.getStart(o.sf), n.name ? n.name.getStart(o.sf) : -1];
    if (starts.includes(pos)) return m;
    if (n.getStart(o.sf) <= pos && pos < n.end && (!best || best.node.getStart(o.sf) <= n.getStart(o.sf))) best = m;
  }
  return best && scopeDeclarationAt(best.node, o.sf, pos) ? undefined : best;
}

/** Whether an enum or namespace declaration inside `within` starts at pos (at its name, its keyword or a modifier). */
function scopeDeclarationAt(within, sf, pos) {
  let found = false;
  const visit = (n) => {
    if (found || pos < n.pos || pos >= n.end) return;
    if ((ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n)) && (n.getStart(sf) === pos || n.name.getStart(sf) === pos || keywordAt(n, sf, pos))) found = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(within, visit);
  return found;
}

function keywordAt(n, sf, pos) {
  const text = sf.text.slice(pos, pos + 9);
  return pos >= n.getStart(sf) && pos < n.name.getStart(sf) && /^(enum|namespace|module)\b/.test(text);
}

/** Entered by the language rather than by a call written at the site: accessors, generator bodies, protocol methods, traps. */
function isProtocol(n) {
  if (ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) return true;
  if (n.asteriskToken) return true;
  const name = n.name ?? (ts.isPropertyAssignment(n.parent) || ts.isPropertyDeclaration(n.parent) ? n.parent.name : undefined);
  if (!name) return false;
  if (ts.isComputedPropertyName(name)) return /^Symbol\./.test(name.expression.getText());
  return ts.isIdentifier(name) && PROTOCOL.has(name.text);
}
