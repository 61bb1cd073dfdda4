/**
 * Writing one object's contents from its Shallow state (any kind but the ordinary objects and
 * listed arrays GraphWriter writes straight from the object), and a reply's changes.
 */
import type { GraphWriter } from './graphWriter.js';
import { Kind } from './kinds.js';
import type { Shallow } from './shallow.js';

/** An object's contents: integrity level, kind-specific state, named properties. */
export function writeContents(g: GraphWriter, s: Shallow, id: number, change = false): void {
  const w = g.w;
  w.u8(s.level);
  switch (s.kind) {
    case Kind.ArrayBuffer:
      // A known buffer's new bytes: where they go on the peer's buffer, then the bytes.
      if (change) {
        w.varint(s.offset);
        w.varint(s.bytes!.length);
        w.bytes(s.bytes!);
      }
      break;
    case Kind.Array: {
      const items = s.items!;
      w.varint(s.length);
      w.u8(s.sparse ? 1 : 0);
      if (s.sparse) {
        w.varint(items.length / 2);
        for (let i = 0; i < items.length; i += 2) {
          w.varint(items[i] as number);
          g.value(items[i + 1], id, items[i] as number);
        }
      } else for (let i = 0; i < items.length; i++) g.value(items[i], id, i);
      break;
    }
    case Kind.Map: {
      const items = s.items!;
      w.varint(items.length / 2);
      for (let i = 0; i < items.length; i += 2) {
        g.value(items[i], id, i);
        g.value(items[i + 1], id, i + 1);
      }
      break;
    }
    case Kind.Set: {
      const items = s.items!;
      w.varint(items.length);
      for (let i = 0; i < items.length; i++) g.value(items[i], id, i);
      break;
    }
    case Kind.Date:
      w.f64le(s.state as number);
      break;
    case Kind.RegExp:
      g.value(s.state, id, '\0.lastIndex');
      break;
  }
  const { keys, values, enumerable } = s;
  w.varint(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    g.key(k);
    if (enumerable !== undefined) w.u8(enumerable[i] ? 1 : 0);
    g.value(values[i], id, k);
  }
}
