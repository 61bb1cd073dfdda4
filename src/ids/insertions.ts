/**
 * Where code may be inserted into a module without changing what it means or its line numbers:
 * shared by the recorder's instrumentation and the run-time's transform, which both rewrite the
 * app's modules as they load.
 */
import { ts } from '../typescript.cjs';

/** Position after a directive prologue ("use strict"), which must stay first; `;` ends it. */
export function afterDirectives(statements: ts.NodeArray<ts.Statement>, start: number): { pos: number; semi: string } {
  let pos = start;
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) break;
    pos = s.end;
  }
  return { pos, semi: pos === start ? '' : ';' };
}

/** Start of the line after a `#!` line (inserting on it would comment the code out). */
export function shebangEnd(text: string): number {
  const shebang = ts.getShebang(text);
  if (!shebang) return 0;
  const nl = text.indexOf('\n', shebang.length);
  return nl < 0 ? text.length : nl + 1;
}

/** The text with each insertion made at its position, in the order given (sorted by position). */
export function insertAll(text: string, insertions: readonly { pos: number; text: string }[]): string {
  let out = '';
  let at = 0;
  for (const e of insertions) {
    out += text.slice(at, e.pos) + e.text;
    at = e.pos;
  }
  return out + text.slice(at);
}

/** The shape of Node's module `load` hook, which both rewriters implement. */
export interface LoadResult {
  format?: string | null;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}
export type NextLoad = (url: string, context: { format?: string | null }) => Promise<LoadResult>;
