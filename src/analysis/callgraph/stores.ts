/**
 * Values stored into properties anywhere in the app (`x.f = g`, `this.onData = () => ...`,
 * `obj[k] = wrap(prev)` with a finite key type), by property name. A call or read of a property
 * (or of a method: assigning over a method replaces it on that object) may reach any of them.
 * Names are matched first; for class methods the store's receiver must also be able to hold an
 * instance of the method's class (see Resolver.mayHold), so `renderer.text = f` does not reach
 * every unrelated `text()` of the app; for an interface's or type literal's member, the receiver
 * must be able to be such an object (member-receivers.ts).
 * Also values assigned to variables and parameters after their declaration (`f = () => ...`), and
 * values added to arrays held by a variable or property (`handlers.push(f)`, `unshift`,
 * `splice`, `list[i] = f`) and to Sets and Maps (`listeners.add(f)`, `byName.set(k, f)`), by the
 * declaration that holds the array or collection: its elements (arrays.ts).
 * A data property defined in place is stored too: `Object.defineProperty(o, 'k', { value: f })`
 * is `o.k = f` (also Reflect.defineProperty, and each entry of Object.defineProperties).
 */
import { ts } from '../../typescript.cjs';
import { ARRAY_ADDERS, collectionAdded, isArrayOrUntypedMethod, mapKeyAdded } from './arrays.js';
import { keyNames } from './keys.js';
import { descriptorValue, propertyDefinitions } from './property-definitions.js';
import { typedAny } from './any-receivers.js';
import { symbolAt } from '../symbols.js';
import { type Assign, type CallSite, type Store } from '../walk.js';
import { skipWrappers } from '../expressions.js';

export interface StoredValue {
  /** The receiver written to (`x` of `x.f = v`). */
  recv: ts.Expression;
  value: ts.Expression;
}

export class Stores {
  private readonly byName = new Map<string, StoredValue[]>();
  private readonly addedTo = new Map<ts.Declaration, ts.Expression[]>();
  private readonly keyedTo = new Map<ts.Declaration, ts.Expression[]>();
  private readonly positions = new Map<ts.Expression, number>();

  private readonly assignedTo = new Map<ts.Declaration, ts.Expression[]>();
  /** Records of arrays (`hooks[name].push(f)`, `hooks[name] = [f]`), by the record's declaration: what went into any entry. */
  private readonly entryAdded = new Map<RecordKey, ts.Expression[]>();
  private readonly entryStored = new Map<RecordKey, ts.Expression[]>();

  constructor(
    private readonly checker: ts.TypeChecker,
    stores: Store[],
    calls: CallSite[],
    assigns: readonly Assign[],
  ) {
    for (const a of assigns) {
      const d = symbolAt(checker, a.left)?.valueDeclaration;
      if (d && (ts.isVariableDeclaration(d) || ts.isParameter(d))) (this.assignedTo.get(d) ?? this.assignedTo.set(d, []).get(d)!).push(a.value);
    }
    for (const s of stores) {
      // `list[i] = f`, `list[0] = f`: an element of the array (its key's type is not needed then); at a literal index, of
      // that position only (element-values.ts heldAt). A tuple's entry also stays a property store (`blocks[0]` names one).
      const names = s.name !== undefined ? [s.name] : keyNames(checker, (s.left as ts.ElementAccessExpression).argumentExpression);
      if (ts.isElementAccessExpression(s.left) && arrayOrTuple(checker, s.left.expression)) {
        this.add(checker, s.left.expression, [s.value]);
        const at = names?.length === 1 && /^(0|[1-9]\d*)$/.test(names[0]!) ? Number(names[0]) : undefined;
        if (at !== undefined) this.positions.set(s.value, at);
        if (!checker.isTupleType(checker.getTypeAtLocation(s.left.expression))) continue;
      }
      if (ts.isElementAccessExpression(s.left) && (names === undefined || untypedRecord(checker, s.left.expression))) put(this.entryStored, recordKeys(checker, s.left.expression), [s.value]);
      for (const name of names ?? []) this.store(name, { recv: s.left.expression, value: s.value });
    }
    for (const call of calls) {
      if (!ts.isCallExpression(call)) continue;
      const callee = skipWrappers(call.expression);
      if (!ts.isPropertyAccessExpression(callee)) continue;
      const from = ARRAY_ADDERS[callee.name.text];
      if (from !== undefined && isArrayOrUntypedMethod(checker, callee)) this.add(checker, callee.expression, call.arguments.slice(from));
      const kept = (callee.name.text === 'add' || callee.name.text === 'set') && collectionAdded(checker, call);
      if (kept && !ts.isSpreadElement(kept)) this.add(checker, callee.expression, [kept]);
      const key = callee.name.text === 'set' ? mapKeyAdded(checker, call) : undefined;
      if (key && !ts.isSpreadElement(key)) put(this.keyedTo, declarationsNamed(checker, callee.expression), [key]);
      for (const d of propertyDefinitions(call)) {
        const value = descriptorValue(d.desc);
        if (value) this.store(d.name, { recv: d.recv, value });
      }
    }
  }

