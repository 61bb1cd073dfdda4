/**
 * What arrays, maps and sets hold, for value following (values.ts): an array's elements, the
 * element at a position (destructuring), each pair's part (`Object.entries`, a Map's entries),
 * a Map's keys; through literals, copies, `map`/`flatMap`, `Array.from`, `new Set(list)`, and
 * what is added to a variable's array anywhere (stores.ts).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { tableEntries } from './literal-entries.js';
import { ARRAY_COPIES, collectionOf, collectionTyped, forOfSource, isArrayFrom, isArrayMethod, isArrayOrUntypedMethod, objectListing } from './arrays.js';
import { skipWrappers, valueOperands } from '../expressions.js';
import { CallReturns } from './call-returns.js';
import { AnswerTable, distinct } from './value-memo.js';
import { mapRead, mapValuesPut, standardMapPairs } from './map-held-arrays.js';
import { containerReads } from './generic-containers.js';
import { MovedArrays, sourcesAt } from './positions.js';
import { concatParts, concatenated } from './concat-parts.js';

/** How many steps a walk takes before it asks the rest afresh, as a question of its owner's cycle-aware cache (values.ts beyondDepth). */
export const MAX_DEPTH = 6;

/** The walks that stop at MAX_DEPTH (see FollowingOptions.beyondDepth); index is elementAt's and eachAt's position. */
export type DeepQuestion = 'of' | 'ofDeclaration' | 'elements' | 'elementAt' | 'eachAt' | 'keys' | 'sourced' | 'itemValue';

export abstract class ElementValues extends CallReturns {
  /** Past MAX_DEPTH: what the owner finds afresh, else nothing (values.ts). */
  protected abstract beyond(question: DeepQuestion, node: ts.Node, index: number, afresh: () => ts.Node[]): ts.Node[];
  /** What a value a positional walk ended at holds (itemAt): asked afresh where the owner's walks of positions go on (values.ts). */
  protected abstract itemValue(value: ts.Expression, depth: number): ts.Node[];
  /** What an app declaration named by a use holds (values.ts). */
  protected abstract heldBy(d: ts.Declaration, depth: number): ts.Node[];

  /**
   * Functions an array's elements may be: array literals (spreads included), followed through
   * variables and copies (`list.slice()`), with what is added to the variable's array anywhere
   * (`list.push(f)`, stores.ts). Complete only for a literal written in place: an array held in
   * a variable may also be added to in ways not followed (passed on, aliased).
   */
  elements(raw: ts.Expression, depth = 0): { nodes: ts.Node[]; complete: boolean } {
    if (depth > MAX_DEPTH) return { nodes: this.beyond('elements', raw, 0, () => this.elements(raw).nodes), complete: false };
    return this.rememberIn(this.elementAnswers, raw, depth, () => {
      const found = this.elementsAfresh(raw, depth);
      return { nodes: distinct(found.nodes), complete: found.complete };
    });
  }

  private readonly elementAnswers = new AnswerTable<{ nodes: ts.Node[]; complete: boolean }>();

  private movedArrays: MovedArrays | undefined;
  private get moved(): MovedArrays {
    return (this.movedArrays ??= new MovedArrays(this.r.checker, () => this.r.appSources()));
  }

