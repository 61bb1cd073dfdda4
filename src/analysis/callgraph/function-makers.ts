/**
 * Which expressions make a function from source text at run time: `new Function(...)` or
 * `Function(...)` of the global Function constructor, named directly (`Function`,
 * `globalThis.Function`), through a `const` alias (`const F = Function`, also an alias of an
 * alias), or as a function's own `constructor` (`Function.prototype.constructor`,
 * `(async () => {}).constructor`, the AsyncFunction constructor). The code such a function runs
 * is text the analysis cannot read (made-calls.ts says what calling it may reach).
 * Not recognised: the constructor reached through a value the checker does not type as a
 * function (`Object.getPrototypeOf(async function () {}).constructor`, typed `any`) or through
 * reflection (`Reflect.construct(Function, ...)`), and `eval`.
 */
import { ts } from '../../typescript.cjs';
import { GLOBAL_OBJECTS, symbolAt } from '../symbols.js';
import { skipWrappers, type CallSite } from '../walk.js';

/** Aliases followed at most (`const F = G` with `const G = Function`): a cycle of consts ends. */
const MAX_ALIASES = 4;

/** Whether a call or `new` runs the Function constructor, so its result is a function made from text. */
export function makesFunction(checker: ts.TypeChecker, site: CallSite): boolean {
  if (!ts.isCallExpression(site) && !ts.isNewExpression(site)) return false;
  return namesFunctionConstructor(checker, site.expression, 0);
}

function namesFunctionConstructor(checker: ts.TypeChecker, raw: ts.Expression, aliases: number): boolean {
  const e = skipWrappers(raw);
  if (ts.isIdentifier(e)) {
    const decls = symbolAt(checker, e)?.declarations ?? [];
    return decls.some((d) => {
      if (!ts.isVariableDeclaration(d)) return false;
      // The global `declare var Function: FunctionConstructor` (lib.es5.d.ts).
      if (d.getSourceFile().isDeclarationFile) return e.text === 'Function' && ts.isIdentifier(d.name) && d.name.text === 'Function';
      const isConst = (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) !== 0;
      return isConst && d.initializer !== undefined && aliases < MAX_ALIASES && namesFunctionConstructor(checker, d.initializer, aliases + 1);
    });
  }
  if (!ts.isPropertyAccessExpression(e)) return false;
  const name = e.name.text;
  const recv = skipWrappers(e.expression);
  // `globalThis.Function`, `window.Function`: the global itself.
  if (name === 'Function') return ts.isIdentifier(recv) && GLOBAL_OBJECTS.has(recv.text) && (symbolAt(checker, recv)?.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile);
  if (name !== 'constructor') return false;
  // A function's constructor is Function's kind (Function, AsyncFunction, GeneratorFunction).
  if (ts.isFunctionExpression(recv) || ts.isArrowFunction(recv)) return true;
  if (ts.isPropertyAccessExpression(recv) && recv.name.text === 'prototype') return namesFunctionConstructor(checker, recv.expression, aliases + 1);
  return checker.getTypeAtLocation(recv).getCallSignatures().length > 0;
}
