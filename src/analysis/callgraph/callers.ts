/**
 * The calls of each app function, by its declaration (through imports and `const alias = fn`):
 * what the helper rules (installers.ts, descriptor-copies.ts) substitute a parameter with.
 */
import { ts } from '../../typescript.cjs';
import { calledDeclaration } from './installer-syntax.js';
import type { FileSites } from '../walk.js';

export class Callers {
  private byFn: Map<ts.Node, ts.CallExpression[]> | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly all: readonly FileSites[],
  ) {}

  /** The calls whose callee is `fn` (with arguments: a call passing none substitutes nothing). */
  of(fn: ts.SignatureDeclaration): ts.CallExpression[] {
    if (!this.byFn) {
      this.byFn = new Map();
      for (const s of this.all) {
        for (const { node } of s.calls) {
          if (!ts.isCallExpression(node) || !node.arguments.length) continue;
          const d = calledDeclaration(this.checker, node.expression);
          if (d) (this.byFn.get(d) ?? this.byFn.set(d, []).get(d)!).push(node);
        }
      }
    }
    return this.byFn.get(fn) ?? [];
  }
}