  private elementsAfresh(raw: ts.Expression, depth: number): { nodes: ts.Node[]; complete: boolean } {
    const e = skipWrappers(raw);
    const operands = valueOperands(e);
    if (operands) {
      const parts = operands.map((o) => this.elements(o, depth + 1));
      return { nodes: parts.flatMap((p) => p.nodes), complete: parts.every((p) => p.complete) };
    }
    if (ts.isArrayLiteralExpression(e)) {
      const out = { nodes: [] as ts.Node[], complete: true };
      for (const el of e.elements) {
        const inner = ts.isSpreadElement(el) ? this.elements(el.expression, depth + 1) : { nodes: this.of(el, depth + 1), complete: true };
        out.nodes.push(...inner.nodes);
        if (!inner.complete || !inner.nodes.length) out.complete = false;
      }
      return out;
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) return { nodes: this.heldElements(e, depth), complete: false };
    if (ts.isElementAccessExpression(e)) return { nodes: [...this.entryElements(e, depth), ...this.namedEntryElements(e, depth)], complete: false };
    const listed = objectListing(this.r.checker, e);
    if (listed) return { nodes: listed.listing === 'values' ? this.propertyValues(listed.object, depth + 1) : [], complete: false };
    const callee = ts.isCallExpression(e) ? skipWrappers(e.expression) : undefined;
    // `map.keys()` of a standard Map: its keys (a Set's keys are its elements).
    if (callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'keys' && collectionOf(this.r.checker, callee.name) === 'Map') return { nodes: this.keys(callee.expression, depth + 1), complete: false };
    const joined = concatParts(this.r.checker, e);
    if (joined) return { nodes: concatenated(joined, (a) => this.elements(a, depth + 1).nodes, (v) => this.of(v, depth + 1)), complete: false };
    if (callee && ts.isPropertyAccessExpression(callee) && ARRAY_COPIES.has(callee.name.text)) {
      return { nodes: this.elements(callee.expression, depth + 1).nodes, complete: false };
    }
    // `list.map(f)` holds what f returns (`flatMap`: the elements of what it returns).
    const mapper = callee && ts.isPropertyAccessExpression(callee) && /^(flat)?[mM]ap$/.test(callee.name.text) && isArrayOrUntypedMethod(this.r.checker, callee) ? (e as ts.CallExpression).arguments[0] : undefined;
    if (mapper && !ts.isSpreadElement(mapper)) {
      const flat = (callee as ts.PropertyAccessExpression).name.text === 'flatMap';
      const returned = this.of(mapper, depth + 1).flatMap((fn) => this.returnsOf(fn));
      return { nodes: returned.flatMap((ret) => (flat ? this.elements(ret, depth + 2).nodes : this.of(ret, depth + 2))), complete: false };
    }
    // `new Set(list)`, `new Map(pairs)` of the standard library: list's elements, the pairs' values.
    if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && /^(Weak)?(Set|Map)$/.test(e.expression.text) && e.arguments?.[0]) {
      const global = (this.r.checker.getSymbolAtLocation(e.expression)?.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile);
      if (global) return { nodes: e.expression.text.endsWith('Set') ? this.elements(e.arguments[0], depth + 1).nodes : this.eachAt(e.arguments[0], 1, depth + 1), complete: false };
    }
    // `Array.from(items)`: items' elements; with a map function, what it returns.
    if (callee && isArrayFrom(this.r.checker, callee)) {
      const [items, mapFn] = (e as ts.CallExpression).arguments;
      if (mapFn && !ts.isSpreadElement(mapFn)) return { nodes: this.of(mapFn, depth + 1).flatMap((fn) => this.returnsOf(fn)).flatMap((ret) => this.of(ret, depth + 2)), complete: false };
      if (items && !ts.isSpreadElement(items)) return { nodes: this.elements(items, depth + 1).nodes, complete: false };
    }
    // `blocks.get(key)` of a standard Map holding arrays: the elements of each array put on it (map-held-arrays.ts).
    const map = mapRead(this.r.checker, e);
    if (map) return { nodes: this.mapValues(map).flatMap((v) => this.elements(v, depth + 1).nodes), complete: false };
    // An array an app function returns (`return [get, set]`).
    if (ts.isCallExpression(e)) return { nodes: this.fromReturns(e, depth + 1, (ret) => this.elements(ret, depth + 2).nodes), complete: false };
    return { nodes: [], complete: false };
  }

  /** Functions at position `i` of an array: the element written there when the array is a literal, else any element. */
  elementAt(raw: ts.Expression, i: number, depth: number): ts.Node[] {
    if (depth > MAX_DEPTH) return this.beyond('elementAt', raw, i, () => this.elementAt(raw, i, 0));
    let table = this.positionAnswers.get(i);
    if (!table) this.positionAnswers.set(i, (table = new AnswerTable<ts.Node[]>()));
    return this.recall(table, raw, depth) ?? this.rememberNodesAfresh(table, raw, depth, () => this.elementAtAfresh(raw, i, depth));
  }

  /** Answers of elementAt, by position: tuple reads and their chains ask the same nodes again and again. */
  private readonly positionAnswers = new Map<number, AnswerTable<ts.Node[]>>();

  private elementAtAfresh(raw: ts.Expression, i: number, depth: number): ts.Node[] {
    const e = skipWrappers(raw);
    const operands = valueOperands(e);
    if (operands) return operands.flatMap((o) => this.elementAt(o, i, depth + 1));
    if (ts.isArrayLiteralExpression(e)) return this.itemAt(e.elements, i, depth + 1);
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) return this.heldAt(e, i, depth);
    const map = mapRead(this.r.checker, e);
    if (map) return this.mapValues(map).flatMap((v) => this.elementAt(v, i, depth + 1));
    const callee = ts.isCallExpression(e) ? skipWrappers(e.expression) : undefined;
    // `list.map((fn, i) => other[i] || fn)`: position i of the result is what the callback returns for position i of list.
    const mapper = callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'map' && isArrayMethod(this.r.checker, callee.name) ? (e as ts.CallExpression).arguments[0] : undefined;
    if (mapper && (ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper))) return this.mappedAt((callee as ts.PropertyAccessExpression).expression, mapper, i, depth + 1);
    if (concatParts(this.r.checker, e)) return this.elements(e, depth).nodes;
    // `const [add, remove] = names.map(toAdder)`: an array method's result is any element (elements() follows map).
    if (callee && !(ts.isPropertyAccessExpression(callee) && (ARRAY_COPIES.has(callee.name.text) || isArrayOrUntypedMethod(this.r.checker, callee)))) {
      return this.fromReturns(e as ts.CallExpression, depth + 1, (ret) => this.elementAt(ret, i, depth + 2));
    }
    return this.elements(e, depth).nodes;
  }

  /** Functions at position `i` of a list written with spreads (an array literal's elements, a rest parameter's arguments: positions.ts). */
  itemAt(items: readonly ts.Expression[], i: number, depth: number): ts.Node[] {
    if (i < 0) return [];
    return sourcesAt(this.r.checker, items, i).flatMap((s) =>
      'value' in s ? this.itemValue(s.value, depth) : 'array' in s ? this.elementAt(s.array, s.at, depth) : this.elements(s.anyOf, depth).nodes,
    );
  }

  /**
   * Functions at position `i` of the array a variable or property holds: its initialiser's element there, what is
   * stored there by a literal index (`list[2] = f`), any element of what is added to it otherwise (`list.push(f)`,
   * `list[k] = f`) or stored into it from elsewhere (a parameter's callers, assignments: sourcedElements), whose
   * positions are not followed.
   */
  private heldAt(e: ts.Identifier | ts.PropertyAccessExpression, i: number, depth: number): ts.Node[] {
    const decls = (this.r.symbolAt(ts.isIdentifier(e) ? e : e.name)?.declarations ?? []).filter((d) => this.r.isApp(d));
    // Reordered in place somewhere (`list.reverse()`), a parameter's property (`options.blocks`: what callers pass there)
    // or no app declaration (an index signature's entry): any element, as elements() finds them.
    if (!decls.length || ts.isPropertyAccessExpression(e) || decls.some((d) => this.moved.has(d))) return this.elements(e, depth).nodes;
    const sourced = decls.flatMap((d) => {
      if (ts.isParameter(d) && ts.isIdentifier(d.name) && isMethodNode(d.parent)) return this.passedAt(d, i, depth);
      // A variable assigned after its declaration (`cache ||= [f, g]`): the element at i of each value assigned.
      if (ts.isVariableDeclaration(d) && !forOfSource(d)) return this.stores.assigned(d).flatMap((v) => this.elementAt(v, i, depth + 1));
      return this.sourcedElements(d, depth);
    });
    // What is stored at a literal index (`list[2] = f`) stands at that position only; what is pushed, anywhere.
    const added = (v: ts.Expression): ts.Node[] => {
      const at = this.stores.positionOf(v);
      return at !== undefined && at !== i ? [] : ts.isSpreadElement(v) ? this.elements(v.expression, depth + 1).nodes : this.of(v, depth + 1);
    };
    return [...this.held(e, depth, (init) => this.elementAt(init, i, depth + 1), added), ...sourced];
  }

  /**
   * Position `i` of the array a parameter holds: of what callers pass (parameter flow, at that position: for a rest
   * parameter, the argument there), of its default and of what is assigned to it.
   */
  private passedAt(d: ts.ParameterDeclaration, i: number, depth: number): ts.Node[] {
    this.sinkParameter(d, '', true, false, i);
    return [...(d.initializer ? [d.initializer] : []), ...this.stores.assigned(d)].flatMap((v) => this.elementAt(v, i, depth + 1));
  }

  /**
   * Position `i` of `list.map(fn)`, fn written in place: what fn returns, where its element parameter stands for position
   * i of list and `other[index]` (its index parameter) for position i of other; any other value as it is found anywhere.
   * A parameter assigned in the callback is taken as any value it may hold.
   */
  private mappedAt(list: ts.Expression, fn: ts.ArrowFunction | ts.FunctionExpression, i: number, depth: number): ts.Node[] {
    const plain = (p: ts.ParameterDeclaration | undefined): ts.Declaration | undefined => (p && ts.isIdentifier(p.name) && !p.dotDotDotToken && !p.initializer && !this.stores.assigned(p).length ? p : undefined);
    const [item, index] = [plain(fn.parameters[0]), plain(fn.parameters[1])];
    const names = (x: ts.Expression, d: ts.Declaration | undefined): boolean => !!d && ts.isIdentifier(x) && this.r.symbolAt(x)?.valueDeclaration === d;
    const at = (raw: ts.Expression, steps: number): ts.Node[] => {
      const e = skipWrappers(raw);
      const operands = valueOperands(e);
      if (operands) return operands.flatMap((o) => at(o, steps + 1));
      if (names(e, item)) return this.elementAt(list, i, steps + 1);
      if (ts.isElementAccessExpression(e) && names(skipWrappers(e.argumentExpression), index)) return this.elementAt(e.expression, i, steps + 1);
      return this.of(e, steps + 1);
    };
    return this.returnsOf(fn).flatMap((ret) => at(ret, depth));
  }

  /** Functions at position `i` of each element of an array (of pairs, say): `Object.entries(o)` gives o's values at 1. */
  protected eachAt(raw: ts.Expression, i: number, depth: number): ts.Node[] {
    if (depth > MAX_DEPTH) return this.beyond('eachAt', raw, i, () => this.eachAt(raw, i, 0));
    const e = skipWrappers(raw);
    const listed = objectListing(this.r.checker, e);
    if (listed) return listed.listing === 'entries' && i === 1 ? this.propertyValues(listed.object, depth + 1) : [];
    // `list.entries()` of an array: pairs [index, element].
    const callee = ts.isCallExpression(e) ? skipWrappers(e.expression) : undefined;
    if (callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'entries' && isArrayMethod(this.r.checker, callee.name)) return i === 1 ? this.elements(callee.expression, depth + 1).nodes : [];
    // A standard Map's pairs (`for (const [k, v] of map)`, `map.entries()`) hold its keys at 0, its values at 1; a Set's entries are [v, v].
    const collection = callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'entries' ? collectionOf(this.r.checker, callee.name) : undefined;
    const map = collection === 'Map' ? (callee as ts.PropertyAccessExpression).expression : (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) && collectionTyped(this.r.checker, e) === 'Map' ? e : undefined;
    if (map) return i === 1 ? this.elements(map, depth + 1).nodes : i === 0 ? this.keys(map, depth + 1) : [];
    if (collection) return this.elements((callee as ts.PropertyAccessExpression).expression, depth + 1).nodes;
    if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap((el) => (ts.isSpreadElement(el) ? this.eachAt(el.expression, i, depth + 1) : this.elementAt(el, i, depth + 1)));
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
      const added = (v: ts.Expression): ts.Node[] => (ts.isSpreadElement(v) ? this.eachAt(v.expression, i, depth + 1) : this.elementAt(v, i, depth + 1));
      return this.held(e, depth, (init) => this.eachAt(init, i, depth + 1), added);
    }
    return [];
  }

  /** Values handed to an app generic container as T, read back from a member's result (`router.match(p)[0][0][0]`; generic-containers.ts). */
  protected givenAsT(e: ts.Expression, depth: number): ts.Node[] {
    const reads = containerReads(this.r.checker, () => this.r.appSources(), (d) => this.r.isApp(d), e) ?? [];
    return reads.flatMap(({ value, path }) => this.readAt(value, path, depth + 1));
  }

  /** Functions at a path of positions in a value (`[handler, r]` read at [0]): through literals written in place, the last step by elementAt. */
  private readAt(v: ts.Expression, path: number[], depth: number): ts.Node[] {
    const [first, ...rest] = path;
    if (first === undefined) return this.of(v, depth);
    if (!rest.length) return this.elementAt(v, first, depth);
    const e = skipWrappers(v);
    const el = ts.isArrayLiteralExpression(e) && !e.elements.slice(0, first + 1).some(ts.isSpreadElement) ? e.elements[first] : undefined;
    return el ? this.readAt(el, rest, depth + 1) : [];
  }

  /** The values put on the standard Map `recv` holds, as expressions (map-held-arrays.ts). */
  private mapValues(recv: ts.Expression): ts.Expression[] {
    return mapValuesPut(this.r.checker, this.stores, (d) => this.r.isApp(d), recv);
  }

  /** A standard Map's keys: what `set(k, v)` puts anywhere on the map a variable or property holds, and the keys of the pairs it starts with. */
  keys(raw: ts.Expression, depth = 0): ts.Node[] {
    if (depth > MAX_DEPTH) return this.beyond('keys', raw, 0, () => this.keys(raw));
    const e = skipWrappers(raw);
    if (!(ts.isIdentifier(e) || ts.isPropertyAccessExpression(e))) return [];
    const decls = (this.r.symbolAt(ts.isIdentifier(e) ? e : e.name)?.declarations ?? []).filter((d) => this.r.isApp(d));
    return decls.flatMap((d) => {
      const pairs = standardMapPairs(this.r.checker, d);
      return [...(pairs ? this.eachAt(pairs, 0, depth + 1) : []), ...this.stores.keysAdded(d).flatMap((k) => this.of(k, depth + 1))];
    });
  }

  /**
   * What the properties of an object's type hold (Object.values lists them; methods of a class too,
   * a safe excess), and the entries of the literal a variable holds: a `Record<string, F>` names none.
   */
  private propertyValues(object: ts.Expression, depth: number): ts.Node[] {
    const checker = this.r.checker;
    const props = checker.getPropertiesOfType(checker.getTypeAtLocation(object));
    const typed = props.flatMap((p) => (p.declarations ?? []).filter((d) => this.r.isApp(d)).flatMap((d) => this.heldBy(d, depth)));
    const entries = (tableEntries(checker, this.stores, object) ?? []).flatMap((en) => (isMethodNode(en.value) ? [en.value] : this.of(en.value as ts.Expression, depth + 1)));
    return entries.length ? [...new Set([...typed, ...entries])] : typed;
  }

  /**
   * The array a variable or property holds: its initialiser, mapped by `fromInit`, and whatever
   * is added to it anywhere (`list.push(f)`, stores.ts), at a position not known, mapped by
   * `fromAdded` (by default: the functions each added element, or spread array, holds).
   */
  private held(
    e: ts.Identifier | ts.PropertyAccessExpression,
    depth: number,
    fromInit: (init: ts.Expression) => ts.Node[],
    fromAdded = (v: ts.Expression): ts.Node[] => (ts.isSpreadElement(v) ? this.elements(v.expression, depth + 1).nodes : this.of(v, depth + 1)),
  ): ts.Node[] {
    const decls = (this.r.symbolAt(ts.isIdentifier(e) ? e : e.name)?.declarations ?? []).filter((d) => this.r.isApp(d));
    return decls.flatMap((d) => {
      // `const [head, ...rest] = list`: rest holds some of list's elements.
      const rest = ts.isBindingElement(d) && d.dotDotDotToken && ts.isArrayBindingPattern(d.parent) && ts.isVariableDeclaration(d.parent.parent) ? d.parent.parent.initializer : undefined;
      if (rest) return this.elements(rest, depth + 1).nodes;
      const init = ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) ? d.initializer : undefined;
      return [...(init ? fromInit(init) : []), ...this.stores.added(d).flatMap(fromAdded)];
    });
  }

  /** Elements of the array a variable or property holds (`options.tests` of a parameter: also what callers pass there). */
  private heldElements(e: ts.Identifier | ts.PropertyAccessExpression, depth: number): ts.Node[] {
    if (ts.isPropertyAccessExpression(e)) {
      const param = this.r.parameterRead(e);
      if (param) this.sinkParameter(param, e.name.text, true);
    }
    const decls = (this.r.symbolAt(ts.isIdentifier(e) ? e : e.name)?.declarations ?? []).filter((d) => this.r.isApp(d));
    if (!decls.length && ts.isPropertyAccessExpression(e)) return this.namedEntryElements(e, depth);
    return decls.flatMap((d) => {
      // `const [head, ...rest] = list`: rest holds some of list's elements.
      const rest = ts.isBindingElement(d) && d.dotDotDotToken && ts.isArrayBindingPattern(d.parent) && ts.isVariableDeclaration(d.parent.parent) ? d.parent.parent.initializer : undefined;
      return rest ? this.elements(rest, depth + 1).nodes : this.declElements(d, depth);
    });
  }
}
