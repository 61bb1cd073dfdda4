/**
 * The clone → device message: the reply's own values, then the new shallow state of each request
 * object that changed (request objects travel as ids, new objects in full). The device decodes
 * and validates all of it before apply() writes anything.
 */
import { applyState, checkApply } from './apply.js';
import { GraphReader } from './graphReader.js';
import { GraphWriter } from './graphWriter.js';
import { Kind } from './kinds.js';
import { readContents } from './readContents.js';
import { writeContents } from './writeContents.js';
import type { CodeRegistry } from './registry.js';
import { REPLY, asWireError } from './request.js';
import { kindOf, subOf, type Shallow } from './shallow.js';
import { Rereader, bufferRegions, sameState, toDevice, type Snapshot } from './state.js';

export function encodeReply(
  values: readonly unknown[],
  request: { objects: readonly object[]; snapshot: Snapshot },
  registry: CodeRegistry,
  options?: { alias?: ReadonlyMap<object, number> },
): Uint8Array {
  const { objects, snapshot } = request;
  if (snapshot.count !== objects.length) throw new TypeError('the snapshot is not of these request objects');
  const g = new GraphWriter(registry, 'values', bufferRegions);
  g.adopt(objects, 'objects');
  const alias = options?.alias;
  let sources = objects;
  const aliased = new Set<number>();
  if (alias !== undefined && alias.size > 0) {
    const list = objects.slice();
    for (const [o, id] of alias) {
      if (!(id >= 0 && id < objects.length)) throw new RangeError(`alias to an unknown request object ${id}`);
      g.alias(o, id);
      list[id] = o;
      aliased.add(id);
    }
    sources = list;
  }
  const changes: [number, Shallow][] = [];
  const { states, base } = snapshot;
  const again = base === undefined ? undefined : new Rereader(base);
  for (let i = 0; i < sources.length; i++) {
    const then = states[i];
    const aliasing = aliased.size > 0 && aliased.has(i);
    // Recorded by the decoder: compared with the request without reading it; when it differs it
    // is read (and refused if it cannot cross) and sent.
    if (then === undefined && !aliasing && again!.unchanged(sources[i]!, i)) continue;
    const s = g.read(sources[i]!, i, undefined);
    if (s.kind === Kind.ArrayBuffer) toDevice(sources[i]!, s);
    if (then === undefined || aliasing || !sameState(s, then)) changes.push([i, s]);
  }
  g.start(REPLY);
  const w = g.w;
  w.varint(objects.length);
  w.varint(values.length);
  for (let i = 0; i < values.length; i++) g.value(values[i], -1, i);
  w.varint(changes.length);
  for (const [id, s] of changes) {
    w.varint(id);
    w.u8(s.kind);
    g.proto(s);
    writeContents(g, s, id, true);
  }
  return g.end();
}

export function decodeReply(bytes: Uint8Array, requestObjects: readonly object[], registry: CodeRegistry): { values: unknown[]; apply(): void } {
  const g = new GraphReader(bytes, registry);
  const values: unknown[] = [];
  const changes: [object, Shallow][] = [];
  try {
    g.header(REPLY);
    const r = g.r;
    if (r.varint() !== requestObjects.length) g.fail('a reply to another request');
    g.adopt(requestObjects);
    const nv = r.count(1);
    for (let i = 0; i < nv; i++) values.push(g.value());
    const nc = r.count(3);
    let last = -1;
    for (let i = 0; i < nc; i++) {
      const id = r.varint();
      if (id <= last || id >= requestObjects.length) g.fail('bad change id');
      last = id;
      const o = requestObjects[id]!;
      const kind = kindOf(o);
      if (r.u8() !== kind) g.fail('a change of another kind');
      const [code, key] = g.readProto();
      const proto = g.resolveProto(kind, subOf(o, kind), code, key);
      const state = readContents(g, kind, true, o);
      state.proto = proto;
      changes.push([o, state]);
    }
    g.drain();
    g.finish();
    for (const [o, s] of changes) checkApply(o, s);
  } catch (e) {
    throw asWireError(e);
  }
  return {
    values,
    apply() {
      for (const [o, s] of changes) applyState(o, s, false);
    },
  };
}
