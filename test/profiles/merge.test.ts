import { MergedProfile, mergeProfiles, ProfileMerger } from '../../src/profiles/merge.js';
import type { Profile, ProfileContext } from '../../src/profiles/types.js';

const ctx = (id: number, method: string, selfMs: number, parent?: number, extra: Partial<ProfileContext> = {}): ProfileContext => ({
  id, method, calls: 1, selfMs, bytesIn: 0, bytesOut: 0, ...(parent === undefined ? {} : { parent }), ...extra,
});

describe('mergeProfiles', () => {
  it('aligns device and clone by call path and averages over runs', () => {
    const device: Profile = { file: 'd', side: 'device', runs: 2, contexts: [ctx(0, 'main', 10), ctx(1, 'scan', 80, 0, { calls: 4, bytesIn: 800 })] };
    const clone: Profile = { file: 'c', side: 'clone', runs: 1, contexts: [ctx(7, 'main', 2), ctx(9, 'scan', 10, 7)] };
    const merged = mergeProfiles([device, clone], 0.25);
    expect(merged.runs).toEqual({ device: 2, clone: 1 });
    expect(merged.contexts).toEqual([
      { parent: -1, method: 'main', path: ['main'], device: { calls: 0.5, selfMs: 5, bytesIn: 0, bytesOut: 0 }, clone: { calls: 0.5, selfMs: 2, bytesIn: 0, bytesOut: 0 } },
      { parent: 0, method: 'scan', path: ['main', 'scan'], device: { calls: 2, selfMs: 40, bytesIn: 400, bytesOut: 0 }, clone: { calls: 2, selfMs: 10, bytesIn: 400, bytesOut: 0 } },
    ]);
  });

  it('adds several runs of one side, whatever the file order', () => {
    const a: Profile = { file: 'a', side: 'device', runs: 1, contexts: [ctx(0, 'main', 10), ctx(1, 'f', 4, 0)] };
    const b: Profile = { file: 'b', side: 'device', runs: 3, contexts: [ctx(0, 'main', 30), ctx(1, 'g', 8, 0)] };
    const c: Profile = { file: 'c', side: 'clone', runs: 1, contexts: [ctx(0, 'main', 1), ctx(1, 'f', 1, 0), ctx(2, 'g', 1, 0)] };
    const one = mergeProfiles([a, b, c], 0.5);
    expect(mergeProfiles([c, b, a], 0.5)).toEqual(one);
    expect(one.contexts.map((x) => [x.path.join('>'), x.device.selfMs])).toEqual([['main', 10], ['main>f', 1], ['main>g', 2]]);
  });

  it("takes calls and bytes from the device in any file order, the clone's only where the device has none, one column for both sides", () => {
    const clone: Profile = { file: 'c', side: 'clone', runs: 2, contexts: [ctx(0, 'main', 2, undefined, { calls: 6, bytesIn: 60, bytesOut: 6 }), ctx(1, 'onlyClone', 1, 0, { calls: 8, bytesOut: 40 })] };
    const device: Profile = { file: 'd', side: 'device', runs: 1, contexts: [ctx(0, 'main', 8, undefined, { calls: 3, bytesIn: 30, bytesOut: 3 })] };
    const again: Profile = { ...device, file: 'e' };
    for (const order of [[clone, device, again], [device, clone, again], [device, again, clone]]) {
      const merged = mergeProfiles(order, 0.25);
      const byMethod = new Map(merged.contexts.map((c) => [c.method, c]));
      // Two device runs in all: the device's sums per run, the clone's figures left out.
      expect(byMethod.get('main')!.device).toEqual({ calls: 3, selfMs: 8, bytesIn: 30, bytesOut: 3 });
      expect(byMethod.get('main')!.clone).toEqual({ calls: 3, selfMs: 1, bytesIn: 30, bytesOut: 3 });
      expect(byMethod.get('onlyClone')!.clone).toEqual({ calls: 4, selfMs: 0.5, bytesIn: 0, bytesOut: 20 });
      // The two sides' calls and bytes are the same numbers: held once.
      expect(merged.clone.calls).toBe(merged.device.calls);
      expect(merged.clone.bytesIn).toBe(merged.device.bytesIn);
      expect(merged.clone.bytesOut).toBe(merged.device.bytesOut);
    }
  });

  it('estimates a one-sided context from the other side with the speed ratio, and flags it', () => {
    const device: Profile = { file: 'd', side: 'device', runs: 1, contexts: [ctx(0, 'main', 8), ctx(1, 'onlyDevice', 40, 0)] };
    const clone: Profile = { file: 'c', side: 'clone', runs: 1, contexts: [ctx(0, 'main', 2), ctx(1, 'onlyClone', 5, 0)] };
    const merged = mergeProfiles([device, clone], 0.25);
    const byMethod = new Map(merged.contexts.map((c) => [c.method, c]));
    expect(byMethod.get('main')!.estimated).toBeUndefined();
    expect(byMethod.get('onlyDevice')).toMatchObject({ estimated: 'clone', clone: { selfMs: 10 } });
    expect(byMethod.get('onlyClone')).toMatchObject({ estimated: 'device', device: { selfMs: 20 } });
  });

  it('folds recursion onto the first occurrence of the method on the path', () => {
    const p: Profile = {
      file: 'd', side: 'device', runs: 1,
      contexts: [ctx(0, 'main', 1), ctx(1, 'walk', 2, 0), ctx(2, 'visit', 3, 1), ctx(3, 'walk', 4, 2), ctx(4, 'leaf', 5, 3)],
    };
    const merged = mergeProfiles([p], 1);
    expect(merged.contexts.map((c) => [c.path.join('>'), c.device.selfMs, c.device.calls])).toEqual([
      ['main', 1, 1], ['main>walk', 6, 2], ['main>walk>leaf', 5, 1], ['main>walk>visit', 3, 1],
    ]);
  });

  it('flags the figures used that a profile marks as estimated: all of the device side, only the self time of the clone side', () => {
    const imported = { estimated: ['calls', 'bytesIn', 'bytesOut'] as Profile['estimated'] };
    const device: Profile = { file: 'd', side: 'device', runs: 1, contexts: [ctx(0, 'main', 8), ctx(1, 'both', 4, 0)], ...imported };
    const clone: Profile = { file: 'c', side: 'clone', runs: 1, contexts: [ctx(0, 'main', 2), ctx(1, 'both', 1, 0), ctx(2, 'cloneOnly', 1, 0)], estimated: ['calls', 'selfMs'] };
    const merged = mergeProfiles([device, clone], 0.5);
    const byPath = new Map(merged.contexts.map((c) => [c.path.join('>'), c]));
    expect(byPath.get('main>both')!.estimatedFields).toEqual(['calls', 'selfMs', 'bytesIn', 'bytesOut']);
    expect(byPath.get('main>cloneOnly')).toMatchObject({ estimated: 'device', estimatedFields: ['calls', 'selfMs'], device: { selfMs: 2 } });
    expect(merged.pathOf(merged.size - 1)).toEqual(['main', 'cloneOnly']);
  });
});

