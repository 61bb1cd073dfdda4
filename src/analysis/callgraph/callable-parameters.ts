/**
 * Parameters a called value may come from, kept only where the parameter's type admits a function: a call of
 * what `(k: number) => k` returns gets numbers from there, never a function to run (so its callers need not be
 * asked, nor the site left open to every function handed out).
 */
import { ts } from '../../typescript.cjs';
import type { ViaParameter } from './values.js';

const DATA = ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;

export function callableParameters(checker: ts.TypeChecker, via: readonly ViaParameter[]): ViaParameter[] {
  return via.filter((p) => {
    if (p.property !== undefined || p.returns) return true;
    const declared = checker.getTypeAtLocation(p.param);
    const t = p.elements ? (checker.getIndexTypeOfType(declared, ts.IndexKind.Number) ?? declared) : declared;
    return !(t.isUnion() ? t.types : [t]).every((x) => (x.flags & DATA) !== 0);
  });
}
