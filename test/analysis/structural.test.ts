import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('classes with another class\'s shape (calls-shapes)', () => {
  let r: AnalysisResult;
  // MemoryStore.lookup stands for a device-only method: load() may reach it through a FileStore.
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-shapes'), catalogs: [], pin: ['src/shapes.ts#MemoryStore.lookup'] })));
  const S = 'src/shapes.ts';

  test('a call through a class reaches classes it accepts structurally, not nominal or other-typed ones', () => {
    expect(edges(r)).toEqual([
      [`${S}#MemoryStore.read`, `${S}#MemoryStore.lookup`, `${S}:12:17`, 'method'],
      [`${S}#load`, `${S}#Base.read`, `${S}:55:12`, 'hierarchy'], // CachedStore inherits read from Base
      [`${S}#load`, `${S}#FileStore.read`, `${S}:55:12`, 'method'],
      [`${S}#load`, `${S}#MemoryStore.read`, `${S}:55:12`, 'hierarchy'], // same shape, no extends
      [`${S}#load`, `${S}#patch.s.read`, `${S}:55:12`, 'callback'],
      [`${S}#main`, `${S}#load`, `${S}:63:10`, 'direct'],
      [`${S}#main`, `${S}#open`, `${S}:63:36`, 'direct'],
      [`${S}#open`, `${S}#Vault.read`, `${S}:59:12`, 'method'], // FakeVault cannot stand in (private member)
      [`${S}#peek`, `${S}#MemoryStore.read`, `${S}:72:12`, 'method'],
      // s.read = ... on a FileStore may be a MemoryStore's read
      [`${S}#peek`, `${S}#patch.s.read`, `${S}:72:12`, 'callback'],
    ]);
    expect(r.unresolved).toEqual([]);
  });

  test('verdicts follow the structural edges', () => {
    const load = r.methods.find((m) => m.id === `${S}#load`)!;
    expect(load.candidate).toBe(false);
    expect(load.reasons.map((x) => [x.rule, x.via])).toEqual([['reaches-pinned', [`${S}#load`, `${S}#MemoryStore.read`, `${S}#MemoryStore.lookup`]]]);
    expect(r.methods.find((m) => m.id === `${S}#open`)!.reasons).toEqual([]);
  });
});

describe('an interface member whose implementations lead back to it (calls-implementation-cycle)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-implementation-cycle'), catalogs: [] })));
  const F = 'src/factory.ts';

  // peek's read of f.make (file a-read.ts, analysed first) searches Factory.make's implementations;
  // relayed's value, other.make(), asks for them again meanwhile and gets nothing. That partial
  // answer must not be what build's call f.make() gets later.
  test('a later call through the member still runs every implementation found', () => {
    // ... and, the member's values not all known, l1.run: peekLeft hands it out (returns l.run), and its type fits.
    expect(edges(r).filter(([from]) => from === 'src/z-call.ts#build')).toEqual([
      ['src/z-call.ts#build', `${F}#direct.make`, 'src/z-call.ts:4:5', 'hierarchy'],
      ['src/z-call.ts#build', 'src/mutual.ts#l1.run', 'src/z-call.ts:4:5', 'callback'],
    ]);
    expect(r.unresolved.filter((u) => u.from === 'src/z-call.ts#build')).toEqual([
      { from: 'src/z-call.ts#build', site: 'src/z-call.ts:4:5', text: 'f.make', reason: `object literal member(s) implementing it hold values not known statically (${F}:10)` },
    ]);
  });

  // peekLeft's read searches Left.run, which meets Right.go (l2's value), which meets Left.run
  // again: Right.go's answer found then lacks r2's value, beepL, and must not be kept.
  test('two members leading to each other: each gets the other\'s implementations', () => {
    const M = 'src/mutual.ts';
    expect(edges(r).filter(([from]) => from === 'src/a-read.ts#peekLeft' || from === 'src/z-call.ts#goRight')).toEqual([
      ['src/a-read.ts#peekLeft', `${M}#beepR`, 'src/a-read.ts:9:12', 'callback'], // l2.run: what r1.go returns
      ['src/a-read.ts#peekLeft', `${M}#l1.run`, 'src/a-read.ts:9:12', 'callback'],
      ['src/z-call.ts#goRight', `${M}#beepL`, 'src/z-call.ts:7:5', 'hierarchy'], // r2.go: what l1.run returns
      ['src/z-call.ts#goRight', `${M}#beepR`, 'src/z-call.ts:7:3', 'callback'], // r.go()(): what r1.go returns
      ['src/z-call.ts#goRight', `${M}#r1.go`, 'src/z-call.ts:7:5', 'hierarchy'],
    ]);
    expect(r.unresolved.filter((u) => u.from === 'src/z-call.ts#goRight')).toEqual([]);
  });
});

describe('three members whose implementations hold each other\'s values (calls-implementation-retry)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-implementation-retry'), catalogs: [] })));
  const M = 'src/members.ts';

  // first's call searches X.x, which meets R.r, which meets P.p, which meets R.r under way: P.p's
  // answer is provisional, and its retry meets R.r's still provisional answer. Retrying each once
  // and keeping that left P.p without x1.x (which it holds through r3) for every later call.
  test('a later call through the member found last runs every implementation', () => {
    expect(edges(r).filter(([from]) => from === 'src/a-first.ts#first' || from === 'src/z-later.ts#later')).toEqual([
      ['src/a-first.ts#first', `${M}#p1.p`, 'src/a-first.ts:4:5', 'hierarchy'],
      ['src/a-first.ts#first', `${M}#r1.r`, 'src/a-first.ts:4:5', 'hierarchy'],
      ['src/a-first.ts#first', `${M}#x1.x`, 'src/a-first.ts:4:5', 'hierarchy'],
      ['src/z-later.ts#later', `${M}#p1.p`, 'src/z-later.ts:4:5', 'hierarchy'],
      ['src/z-later.ts#later', `${M}#r1.r`, 'src/z-later.ts:4:5', 'hierarchy'],
      ['src/z-later.ts#later', `${M}#x1.x`, 'src/z-later.ts:4:5', 'hierarchy'],
    ]);
    expect(r.unresolved.filter((u) => u.from === 'src/z-later.ts#later')).toEqual([]);
  });
});
