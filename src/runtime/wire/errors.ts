/** A value that cannot cross faithfully: the caller then runs the call locally. */
export class Uncrossable extends Error {
  override name = 'Uncrossable';
  constructor(
    /** Where, from the roots: `roots[1][0].onDone`. */
    readonly path: string,
    /** Why, as a noun phrase: "a function that is not registered". */
    readonly reason: string,
  ) {
    super(`${path} is ${reason}, which cannot cross`);
  }
}

/** Bytes that do not decode or a change that cannot be applied; thrown before anything changed. */
export class WireError extends Error {
  override name = 'WireError';
}

/**
 * A class or function key that no loaded module registered. The clone loads modules lazily (a
 * class whose module the migration point imports only as a type is not loaded with it), so it
 * may load the key's module and decode again: nothing was changed before this was thrown.
 */
export class UnknownKey extends WireError {
  override name = 'UnknownKey';
  /** The module the key names (`src/graph.ts` of `src/graph.ts#Graph`); undefined for a key without one. */
  readonly moduleKey: string | undefined;

  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    const hash = key.indexOf('#');
    this.moduleKey = hash > 0 ? key.slice(0, hash) : undefined;
  }
}

/**
 * Thrown while reading one object, before the graph writer knows where it is; the writer turns it
 * into an Uncrossable with the object's path (`at` is the rest of the path, such as `.foo`).
 */
export class Refusal {
  constructor(
    readonly at: string,
    readonly reason: string,
  ) {}
}