  /** A member installed by a helper (installers.ts), known once the resolver runs. */
  install(name: string, v: StoredValue): void {
    this.store(name, v);
    this.byReceiver = undefined;
  }

  private byReceiver: Map<ts.Declaration, [string, ts.Expression][]> | undefined;
  /** Values stored onto what a declaration holds, with their names (`table.k = f`, `table[name] = make(name)` by a helper). */
  storedOn(checker: ts.TypeChecker, d: ts.Declaration): readonly [string, ts.Expression][] {
    if (!this.byReceiver) {
      this.byReceiver = new Map();
      for (const [name, list] of this.byName) for (const v of list) put(this.byReceiver, declarationsNamed(checker, v.recv), [[name, v.value]]);
    }
    return this.byReceiver.get(d) ?? [];
  }

  private store(name: string, v: StoredValue): void {
    const list = this.byName.get(name);
    if (list) list.push(v);
    else this.byName.set(name, [v]);
  }

  private add(checker: ts.TypeChecker, array: ts.Expression, values: readonly ts.Expression[]): void {
    const e = skipWrappers(array);
    // `hooks[name]!.push(f)`: an entry of a record of arrays.
    if (ts.isElementAccessExpression(e) && (keyNames(checker, e.argumentExpression) === undefined || untypedRecord(checker, e.expression))) put(this.entryAdded, recordKeys(checker, e.expression), values);
    else put(this.addedTo, declarationsNamed(checker, e), values);
  }

  /** Values pushed onto any entry of the record a declaration holds (`hooks[k].push(f)`). */
  entriesAdded(d: RecordKey): readonly ts.Expression[] {
    return this.entryAdded.get(d) ?? [];
  }

  /** Values stored as an entry of the record a declaration holds (`hooks[k] = [f]`): arrays, whose elements count. */
  entriesStored(d: RecordKey): readonly ts.Expression[] {
    return this.entryStored.get(d) ?? [];
  }

  /** Values assigned to a variable or parameter after its declaration (`let f = g; f = h`). */
  assigned(d: ts.Declaration): readonly ts.Expression[] {
    return this.assignedTo.get(d) ?? [];
  }

  /** Keys set on the standard Map a declaration holds (`m.set(k, v)`'s k). */
  keysAdded(d: ts.Declaration): readonly ts.Expression[] {
    return this.keyedTo.get(d) ?? [];
  }

  /** The position a value added to an array was stored at, when the store names one (`list[2] = f`). */
  positionOf(value: ts.Expression): number | undefined {
    return this.positions.get(value);
  }