describe('MergedProfile.methodNumbers', () => {
  it('numbers methods as a look-up of each context in the merged order would, though the files named them in another order', () => {
    // The merge meets 'zeta' first; the merged order puts siblings by name: 'alpha' comes first there.
    const device: Profile = { file: 'd', side: 'device', runs: 1, contexts: [ctx(0, 'main', 1), ctx(1, 'zeta', 1, 0), ctx(2, 'alpha', 1, 0), ctx(3, 'zeta', 1, 2)] };
    const clone: Profile = { file: 'c', side: 'clone', runs: 1, contexts: [ctx(0, 'main', 1), ctx(1, 'mid', 1, 0)] };
    const merged = mergeProfiles([device, clone], 1);
    const looked = new MergedProfile(merged.parent, merged.method, merged.device, merged.clone, merged.estimatedSide, merged.estimatedFields, merged.runs);
    expect(merged.method).toEqual(['main', 'alpha', 'zeta', 'mid', 'zeta']);
    expect(merged.methodNumbers).toEqual(looked.methodNumbers);
    expect(merged.methodNumbers.names).toEqual(['main', 'alpha', 'zeta', 'mid']);
    expect([...merged.methodNumbers.id]).toEqual([0, 1, 2, 3, 2]);
    expect([...merged.methods]).toEqual(['main', 'alpha', 'zeta', 'mid']);
  });
});

