/**
 * `table[k]` with a key not known, `table` a variable holding an object literal
 * (`var extensions = { splice() {...} }`): any member of the literal may be read, its own and those
 * stored onto it later (`extensions.peek = f`, or `extensions[name] = make(name)` through a helper
 * whose calls name the keys: installers.ts), each under its name. A proxy's get trap handing out
 * `extensions[key]` for the key read hands out, for a read of `p.splice`, the member `splice`.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Stores } from './stores.js';
import { keyNames } from './keys.js';
import { skipWrappers } from '../walk.js';

export interface LiteralEntry {
  name: string;
  /** A method node stands for itself; other values are expressions to follow. */
  value: ts.Node;
}

/** The entries of the literal that `read`, a read `table[k]` with a key not known, may give; undefined when it is no such read. */
export function literalEntries(checker: ts.TypeChecker, stores: Stores, read: ts.Expression): LiteralEntry[] | undefined {
  const e = skipWrappers(read);
  if (!ts.isElementAccessExpression(e) || keyNames(checker, e.argumentExpression) !== undefined) return undefined;
  const table = skipWrappers(e.expression);
  if (!ts.isIdentifier(table)) return undefined;
  let out: LiteralEntry[] | undefined;
  for (const d of checker.getSymbolAtLocation(table)?.declarations ?? []) {
    const init = ts.isVariableDeclaration(d) && d.initializer ? skipWrappers(d.initializer) : undefined;
    if (!init || !ts.isObjectLiteralExpression(init)) continue;
    out ??= [];
    for (const p of init.properties) {
      const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name) || ts.isNumericLiteral(p.name)) ? p.name.text : undefined;
      if (name === undefined) continue;
      if (ts.isPropertyAssignment(p)) out.push({ name, value: p.initializer });
      else if (isMethodNode(p)) out.push({ name, value: p });
      else if (ts.isShorthandPropertyAssignment(p)) out.push({ name, value: p.name });
    }
    for (const [name, value] of stores.storedOn(checker, d)) out.push({ name, value });
  }
  return out;
}
