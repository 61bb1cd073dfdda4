/**
 * What decoding a request leaves for the clone's snapshot (state.ts), and the states of objects
 * decoded into, written only once all decoded: plain data the reader fills and its callers read.
 */
import type { NumberList } from './bytes.js';
import type { CodeRegistry } from './registry.js';
import type { Shallow } from './shallow.js';

/** A decoded object that replaces an existing one: its state is written only once all decoded. */
export interface Deferred {
  target: object;
  state: Shallow;
}

/**
 * Where in a request each object made as an ordinary object, a listed array or a view was written
 * (its contents are exactly what it holds right after decoding), recorded while decoding it; the
 * clone's snapshot starts from these instead of reading every object again (see state.ts).
 */
export interface Baseline {
  /** The request (a view of the caller's bytes). */
  buf: Uint8Array;
  /** The string table as decoding left it. */
  table: readonly string[];
  registry: CodeRegistry;
  /** The objects by id, as decoded (the caller's list may be changed; this copy is not). */
  made: readonly object[];
  kinds: NumberList;
  protos: readonly (object | null)[];
  /** By id: where its contents start, or -1 when not recorded (other kinds, objects decoded into). */
  bodyAt: NumberList;
  /** By id: the length of the string table and of the object list where its contents start. */
  strAt: NumberList;
  newAt: NumberList;
  /** Each buffer made from the request, and those decoded into: the bytes the device has. */
  bytes: Map<object, Uint8Array>;
}
