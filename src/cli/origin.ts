import { formatPath } from '../util/yamlInput.js';

/**
 * Where a setting came from, for errors found after it was read (an unknown network name, a glob
 * that matches nothing): a flag, a key of clonecloud.yaml (file:line of each item), or the
 * committed manifest that `check` recomputes.
 */
export interface Origin {
  /** "file:line" of the value, or of item `i` of a list; undefined for a flag. */
  where(i?: number): string | undefined;
  /** The flag, or the field's path (item `i` of a list). */
  field(i?: number): string;
}

export function flagOrigin(flag: string): Origin {
  return { where: () => undefined, field: () => flag };
}

/** A field of a file: `locate(path)` is its "file:line". */
export function fileOrigin(key: (string | number)[], locate: (path: (string | number)[]) => string): Origin {
  const path = (i?: number) => (i === undefined ? key : [...key, i]);
  return { where: (i) => locate(path(i)), field: (i) => formatPath(path(i)) };
}
