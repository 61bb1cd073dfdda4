/**
 * Depth-first walk of a tree, parents before children, children in their own order, with a
 * stack of iterators rather than recursion: calling-context trees may nest deeper than the
 * thread's stack. Yields every node below `root` (not the root) with its parent (undefined for
 * the root's children).
 */
export function* descendants<T>(root: T, children: (node: T) => Iterable<T>): Generator<{ node: T; parent: T | undefined }> {
  const stack: { parent: T | undefined; rest: Iterator<T> }[] = [{ parent: undefined, rest: children(root)[Symbol.iterator]() }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = top.rest.next();
    if (next.done) {
      stack.pop();
      continue;
    }
    yield { node: next.value, parent: top.parent };
    stack.push({ parent: next.value, rest: children(next.value)[Symbol.iterator]() });
  }
}
