/**
 * App functions handed to one library call together (`useSyncExternalStore(api.subscribe, getSnapshot)`):
 * what a parameter of one of them receives may be any of the others (parameter-flow.ts).
 */
import { ts } from '../../typescript.cjs';
import { classOrInterfaceOf } from './declared.js';
import type { Resolver } from './resolve.js';
import { skipWrappers } from '../expressions.js';

export class HandedTogether {
  /** Those others, by function. */
  private readonly handedWith = new Map<ts.Node, ts.Expression[]>();

  constructor(private readonly r: Resolver) {}

  /** The functions handed to one library call with `fn`. */
  with(fn: ts.Node): ts.Expression[] | undefined {
    return this.handedWith.get(fn);
  }

  /**
   * A library call given several app functions may call one with a function of its own that
   * runs the others: `useSyncExternalStore(api.subscribe, getSnapshot)` subscribes a listener
   * that runs getSnapshot. So what an app function given there receives as a function parameter
   * may be any of the others (the edge goes to the app code that calls that parameter).
   */
  add(args: ts.NodeArray<ts.Expression>, library: () => boolean = () => true): void {
    // Whether the callee is the library's (a type question) only once two arguments could be handed together.
    if (args.length < 2 || !library()) return;
    // Functions wrapped by a library call among the arguments (`useCallback(() => ..., deps)`) are handed there too.
    const fnArgs = args.flatMap((a) => {
      const c = skipWrappers(a);
      if (ts.isSpreadElement(c) || !this.callable(c)) return [];
      return ts.isCallExpression(c) && 'library' in this.r.call(c) ? c.arguments.filter((x) => !ts.isSpreadElement(x)) : [c];
    });
    if (fnArgs.length < 2) return;
    for (const a of fnArgs) {
      for (const fn of this.r.values.of(a)) {
        const co = this.handedWith.get(fn) ?? this.handedWith.set(fn, []).get(fn)!;
        co.push(...fnArgs.filter((b) => b !== a));
      }
    }
  }

  /**
   * Whether a value has call signatures; a function written in place or a literal says by its
   * syntax (asking the type of `it('x', () => ...)`'s arrow would resolve the call around it),
   * a call by its declared result (declared.ts).
   */
  private callable(e: ts.Expression): boolean {
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return true;
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || ts.isTemplateExpression(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e)) return false;
    // A call's declared class or interface has the call signatures of any instance of it.
    return classOrInterfaceOf(this.r.checker, e).getCallSignatures().length > 0;
  }
}
