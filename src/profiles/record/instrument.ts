/**
 * Rewrites a module's source so that each identified function reports to the recorder
 * (runtime.ts): enter in a prologue, exit at every return (with the result, through `ox`), at
 * the end of the body and in a catch that rethrows, and every await/yield suspends and resumes
 * the frame. Only insertions, and no newlines, so every line of the rest keeps its number
 * (columns shift only after an insertion on the same line).
 *
 * Not try/finally: V8 does not inline a function that has one, which made a 3 ns function cost
 * 8 ns before the recorder did anything (measured: an empty try/finally alone; try/catch costs
 * nothing). Async functions, generators, constructors and functions with a `finally` of their
 * own keep try/finally (exit in the finally, results through `o`): the first leave and come back
 * at each await/yield, and a `finally` of the app's runs after a return (its calls are the
 * function's, and it may return again).
 *
 * A count-only leaf (countOnly.ts has the rule: small, sync, no loop, calls only built-ins that
 * take no callback) gets a counter alone, `__cc$.c(index)` at its start: no clock, no bytes, no
 * exit; its time is its caller's. Measured on record-calls and record-hot, the enter/exit fast
 * path inlined into every small function was most of the recorder's cost.
 */
import { ts } from '../../typescript.cjs';
import { afterDirectives, insertAll, shebangEnd } from '../../ids/insertions.js';
import { isAsync, isMethodNode } from '../../ids/methodIds.js';
import { RECORDER_GLOBAL } from './runtime.js';
import { boundNames, countOnlyLeaf } from './countOnly.js';

export interface Instrumented {
  code: string;
  /** Method ids the module registers, in index order. */
  methods: string[];
  /** Method ids left untraced (trivial leaves), so the profile can name them. */
  skipped: string[];
  /** Method ids only counted (count-only leaves), a subset of `methods`. */
  counted: string[];
}

export interface InstrumentOptions {
  /** Count-only leaves get a counter alone (default); off: every function is traced in full (the counts test compares). */
  countOnly?: boolean;
}

interface Insertion {
  pos: number;
  text: string;
  /** Closings go before openings at one position; inner closings first, outer openings first. */
  close: boolean;
  depth: number;
  seq: number;
}

const RT = '__cc$';
const F = '__cc$f';
const E = '__cc$e';