describe('ProfileMerger', () => {
  // A random forest of contexts over a few methods (recursion included), ids shuffled in range.
  function randomProfile(seed: number, side: Profile['side'], n: number): Profile {
    let s = seed;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const contexts: ProfileContext[] = [];
    for (let i = 0; i < n; i++) {
      const parent = i === 0 || rand() < 0.1 ? undefined : contexts[Math.floor(rand() * i)]!.id;
      contexts.push(ctx(3 * i + 1, `m${Math.floor(rand() * 12)}`, Math.round(rand() * 1000) / 10, parent, { calls: 1 + Math.floor(rand() * 5), bytesIn: Math.floor(rand() * 100) }));
    }
    return { file: `${side}${seed}`, side, runs: 1 + (seed % 3), contexts };
  }

  it('gives what mergeProfiles gives, from a capacity far too small (the tree grows many times)', () => {
    const profiles = [randomProfile(1, 'device', 3000), randomProfile(2, 'clone', 2000), randomProfile(3, 'device', 500)];
    const merger = new ProfileMerger(2);
    for (const p of profiles) merger.add(p);
    const merged = merger.finish(0.3);
    expect(merged.size).toBeGreaterThan(1000);
    expect(merged).toEqual(mergeProfiles(profiles, 0.3));
    // And by brute force: every path's device self time per run, from the raw contexts.
    const expected = new Map<string, number>();
    for (const p of profiles.filter((x) => x.side === 'device')) {
      const pathOf = new Map<number, string[]>();
      for (const c of p.contexts) {
        const above = c.parent === undefined ? [] : pathOf.get(c.parent)!;
        const first = above.indexOf(c.method);
        const path = first >= 0 ? above.slice(0, first + 1) : [...above, c.method];
        pathOf.set(c.id, path);
        expected.set(path.join('>'), (expected.get(path.join('>')) ?? 0) + c.selfMs);
      }
    }
    const runs = merged.runs.device;
    for (let i = 0; i < merged.size; i++) {
      const key = merged.pathOf(i).join('>');
      if (merged.estimatedOf(i) !== 'device') expect(merged.device.selfMs[i]).toBeCloseTo(expected.get(key)! / runs, 9);
    }
  });

  it('merges a profile listed in the order of the tree it joins, or in another, alike', () => {
    // The merge first tries the node made after the last one it found (profiles of one workload
    // list their contexts in the same order): right when it is, and no harm when it is not.
    const device = randomProfile(4, 'device', 3000);
    const clone: Profile = { ...device, file: 'clone', side: 'clone', runs: 1 };
    // The same contexts breadth first: parents still come before their children.
    const depth = new Map<number, number>();
    for (const c of clone.contexts) depth.set(c.id, c.parent === undefined ? 0 : depth.get(c.parent)! + 1);
    const reordered: Profile = { ...clone, contexts: [...clone.contexts].sort((a, b) => depth.get(a.id)! - depth.get(b.id)! || b.id - a.id) };
    expect(reordered.contexts).not.toEqual(clone.contexts);
    const inOrder = mergeProfiles([device, clone], 0.3);
    const otherOrder = mergeProfiles([device, reordered], 0.3);
    expect(otherOrder.parent).toEqual(inOrder.parent);
    expect(otherOrder.method).toEqual(inOrder.method);
    // Recursion folds several contexts into one node, whose figures are then added in file order.
    for (const side of ['device', 'clone'] as const) {
      for (const figure of ['calls', 'selfMs', 'bytesIn', 'bytesOut'] as const) {
        otherOrder[side][figure].forEach((x, i) => expect(x).toBeCloseTo(inOrder[side][figure][i]!, 9));
      }
    }
    // Every context of the clone met a node of the device's: none is estimated.
    for (let i = 0; i < inOrder.size; i++) expect(inOrder.estimatedOf(i)).toBeUndefined();
  });

  it('is spent once finished', () => {
    const merger = new ProfileMerger();
    merger.add({ file: 'd', side: 'device', runs: 1, contexts: [ctx(0, 'main', 1)] });
    expect(merger.finish(1).size).toBe(1);
    expect(() => merger.finish(1)).toThrow('twice');
  });
});
