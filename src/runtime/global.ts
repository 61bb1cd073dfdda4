/**
 * The contract between the code the transform inserts into the app's modules and the run-time
 * that serves it, on the device and on the clone. The inserted code reaches the run-time through
 * one global symbol (the app's own globals stay untouched) and calls only what is declared here.
 */
export const RUNTIME_GLOBAL = 'clonecloud.runtime';

/** Reads and, for `let`/`var`, writes one module-level binding of the app. */
export type BindingAccessor = [get: () => unknown, set?: (value: unknown) => void];

/** How the clone finds the code of a migration point. */
export type EntrySpec =
  /** A member of a class, found through the class registry (`part` chooses a getter or setter). */
  | { cls: string; member: string; isStatic: boolean; kind: 'method' | 'accessor' | 'new' }
  /** A function bound at the module's top level. */
  | { fn: () => Function }
  /**
   * Any other function, copied to the module's top level: `lift.call(self, captured, part)` gives
   * the function, with the captured bindings as its own variables, and a reader of their values after the call.
   */
  | { lift: (this: unknown, captured: unknown[], part: string | undefined) => [Function, () => unknown[]]; captured: string[] };

/** What one transformed module registers. */
export interface ModuleHandle {
  /** A class of the app, under `<module key>#<key>`; returns it (class expressions are wrapped). */
  cls<T extends Function>(key: string, cls: T): T;
  /** A function bound at the module's top level, so that data holding it can cross. */
  fn(key: string, fn: Function): void;
  /** The module's bindings that migrated calls carry. */
  bind(bindings: Record<string, BindingAccessor>): void;
  /** The clone's way into a migration point of this module. */
  entry(id: string, spec: EntrySpec): void;
}

/** A migration point as the device's wrapper sees it. */
export interface PointHandle {
  /** Migrate when reached now: in the chosen partition, the clone reachable, the call wrapped. */
  on: boolean;
  /** A synchronous call: the result, or LOCAL to run the body here; throws what the clone threw. */
  call(self: unknown, args: ArrayLike<unknown>, captured?: () => unknown[], setCaptured?: (values: unknown[]) => void, part?: string): unknown;
  /** A constructor: true when the clone built `self` (its state is applied), false to run the body here. */
  construct(self: object, args: ArrayLike<unknown>, captured?: () => unknown[], setCaptured?: (values: unknown[]) => void): boolean;
  /** The transform could not wrap this function (why), so it always runs where it is called. */
  unsupported(why: string): void;
}

export interface RuntimeGlobal {
  /** Returned by `call` when the call runs on the device after all. */
  L: symbol;
  mod(moduleKey: string): ModuleHandle;
  point(id: string): PointHandle;
  /** The function an object-literal member holds (a lifted copy of a method or accessor). */
  member(holder: object, part?: string): Function;
}
