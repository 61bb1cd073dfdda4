/**
 * Arrays of a tree's size that a pass over the tree clears and fills, kept with the tree and
 * handed out again on its next pass. The searches price and walk one tree hundreds of times; an
 * array per pass is external memory (its backing store), and that memory, freed only once the
 * collector finds the array dead, started full collections, each marking the caller's million
 * context objects on the 1M-context bench tree (~0.2 s apiece, several per solve). Each caller
 * names its own arrays: a name is in use by one pass at a time (the passes run to their end).
 */
type Typed = Uint8Array | Int32Array | Float64Array;
type Kind<T extends Typed> = new (length: number) => T;

const kept = new WeakMap<object, Map<string, Typed>>();

/** A zeroed array of `length` kept with `owner` under `name` (made on first use). */
export function cleared<T extends Typed>(owner: object, name: string, kind: Kind<T>, length: number): T {
  let arrays = kept.get(owner);
  if (!arrays) kept.set(owner, (arrays = new Map()));
  const known = arrays.get(name);
  if (known instanceof kind && known.length === length) return known.fill(0) as T;
  const made = new kind(length);
  arrays.set(name, made);
  return made;
}
