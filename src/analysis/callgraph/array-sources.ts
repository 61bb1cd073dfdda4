/**
 * Where the elements of an array held by a declaration come from, besides its initialiser and
 * what is pushed onto it (values.ts): an array received as a parameter, or as a property of one
 * (`const { tests } = options`, `options.tests`, a constructor's parameter property
 * `this.tests`), holds the elements of what callers pass there (parameter flow); a field or
 * property holds the elements of every array stored into it (`this.tests = [...]`,
 * `next.tests = next.tests.filter(...)`; for a class field only from receivers that may hold an
 * instance of its class); an object literal's property (`run({ tests: list })`) those of its
 * value; and an object used as a record of arrays (`hooks[name].push(f)`, `hooks[name] = [f]`)
 * holds in each entry what was put into any entry (its keys are not followed).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { keyNames, propertyDecls } from './keys.js';
import type { Resolver } from './resolve.js';
import { recordKeys, type RecordKey, type Stores } from './stores.js';
import { AnswerTable, ParameterMemo } from './value-memo.js';
import { propName } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import { shorthandValueSymbol } from '../symbols.js';
import { tableEntries } from './literal-entries.js';
import { forOfSource, objectListing } from './arrays.js';
import { mayHoldLiteral } from './constructed.js';

export abstract class ElementSources extends ParameterMemo {
  protected abstract readonly r: Resolver;
  protected abstract readonly stores: Stores;
  /** Declarations whose elements are being found: a store of a field into itself (`t.list = t.list.slice()`) ends there. */
  private readonly walking = new Set<ts.Declaration>();
  /** Walks cut short by a declaration already being walked (see ParameterMemo.remember: answers found meanwhile are not kept). */
  protected elementCuts = 0;

  abstract of(e: ts.Expression, depth?: number): ts.Node[];
  abstract elements(e: ts.Expression, depth?: number): { nodes: ts.Node[]; complete: boolean };

  /** Functions among the elements of the array a declaration holds, from the sources above (not its initialiser nor what is pushed). */
  protected sourcedElements(d: ts.Declaration, depth: number): ts.Node[] {
    return this.sourcedAsQuestion(d, () => this.sourcedWalk(d, 0)) ?? this.sourcedWalk(d, depth);
  }

  /**
   * Where the owner of the walk asks sourcedElements as a question of its own (values.ts, for
   * device values): a cycle through the declaration then ends as the owner's questions' cycles
   * do, instead of cutting every walk above it (see sourcedWalk).
   */
  protected sourcedAsQuestion(_d: ts.Declaration, _afresh: () => ts.Node[]): ts.Node[] | undefined {
    return undefined;
  }

  private sourcedWalk(d: ts.Declaration, depth: number): ts.Node[] {
    if (this.walking.has(d)) {
      this.elementCuts++;
      return [];
    }
    this.walking.add(d);
    try {
      return this.sources(d, depth);
    } finally {
      this.walking.delete(d);
    }
  }

  private sources(d: ts.Declaration, depth: number): ts.Node[] {
    const each = (v: ts.Expression): ts.Node[] => this.elements(v, depth + 1).nodes;
    if (ts.isParameter(d)) {
      if (ts.isIdentifier(d.name) && isMethodNode(d.parent)) this.sinkParameter(d, '', true);
      return [...(d.initializer ? each(d.initializer) : []), ...this.stores.assigned(d).flatMap(each)];
    }
    if (ts.isVariableDeclaration(d)) return [...this.stores.assigned(d).flatMap(each), ...this.listedEntryElements(d, 'values', depth)];
    // `for (const [, list] of Object.entries(table))`: the arrays the table's members hold.
    if (ts.isBindingElement(d) && ts.isArrayBindingPattern(d.parent) && d.parent.elements.indexOf(d) === 1 && ts.isVariableDeclaration(d.parent.parent)) {
      return this.listedEntryElements(d.parent.parent, 'entries', depth);
    }
    // A literal's property is writable: arrays stored over it from receivers that may hold the literal count too.
    if (ts.isPropertyAssignment(d)) return [...each(d.initializer), ...this.storedInLiteral(d).flatMap(each)];
    if (ts.isShorthandPropertyAssignment(d)) {
      const s = shorthandValueSymbol(this.r.checker, d);
      return (s?.declarations ?? []).filter((x) => this.r.isApp(x)).flatMap((x) => this.declElements(x, depth + 1));
    }
    if (ts.isBindingElement(d) && ts.isObjectBindingPattern(d.parent) && !d.dotDotDotToken) {
      const n = d.propertyName ?? d.name;
      const name = ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
      const src = d.parent.parent;
      if (name === undefined) return [];
      // `function run({ tests })`: the property of what callers pass.
      if (ts.isParameter(src) && isMethodNode(src.parent)) {
        this.sinkParameter(src, name, true);
        return [];
      }
      return ts.isVariableDeclaration(src) && src.initializer ? this.propertyElements(src.initializer, name, depth + 1) : [];
    }
    if (ts.isPropertyDeclaration(d) || ts.isPropertySignature(d)) {
      const name = d.name && (ts.isIdentifier(d.name) || ts.isPrivateIdentifier(d.name) || ts.isStringLiteral(d.name)) ? d.name.text : undefined;
      const cls = ts.isPropertyDeclaration(d) && ts.isClassLike(d.parent) ? d.parent : undefined;
      const stores = name === undefined ? [] : this.stores.named(name).filter((s) => !cls || this.r.mayHold(s.recv, cls));
      return stores.flatMap((s) => each(s.value));
    }
    return [];
  }

  /** Functions among the elements of the array a declaration holds: its initialiser, what is pushed, and the sources above. */
  protected declElements(d: ts.Declaration, depth: number): ts.Node[] {
    return this.rememberNodes(this.declAnswers, d, depth, () => this.declElementsAfresh(d, depth));
  }

  /** Many reads of one property (`ctx.issues`) ask for its elements: each declaration's are kept. */
  private readonly declAnswers = new AnswerTable<ts.Node[]>();

  private declElementsAfresh(d: ts.Declaration, depth: number): ts.Node[] {
    const init = ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) ? d.initializer : undefined;
    const added = this.stores.added(d).flatMap((v) => (ts.isSpreadElement(v) ? this.elements(v.expression, depth + 1).nodes : this.of(v, depth + 1)));
    return [...(init ? this.elements(init, depth + 1).nodes : []), ...added, ...this.sourcedElements(d, depth)];
  }

  /** Functions among the elements of the array in property `name` of an expression's value (`run({ tests: list })`). */
  elementsOf(obj: ts.Expression, name: string): ts.Node[] {
    return this.propertyElements(obj, name, 0);
  }

  /** Elements of the array in property `name` of an expression's value (`options.tests`). */
  protected propertyElements(obj: ts.Expression, name: string, depth: number): ts.Node[] {
    const o = skipWrappers(obj);
    const d = ts.isIdentifier(o) ? this.r.symbolAt(o)?.valueDeclaration : undefined;
    if (d && ts.isParameter(d) && ts.isIdentifier(d.name) && isMethodNode(d.parent)) this.sinkParameter(d, name, true);
    const decls = propertyDecls(this.r.checker, o, name).filter((x) => this.r.isApp(x));
    return decls.flatMap((x) => this.declElements(x, depth + 1));
  }

  /**
   * `rec[k]` with a key not known (`hooks[name]`) of an object that is not an array: an entry of
   * a record of arrays, holding what was pushed onto, or stored as, any entry of the same record.
   */
  protected entryElements(e: ts.ElementAccessExpression, depth: number): ts.Node[] {
    return this.eachRecord(e, this.elementWalks, (d) => [
      ...this.stores.entriesAdded(d).flatMap((v) => (ts.isSpreadElement(v) ? this.elements(v.expression, depth + 1).nodes : this.of(v, depth + 1))),
      ...this.stores.entriesStored(d).flatMap((v) => this.elements(v, depth + 1).nodes),
    ]);
  }

  /**
   * `table['a']` (or `table.a`) of a variable holding an object literal, under a key whose names are known but
   * no member declares (an index signature: `Record<string, F[]>`): the elements of the
   * literal's members of those names (its own and those stored onto it; literal-entries.ts).
   */
  protected namedEntryElements(e: ts.ElementAccessExpression | ts.PropertyAccessExpression, depth: number): ts.Node[] {
    const names = ts.isPropertyAccessExpression(e) ? [e.name.text] : keyNames(this.r.checker, e.argumentExpression);
    if (!names || names.some((n) => propertyDecls(this.r.checker, e.expression, n).length)) return [];
    return this.memberElements(e.expression, names, depth);
  }

  /**
   * A loop variable over `Object.values(table)` (or a position-1 binding over `Object.entries(table)`),
   * `table` a variable holding an object literal: each member is an array whose elements it holds.
   */
  private listedEntryElements(loopVar: ts.VariableDeclaration, listing: 'values' | 'entries', depth: number): ts.Node[] {
    const src = forOfSource(loopVar);
    const listed = src && objectListing(this.r.checker, skipWrappers(src));
    return listed && listed.listing === listing ? this.memberElements(listed.object, undefined, depth) : [];
  }

  /** The elements of the arrays held by the members (of these names, or all) of the object literal `table` holds. */
  private memberElements(table: ts.Expression, names: readonly string[] | undefined, depth: number): ts.Node[] {
    const entries = (tableEntries(this.r.checker, this.stores, table) ?? []).filter((en) => (!names || names.includes(en.name)) && !isMethodNode(en.value));
    return entries.flatMap((en) => this.elements(en.value as ts.Expression, depth + 1).nodes);
  }

  /** Values stored over an object literal's own property from receivers that may hold the literal (`state.list = [...]`). */
  protected storedInLiteral(d: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): ts.Expression[] {
    const name = propName(d.name);
    const literal = d.parent;
    if (name === undefined || !ts.isObjectLiteralExpression(literal)) return [];
    return this.stores.named(name).filter((s) => mayHoldLiteral(this.r.checker, s.recv, literal)).map((s) => s.value);
  }

  /**
   * `rec[k]` of such a record, as a function (`object.events[key + REVERT]()`): the functions
   * stored as any entry of it (an entry may hold an array or a function; arrays hold none).
   */
  entryFunctions(e: ts.ElementAccessExpression, depth = 0): ts.Node[] {
    return this.eachRecord(e, this.functionWalks, (d) => this.stores.entriesStored(d).flatMap((v) => this.of(v, depth + 1)));
  }

  /** What `rec[k]` may hold, `rec` an array (an element) or a record of entries (an entry stored as a function). */
  indexed(e: ts.ElementAccessExpression, depth = 0): ts.Node[] {
    const arrayLike = this.r.checker.isArrayLikeType(this.r.checker.getTypeAtLocation(e.expression));
    return [...(arrayLike ? this.elements(e.expression, depth + 1).nodes : []), ...this.entryFunctions(e, depth)];
  }

  /** `find` over the records `rec[k]` is an entry of; a record already being walked the same way is cut (`hooks[k] = hooks[k] || []`). */
  private eachRecord(e: ts.ElementAccessExpression, walking: Set<RecordKey>, find: (d: RecordKey) => ts.Node[]): ts.Node[] {
    const checker = this.r.checker;
    const keys = recordKeys(checker, e.expression);
    // An untyped record takes any key; `any` is array-like to the checker, but is not taken for an array here.
    const untyped = keys.some((k) => typeof k === 'string');
    if (!untyped && (keyNames(checker, e.argumentExpression) !== undefined || checker.isArrayLikeType(checker.getTypeAtLocation(e.expression)))) return [];
    return keys.filter((d) => typeof d === 'string' || this.r.isApp(d)).flatMap((d) => {
      // `hooks[k] = hooks[k] || []` stores an entry into the record: that entry is being walked.
      if (walking.has(d)) {
        this.elementCuts++;
        return [];
      }
      walking.add(d);
      try {
        return find(d);
      } finally {
        walking.delete(d);
      }
    });
  }

  /** Records whose entries are being walked, for their elements and as functions. */
  private readonly elementWalks = new Set<RecordKey>();
  private readonly functionWalks = new Set<RecordKey>();
}
