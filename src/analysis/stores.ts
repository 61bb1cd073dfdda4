/**
 * Values stored into properties anywhere in the app (`x.f = g`, `this.onData = () => ...`,
 * `obj[k] = wrap(prev)` with a finite key type), by property name. A call or read of a property
 * (or of a method: assigning over a method replaces it on that object) may reach any of them.
 * Names are matched first; for class methods the store's receiver must also be able to hold an
 * instance of the method's class (see Resolver.mayHold), so `renderer.text = f` does not reach
 * every unrelated `text()` of the app.
 */
import { ts } from '../typescript.cjs';
import { keyNames } from './keys.js';
import type { Store } from './walk.js';

export interface StoredValue {
  /** The receiver written to (`x` of `x.f = v`). */
  recv: ts.Expression;
  value: ts.Expression;
}

export class Stores {
  private readonly byName = new Map<string, StoredValue[]>();

  constructor(checker: ts.TypeChecker, stores: Store[]) {
    for (const s of stores) {
      const names = s.name !== undefined ? [s.name] : keyNames(checker, (s.left as ts.ElementAccessExpression).argumentExpression);
      for (const name of names ?? []) {
        const list = this.byName.get(name);
        const v = { recv: s.left.expression, value: s.value };
        if (list) list.push(v);
        else this.byName.set(name, [v]);
      }
    }
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  named(name: string): StoredValue[] {
    return this.byName.get(name) ?? [];
  }
}
