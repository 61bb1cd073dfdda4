/** The device → clone message: the call's roots (arguments, `this`, captured state) as one graph. */
import { WireError } from './errors.js';
import type { Baseline } from './baseline.js';
import { GraphReader } from './graphReader.js';
import { GraphWriter } from './graphWriter.js';
import { checkApply, applyState } from './apply.js';
import type { CodeRegistry } from './registry.js';
import { bufferRegions } from './state.js';

export const REQUEST = 1;
export const REPLY = 2;

/** Encodes the roots; `objects` holds every object sent, by wire id, to apply the reply's changes to. */
export function encodeRequest(roots: readonly unknown[], registry: CodeRegistry): { bytes: Uint8Array; objects: object[] } {
  const g = new GraphWriter(registry, 'roots');
  g.start(REQUEST);
  g.w.varint(roots.length);
  for (let i = 0; i < roots.length; i++) g.value(roots[i], -1, i);
  const bytes = g.end();
  return { bytes, objects: g.objects };
}

/** Any failure while decoding untrusted bytes is a WireError, whatever raised it. */
export function asWireError(e: unknown): WireError {
  if (e instanceof WireError) return e;
  return new WireError(`malformed message: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * Decodes a request. `into`: root index → an existing object that root is decoded into (same
 * kind), keeping its identity; its contents change only once everything decoded. The clone's
 * snapshot of the objects starts from what decoding put in them and from these bytes (its
 * buffers'), so they must not change until the reply is encoded.
 */
export function decodeRequest(
  bytes: Uint8Array,
  registry: CodeRegistry,
  options?: { into?: ReadonlyMap<number, object> },
): { roots: unknown[]; objects: object[]; baseline: Baseline } {
  const g = new GraphReader(bytes, registry, true);
  const roots: unknown[] = [];
  try {
    g.header(REQUEST);
    const n = g.r.count(1);
    for (let i = 0; i < n; i++) roots.push(g.root(options?.into?.get(i)));
    g.drain();
    g.finish();
    for (const d of g.deferred) checkApply(d.target, d.state);
  } catch (e) {
    throw asWireError(e);
  }
  for (const d of g.deferred) applyState(d.target, d.state, false);
  for (const [ab, region] of g.regions) bufferRegions.set(ab, region);
  const objects = g.objects as object[];
  const baseline = g.baseline!;
  baseline.made = objects.slice();
  return { roots, objects, baseline };
}
