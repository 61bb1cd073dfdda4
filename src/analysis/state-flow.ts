/**
 * Transitive state: what a method's call may use is its own bindings and those of every method
 * it may reach by the call graph, access kinds unioned. Computed once on the condensation
 * (Tarjan's components come out callees first) as two bit sets per component, read and write,
 * over the bindings; a component that adds nothing shares its only successor's sets.
 */
import { tarjan } from './legality.js';
import type { CallEdge } from './types.js';
import type { Use } from './state.js';
import { READ, WRITE } from './state-syntax.js';

/** method id -> [binding index, READ | WRITE bits] of everything its call may use, by index. */
export function transitiveState(ids: string[], edges: CallEdge[], own: Map<string, Map<number, Use>>, bindings: number): (id: string) => [number, number][] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ: number[][] = ids.map(() => []);
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a !== undefined && b !== undefined) succ[a]!.push(b);
  }
  const comp = tarjan(ids.length, (v) => succ[v]!);
  const members: number[][] = Array.from({ length: comp.count }, () => []);
  for (let v = 0; v < ids.length; v++) members[comp.of[v]!]!.push(v);
  const words = Math.ceil(bindings / 32);
  const reads: (Uint32Array | undefined)[] = new Array(comp.count);
  const writes: (Uint32Array | undefined)[] = new Array(comp.count);
  const stamp = new Int32Array(comp.count).fill(-1);
  for (let c = 0; c < comp.count; c++) {
    const from: number[] = []; // successor components, each once
    let mine = false;
    for (const v of members[c]!) {
      if (own.get(ids[v]!)?.size) mine = true;
      for (const w of succ[v]!) {
        const d = comp.of[w]!;
        if (d === c || stamp[d] === c || !(reads[d] || writes[d])) continue;
        stamp[d] = c;
        from.push(d);
      }
    }
    if (!mine && from.length === 1) {
      reads[c] = reads[from[0]!];
      writes[c] = writes[from[0]!];
      continue;
    }
    if (!mine && from.length === 0) continue;
    const r = new Uint32Array(words);
    const w = new Uint32Array(words);
    for (const d of from) {
      const rd = reads[d];
      const wd = writes[d];
      for (let i = 0; i < words; i++) {
        if (rd) r[i]! |= rd[i]!;
        if (wd) w[i]! |= wd[i]!;
      }
    }
    for (const v of members[c]!) {
      for (const [b, u] of own.get(ids[v]!) ?? []) {
        if (u.bits & READ) r[b >>> 5]! |= 1 << (b & 31);
        if (u.bits & WRITE) w[b >>> 5]! |= 1 << (b & 31);
      }
    }
    reads[c] = r;
    writes[c] = w;
  }
  return (id) => {
    const v = index.get(id);
    const c = v === undefined ? -1 : comp.of[v]!;
    const r = reads[c];
    const w = writes[c];
    const out: [number, number][] = [];
    for (let i = 0; i < words; i++) {
      for (let word = (r?.[i] ?? 0) | (w?.[i] ?? 0); word !== 0; word &= word - 1) {
        const bit = 31 - Math.clz32(word & -word);
        const mask = 1 << bit;
        out.push([i * 32 + bit, ((r?.[i] ?? 0) & mask ? READ : 0) | ((w?.[i] ?? 0) & mask ? WRITE : 0)]);
      }
    }
    return out;
  };
}
