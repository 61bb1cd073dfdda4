/**
 * The contents of ordinary objects and short listed arrays, written as writeContents(readShallow(o))
 * writes them but without a Shallow: most objects in a graph are these, and skipping the copy of
 * their properties is most of the writer's time.
 */
import { Refusal } from './errors.js';
import type { GraphWriter } from './graphWriter.js';
import { Level } from './kinds.js';
import { LIST_UP_TO, checkDescriptor, keyLabel, levelOf } from './props.js';
import { O, R } from '../intrinsics.js';

const ownNames = O.getOwnPropertyNames;
const ownSymbols = O.getOwnPropertySymbols;
const ownDescriptor = O.getOwnPropertyDescriptor;
const ownKeys = R.ownKeys;

export class OrdinaryBodies {
  /** A plain object's values between reading them all (every check passed) and writing them. */
  private readonly scratch: unknown[] = [];
  /** The keys of the last ordinary object written and their table indices: the next often has the same. */
  private lastNames: string[] = [];
  private lastIndices: number[] = [];

  constructor(private readonly g: GraphWriter) {}

  /**
   * An ordinary object's contents: every property is checked (and its value taken) before any is
   * written, so that a refusal is the one readShallow would raise.
   */
  object(o: object, id: number): void {
    const g = this.g;
    const vals = this.scratch;
    let level: Level;
    let names: string[];
    try {
      level = levelOf(o);
      const symbols = ownSymbols(o);
      if (symbols.length > 0) throw new Refusal(keyLabel(symbols[0]!), 'a symbol-keyed property');
      names = ownNames(o);
      // What checkDescriptor allows, in one test: an accessor has no `writable`.
      const writable = level < Level.Frozen;
      const configurable = level < Level.Sealed;
      for (let i = 0; i < names.length; i++) {
        const d = ownDescriptor(o, names[i]!)!;
        if (d.writable !== writable || d.enumerable !== true || d.configurable !== configurable) checkDescriptor(names[i]!, d, level, false);
        vals[i] = d.value;
      }
    } catch (e) {
      throw g.refused(e, id, undefined);
    }
    const w = g.w;
    w.u8(level);
    const n = names.length;
    w.varint(n);
    const last = this.lastNames;
    let same = last.length === n;
    for (let i = 0; same && i < n; i++) same = names[i] === last[i];
    if (same) {
      // The same keys as the last object: their indices without looking each up.
      const indices = this.lastIndices;
      for (let i = 0; i < n; i++) {
        w.varint(indices[i]! * 2);
        g.value(vals[i], id, names[i]!);
      }
      return;
    }
    const indices: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = names[i]!;
      indices.push(g.key(k));
      g.value(vals[i], id, k);
    }
    this.lastNames = names;
    this.lastIndices = indices;
  }

  /**
   * A short array with every element and nothing else (no hole, named property or symbol); false,
   * having written nothing, for any other array (readShallow then reads it, and refuses what it must).
   */
  list(a: unknown[], id: number): boolean {
    const len = a.length;
    // Longer ones are probed (readArray), and may have holes.
    if (len > LIST_UP_TO) return false;
    const level = levelOf(a);
    if (ownDescriptor(a, 'length')!.writable !== level < Level.Frozen) return false;
    const keys = ownKeys(a);
    // Indices come first, in order: len of them below len are all of 0..len-1.
    if (keys.length !== len + 1 || keys[len] !== 'length') return false;
    const w = this.g.w;
    w.u8(level);
    w.varint(len);
    w.u8(0);
    for (let i = 0; i < len; i++) this.g.value(a[i], id, i);
    w.varint(0);
    return true;
  }
}