  /**
   * Values added to the array (or Set, or Map) a declaration holds (a spread adds the spread array's elements). A variable
   * initialised from a literal position of a tuple (`const callbacks = blocks[4]`) holds what stands there, as every other
   * variable initialised from that position of a tuple of the same element types does: what is added through any of them.
   */
  added(d: ts.Declaration): readonly ts.Expression[] {
    const key = this.addedAtPosition.get(d);
    if (key !== undefined) return key;
    const position = tuplePosition(this.checker, d);
    const group = position === undefined ? undefined : (this.byPosition ??= this.positionGroups()).get(position);
    const found = group ? group.flatMap((g) => this.addedTo.get(g) ?? []) : (this.addedTo.get(d) ?? []);
    this.addedAtPosition.set(d, found);
    return found;
  }

  private readonly addedAtPosition = new Map<ts.Declaration, readonly ts.Expression[]>();
  private byPosition: Map<string, ts.Declaration[]> | undefined;

  /** The declarations added to, by the tuple position they are initialised from. */
  private positionGroups(): Map<string, ts.Declaration[]> {
    const out = new Map<string, ts.Declaration[]>();
    for (const d of this.addedTo.keys()) {
      const position = tuplePosition(this.checker, d);
      if (position !== undefined) put(out, [position], [d]);
    }
    return out;
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  named(name: string): StoredValue[] {
    return this.byName.get(name) ?? [];
  }
}

/** The declarations an expression names (through imports: `import { tasks } from './registry'`, then `tasks.push(f)`). */
function declarationsNamed(checker: ts.TypeChecker, target: ts.Expression): readonly ts.Declaration[] {
  const e = skipWrappers(target);
  const name = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) ? e.name : undefined;
  return (name && symbolAt(checker, name)?.declarations) || [];
}

/**
 * `const callbacks = blocks[4]` with blocks a tuple: the position and the tuple's element types (so `Readonly<Blocks>`
 * and `Blocks` agree), as a key; undefined for any other declaration.
 */
function tuplePosition(checker: ts.TypeChecker, d: ts.Declaration): string | undefined {
  const init = ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) && d.initializer ? skipWrappers(d.initializer) : undefined;
  if (!init || !ts.isElementAccessExpression(init) || !ts.isNumericLiteral(init.argumentExpression)) return undefined;
  const t = checker.getNonNullableType(checker.getTypeAtLocation(init.expression));
  if (!checker.isTupleType(t)) return undefined;
  const elements = checker.getTypeArguments(t as ts.TypeReference).map((x) => (x as unknown as { id: number }).id);
  return `${init.argumentExpression.text}:${elements.join(',')}`;
}

/** An array or a tuple (`Partial<Blocks>` too): an element store writes one of its elements. */
function arrayOrTuple(checker: ts.TypeChecker, e: ts.Expression): boolean {
  const t = checker.getNonNullableType(checker.getTypeAtLocation(e));
  return checker.isArrayType(t) || checker.isTupleType(t);
}

/** Files values under each key. */
function put<K, V>(into: Map<K, V[]>, keys: readonly K[], values: readonly V[]): void {
  for (const k of keys) {
    const list = into.get(k);
    if (list) list.push(...values);
    else into.set(k, [...values]);
  }
}

/**
 * What identifies a record of arrays: the declaration that holds it, or, for a property of a
 * receiver typed `any` that no declaration names (`object.events` in plain JavaScript), the
 * property's name: every untyped `x.events[k]` is then an entry of one record.
 */
export type RecordKey = ts.Declaration | string;

export function recordKeys(checker: ts.TypeChecker, target: ts.Expression): RecordKey[] {
  const decls = declarationsNamed(checker, target);
  if (decls.length) return [...decls];
  const e = skipWrappers(target);
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name) && typedAny(checker, e.expression) ? [e.name.text] : [];
}

/** A record held untyped (`$store.events` of an untyped `$store`): any key, even a known one, is one of its entries. */
function untypedRecord(checker: ts.TypeChecker, record: ts.Expression): boolean {
  return recordKeys(checker, record).some((k) => typeof k === 'string');
}