/** Instruments every method node that has an id in `ids`; undefined when there is none. */
export function instrument(sf: ts.SourceFile, ids: Map<ts.Node, string>, options: InstrumentOptions = {}): Instrumented | undefined {
  const methods: string[] = [];
  const indexOf = new Map<string, number>();
  const edits: Insertion[] = [];
  const add = (pos: number, text: string, close: boolean, node: ts.Node) =>
    edits.push({ pos, text, close, depth: depthOf(node), seq: edits.length });

  const instrumented = new Set<ts.Node>();
  const skipped = new Set<string>();
  const counted = new Map<ts.Node, string[]>(); // count-only leaf -> the BUILTIN_METHODS it calls
  const rebound = options.countOnly === false ? undefined : boundNames(sf);
  for (const [node, id] of ids) {
    if (!isMethodNode(node)) continue;
    if (isTrivialLeaf(node)) {
      skipped.add(id);
      continue;
    }
    const leaf = rebound && countOnlyLeaf(node, rebound);
    if (leaf) counted.set(node, leaf);
    else instrumented.add(node);
  }
  // One id of two nodes, one of them traced in full: both are (a method index is counted or traced, not both).
  const full = new Set([...instrumented].map((n) => ids.get(n)!));
  for (const node of counted.keys()) {
    if (!full.has(ids.get(node)!)) continue;
    counted.delete(node);
    instrumented.add(node);
  }
  if (instrumented.size === 0 && skipped.size === 0 && counted.size === 0) return undefined;
  const indexFor = (id: string): number => {
    let index = indexOf.get(id);
    if (index === undefined) {
      index = methods.length;
      methods.push(id);
      indexOf.set(id, index);
    }
    return index;
  };

  const countedIds = new Set<string>();
  const builtinCalls = new Set<string>();
  for (const [node, names] of counted) {
    const id = ids.get(node)!;
    countedIds.add(id);
    for (const name of names) builtinCalls.add(name);
    const count = `${RT}.c(__cc$b+${indexFor(id)})`;
    const body = (node as ts.FunctionLikeDeclaration).body!;
    const at = ts.isBlock(body) ? afterDirectives(body.statements, body.getStart(sf) + 1) : undefined;
    if (at) add(at.pos, `${at.semi}${count};`, false, body);
    else {
      add(body.getStart(sf), `(${count},(`, false, body);
      add(body.end, '))', true, body);
    }
  }

  // Functions that exit at their returns, their end and in a catch (not in a finally).
  const direct = new Set<ts.Node>();
  for (const node of instrumented) {
    const fn = node as ts.FunctionLikeDeclaration;
    if (!isAsync(fn) && !fn.asteriskToken && !ts.isConstructorDeclaration(fn) && !hasOwnFinally(fn)) direct.add(node);
  }

  for (const node of instrumented) {
    const fn = node as ts.FunctionLikeDeclaration;
    const index = indexFor(ids.get(node)!);
    const suspends = isAsync(fn) || fn.asteriskToken !== undefined;
    const enter = `${suspends ? 'a' : 'e'}(__cc$b+${index})`;
    const self = ts.isArrowFunction(fn) || ts.isConstructorDeclaration(fn) ? 'undefined' : 'this';
    const prologue = `const ${F}=${RT}.${enter};if(${RT}.s)${RT}.i(${F},[${paramNames(fn).join(',')}],${self});`;
    const exit = suspends ? `${RT}.ax(${F})` : ts.isConstructorDeclaration(fn) ? `${RT}.xc(${F},()=>this)` : `${RT}.x(${F})`;
    const body = fn.body!;
    // The end of the try: a catch that exits and rethrows (direct), or a finally that exits.
    const handler = direct.has(node) ? `}catch(${E}){${RT}.x(${F});throw ${E}}` : `}finally{${exit}}`;
    const at = ts.isBlock(body) ? afterDirectives(body.statements, body.getStart(sf) + 1) : undefined;
    if (at) {
      const open = `${at.semi}${prologue}try{`;
      const close = `${direct.has(node) ? `;${RT}.x(${F})` : ''}${handler}`;
      // `{}` (or directives only): the opening and the closing fall at one position, one insertion.
      if (at.pos === body.end - 1) add(at.pos, open + close, false, body);
      else {
        add(at.pos, open, false, body);
        add(body.end - 1, close, true, body);
      }
    } else {
      add(body.getStart(sf), `{${prologue}try{return ${RT}.${direct.has(node) ? 'ox' : 'o'}(${F},(`, false, body);
      add(body.end, `))${handler}}`, true, body);
    }
  }

  // Returns, awaits, yields and handlers belong to the nearest enclosing function only.
  const visit = (node: ts.Node, owner: ts.Node | undefined): void => {
    const own = isMethodNode(node) ? (instrumented.has(node) ? node : undefined) : owner;
    if (owner && !isMethodNode(node)) {
      const suspends = isAsync(owner as ts.FunctionLikeDeclaration) || (owner as ts.FunctionLikeDeclaration).asteriskToken !== undefined;
      if (ts.isReturnStatement(node) && node.expression) {
        // A leading space: minified code writes `return-1`, `await(x)`, `yield!0`.
        add(node.expression.getStart(sf), ` ${RT}.${direct.has(owner) ? 'ox' : 'o'}(${F},(`, false, node);
        add(node.expression.end, `))`, true, node);
      } else if (ts.isReturnStatement(node) && direct.has(owner)) {
        add(node.getStart(sf) + 'return'.length, ` ${RT}.x(${F})`, false, node);
      } else if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) {
        add(node.getStart(sf), ` ${RT}.r(${F},`, false, node);
        if (node.expression) add(node.expression.getStart(sf), ` ${RT}.p(${F},`, false, node);
        else add(node.getStart(sf) + 'yield'.length, ` ${RT}.p(${F})`, false, node);
        add(node.end, node.expression ? '))' : ')', true, node);
      } else if (suspends && (ts.isCatchClause(node) || (ts.isTryStatement(node.parent) && node.parent.finallyBlock === node))) {
        // Code after a rejected await (or a generator's throw()/return()) resumes here.
        const block = ts.isCatchClause(node) ? node.block : (node as ts.Block);
        add(block.getStart(sf) + 1, `${RT}.r(${F});`, false, block);
      }
    }
    ts.forEachChild(node, (c) => visit(c, own));
  };
  visit(sf, undefined);

  const untraced = [...skipped].filter((id) => !indexOf.has(id));
  const countOnly = [...countedIds];
  const more = countOnly.length ? [untraced, countOnly, [...builtinCalls].sort()] : untraced.length ? [untraced] : [];
  const header = `const ${RT}=globalThis[Symbol.for(${JSON.stringify(RECORDER_GLOBAL)})],__cc$b=${RT}.m(${[methods, ...more].map((a) => JSON.stringify(a)).join(',')});`;
  const top = afterDirectives(sf.statements, shebangEnd(sf.text));
  add(top.pos, top.semi + header, false, sf);
  return { code: apply(sf.text, edits), methods, skipped: untraced, counted: countOnly };
}

/**
 * A one-expression function that calls nothing and has no loop (`(b) => b ^ key`, a bit
 * rotation): tracing it would cost far more than it does, and its time is its caller's, as if
 * inlined. It could never pay for a migration round trip either. Measured: virus-scan's SHA-256
 * `rotr` alone is called 7.5 million times a scan; tracing it made the traced run 3.7x slower.
 */
export function isTrivialLeaf(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body!;
  if (ts.isBlock(body) && (body.statements.length !== 1 || !ts.isReturnStatement(body.statements[0]!))) return false;
  if (ts.isConstructorDeclaration(fn) || fn.asteriskToken || isAsync(fn)) return false;
  let simple = true;
  const visit = (n: ts.Node): void => {
    if (!simple) return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n) || isMethodNode(n) || ts.isClassLike(n) ||
        ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isSpreadElement(n)) {
      simple = false; // calls, getters, iteration: real work may hide there
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return simple;
}

function apply(text: string, edits: Insertion[]): string {
  edits.sort(
    (a, b) =>
      a.pos - b.pos ||
      (a.close === b.close ? (a.close ? b.depth - a.depth : a.depth - b.depth) || a.seq - b.seq : a.close ? -1 : 1),
  );
  return insertAll(text, edits);
}

/** A try/finally in the function's own body (not in a function nested in it). */
function hasOwnFinally(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || (n !== fn && ts.isFunctionLike(n))) return;
    if (ts.isTryStatement(n) && n.finallyBlock) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

/** The names a function binds from its parameters (destructuring flattened), for bytes in. */
function paramNames(fn: ts.FunctionLikeDeclaration): string[] {
  const names: string[] = [];
  const bind = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) {
      if (name.text !== 'this') names.push(name.text);
    } else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bind(el.name);
  };
  for (const p of fn.parameters) bind(p.name);
  return names;
}


function depthOf(node: ts.Node): number {
  let d = 0;
  for (let p = node.parent; p; p = p.parent) d++;
  return d;
}
