import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('super, accessors, tagged templates, field initialisers (calls-forms)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-forms'), catalogs: [] })));
  const F = 'src/forms.ts';

  test('edges with kinds', () => {
    expect(edges(r)).toEqual([
      [`${F}#Counter.bump`, `${F}#Counter.value`, `${F}:35:10`, 'accessor'], // this.value += 1
      [`${F}#Counter.constructor`, `${F}#Base.constructor`, `${F}:23:5`, 'super'],
      [`${F}#Counter.constructor`, `${F}#stamp`, `${F}:17:19`, 'direct'], // field initialiser runs in the constructor
      [`${F}#Counter.hello`, `${F}#Base.hello`, `${F}:26:18`, 'super'],
      [`${F}#Counter.hello`, `${F}#tag`, `${F}:26:28`, 'tagged-template'],
      [`${F}#Counter.static.<init>`, `${F}#stamp`, `${F}:18:19`, 'direct'],
      [`${F}#Counter.static.<init>`, `${F}#tag`, `${F}:20:5`, 'tagged-template'],
      [`${F}#Lazy.constructor`, `${F}#Base.constructor`, `${F}:39:1`, 'super'], // implicit constructor
      [`${F}#Lazy.constructor`, `${F}#stamp`, `${F}:41:8`, 'direct'],
      [`${F}#use`, `${F}#Counter.value`, `${F}:45:5`, 'accessor'], // c.value = 3
      [`${F}#use`, `${F}#Counter.value`, `${F}:47:12`, 'accessor'], // c.value
      [`${F}#use`, `${F}#Lazy.constructor`, `${F}:46:13`, 'constructor'],
    ]);
    expect(r.unresolved).toEqual([]);
  });

  test('synthetic methods for implicit constructors and static initialisation', () => {
    const syn = r.methods.filter((m) => m.synthetic).map((m) => [m.id, m.synthetic, m.line]);
    expect(syn).toEqual([
      [`${F}#Counter.static.<init>`, 'static-init', 16],
      [`${F}#Lazy.constructor`, 'constructor', 39],
    ]);
  });

  test('library leaves', () => {
    expect(r.libraryCalls.map((e) => [e.from, e.to])).toEqual([
      [`${F}#Lazy.constructor`, 'lib:globals#Map'],
      [`${F}#tag`, 'lib:globals#ReadonlyArray.join'],
    ]);
  });
});

describe('function values (calls-callbacks)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-callbacks'), catalogs: [] })));
  const C = 'src/cb.ts';

  test('callbacks, stored and returned functions, bind/call, IIFE, parameter flow, generators', () => {
    expect(edges(r)).toEqual([
      [`${C}#View.handle`, `${C}#log`, `${C}:29:5`, 'direct'],
      [`${C}#View.onClick`, `${C}#log`, `${C}:27:25`, 'direct'],
      [`${C}#View.wire`, `${C}#Emitter.on`, `${C}:32:7`, 'method'],
      [`${C}#View.wire`, `${C}#Emitter.on`, `${C}:33:7`, 'method'],
      [`${C}#View.wire`, `${C}#View.handle`, `${C}:32:24`, 'callback'], // e.on('click', this.handle)
      [`${C}#View.wire`, `${C}#View.wire.<anonymous 1>`, `${C}:33:17`, 'callback'], // inline handler
      [`${C}#View.wire.<anonymous 1>`, `${C}#log`, `${C}:33:23`, 'direct'],
      [`${C}#gen`, `${C}#double`, `${C}:38:9`, 'direct'],
      [`${C}#main`, `${C}#View.onClick`, `${C}:50:5`, 'callback'], // arrow stored in a field
      [`${C}#main`, `${C}#double`, `${C}:42:21`, 'callback'], // xs.map(double)
      [`${C}#main`, `${C}#double`, `${C}:44:33`, 'callback'], // .then(double)
      [`${C}#main`, `${C}#double`, `${C}:46:17`, 'callback'], // double.bind
      [`${C}#main`, `${C}#double`, `${C}:46:24`, 'callback'],
      [`${C}#main`, `${C}#double`, `${C}:47:3`, 'callback'], // double.call
      [`${C}#main`, `${C}#double`, `${C}:47:10`, 'callback'],
      [`${C}#main`, `${C}#double`, `${C}:52:19`, 'callback'], // bound(2)
      [`${C}#main`, `${C}#gen`, `${C}:51:25`, 'direct'],
      [`${C}#main`, `${C}#log`, `${C}:43:14`, 'callback'], // setTimeout(log)
      [`${C}#main`, `${C}#main.<anonymous 1>`, `${C}:48:3`, 'direct'], // IIFE
      [`${C}#main`, `${C}#main.<anonymous 2>`, `${C}:52:36`, 'callback'], // relay(() => 3)
      [`${C}#main`, `${C}#makeAdder`, `${C}:45:15`, 'direct'],
      [`${C}#main`, `${C}#makeAdder.<anonymous 1>`, `${C}:52:10`, 'callback'], // add(1): what makeAdder returns
      [`${C}#main`, `${C}#relay`, `${C}:52:30`, 'direct'],
      [`${C}#main.<anonymous 1>`, `${C}#log`, `${C}:48:10`, 'direct'],
      [`${C}#makeAdder`, `${C}#makeAdder.<anonymous 1>`, `${C}:15:10`, 'callback'],
      [`${C}#relay`, `${C}#run`, `${C}:23:10`, 'direct'],
      [`${C}#run`, `${C}#main.<anonymous 2>`, `${C}:19:10`, 'callback'], // f() <- relay(g) <- main's arrow
    ]);
    expect(r.unresolved).toEqual([]);
  });

  test('library leaves name globals and members of lib types', () => {
    expect(r.libraryCalls.map((e) => e.to)).toEqual([
      'lib:globals#Array.push',
      'lib:globals#Array.map',
      'lib:globals#Array.push',
      'lib:globals#Promise.then',
      'lib:globals#PromiseConstructor.resolve',
      'lib:globals#setTimeout',
    ]);
  });
});

describe('interfaces, abstract methods, structural implementations (calls-interfaces)', () => {
  test('every implementation the receiver type admits', () => {
    const r = analyzeApp({ appDir: fixture('calls-interfaces'), catalogs: [] });
    const S = 'src/shapes.ts';
    expect(edges(r)).toEqual([
      [`${S}#Solid.report`, `${S}#Cube.volume`, `${S}:8:24`, 'hierarchy'],
      [`${S}#total`, `${S}#total.<anonymous 1>`, `${S}:44:24`, 'callback'],
      [`${S}#total.<anonymous 1>`, `${S}#Disk.area`, `${S}:44:40`, 'hierarchy'], // structural only
      [`${S}#total.<anonymous 1>`, `${S}#Square.area`, `${S}:44:40`, 'hierarchy'],
      [`${S}#total.<anonymous 1>`, `${S}#unit.area`, `${S}:44:40`, 'hierarchy'], // object literal typed Shape
    ]);
  });
});

describe('getters implementing an interface member (calls-interface-accessors)', () => {
  test("a read runs the classes' and literals' getters, not one a literal's value was read from", () => {
    const r = analyzeApp({ appDir: fixture('calls-interface-accessors'), catalogs: [] });
    const S = 'src/stats.ts';
    expect(edges(r)).toEqual([
      [`${S}#show`, `${S}#Live.count`, `${S}:34:12`, 'accessor'], // s.count: a Live
      [`${S}#show`, `${S}#fixed.count`, `${S}:34:12`, 'accessor'], // s.count: the literal's own get
      [`${S}#snapshot`, `${S}#Meter.reading`, `${S}:30:25`, 'accessor'], // meter.reading, read once, here
    ]);
  });
});

describe('getters run by destructuring, and what a read gives (calls-destructured-getters)', () => {
  test('a pattern reading a property runs its getter where the pattern is; a read gives what the getter returns', () => {
    const r = analyzeApp({ appDir: fixture('calls-destructured-getters'), catalogs: [] });
    const T = 'src/tracker.ts';
    expect(edges(r)).toEqual([
      [`${T}#Tracker.onFix`, `${T}#Tracker.onFix.<anonymous 1>`, `${T}:16:12`, 'callback'],
      [`${T}#Tracker.onFix.<anonymous 1>`, `${T}#Tracker.reset`, `${T}:16:23`, 'method'],
      [`${T}#describe`, `${T}#Tracker.label`, `${T}:25:28`, 'accessor'], // the parameter { label }
      [`${T}#renamed`, `${T}#Tracker.position`, `${T}:30:11`, 'accessor'], // { position: at = 0 }
      [`${T}#subscribe`, `${T}#Tracker.onFix`, `${T}:42:16`, 'accessor'], // t.onFix runs the getter
      [`${T}#subscribe`, `${T}#Tracker.onFix.<anonymous 1>`, `${T}:43:3`, 'callback'], // cb(): what it returned
      // ... or, the getter's type being a library's () => void, any function handed out that fits: takeOut(t) returns reset
      [`${T}#subscribe`, `${T}#Tracker.reset`, `${T}:43:3`, 'callback'],
      [`${T}#takeOut`, `${T}#Tracker.reset`, `${T}:37:10`, 'callback'], // return reset: handed out, not run
      [`${T}#where`, `${T}#Tracker.position`, `${T}:21:11`, 'accessor'], // const { position } = t
    ]);
  });
});

describe('imports of every form (calls-imports)', () => {
  test('named, default, namespace, export *, renamed re-exports, path alias, dynamic import, .js/.mjs', () => {
    const r = analyzeApp({ appDir: fixture('calls-imports'), catalogs: [] });
    const M = 'src/main.ts#main';
    expect(edges(r)).toEqual([
      [M, 'src/js/legacy.js#square', 'src/main.ts:10:72', 'direct'],
      [M, 'src/lib/extra.mjs#shout', 'src/main.ts:9:3', 'direct'],
      [M, 'src/lib/math.ts#add', 'src/main.ts:10:10', 'direct'], // export *
      [M, 'src/lib/math.ts#add', 'src/main.ts:10:34', 'direct'], // export { add as plus }
      [M, 'src/lib/math.ts#add', 'src/main.ts:10:51', 'direct'], // namespace
      [M, 'src/lib/math.ts#add', 'src/main.ts:10:86', 'direct'], // await import()
      [M, 'src/lib/math.ts#neg', 'src/main.ts:10:22', 'direct'], // export { default as negate }
      [M, 'src/lib/math.ts#neg', 'src/main.ts:10:63', 'direct'], // '@lib/math.js' path alias
    ]);
    expect(r.unresolved).toEqual([
      { from: 'src/lib/extra.mjs#shout', site: 'src/lib/extra.mjs:2:12', text: 's.toUpperCase', reason: 'callee has no symbol (untyped or any)' },
    ]);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('JSX (calls-jsx)', () => {
  test('function components and class components (constructor and render)', () => {
    const r = analyzeApp({ appDir: fixture('calls-jsx'), catalogs: [] });
    expect(edges(r)).toEqual([
      ['src/app.tsx#App', 'src/app.tsx#Panel.constructor', 'src/app.tsx:16:8', 'jsx'],
      ['src/app.tsx#App', 'src/app.tsx#Panel.render', 'src/app.tsx:16:8', 'jsx'],
      ['src/app.tsx#App', 'src/app.tsx#Title', 'src/app.tsx:15:8', 'jsx'],
    ]);
  });
});

describe('callbacks passed as JSX props (calls-jsx-props)', () => {
  const P = 'src/props.tsx';
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-jsx-props'), catalogs: [] })));

  test('a prop called in the component, destructured, through the props object or read into a variable, runs what each element passes', () => {
    expect(edges(r)).toEqual([
      [`${P}#Counter`, `${P}#twice`, `${P}:8:20`, 'callback'], // props.onChange(1); <Counter onChange={twice} />
      [`${P}#Picker`, `${P}#Screen.<anonymous 1>`, `${P}:3:3`, 'callback'], // <Picker onPick={(n) => save(n + 1)} />
      [`${P}#Picker`, `${P}#save`, `${P}:3:3`, 'callback'], // <Picker onPick={save} />
      [`${P}#Screen`, `${P}#Counter`, `${P}:35:8`, 'jsx'],
      [`${P}#Screen`, `${P}#Picker`, `${P}:33:8`, 'jsx'],
      [`${P}#Screen`, `${P}#Picker`, `${P}:34:8`, 'jsx'],
      [`${P}#Screen`, `${P}#Screen.<anonymous 1>`, `${P}:34:23`, 'callback'],
      [`${P}#Screen`, `${P}#Stepper`, `${P}:36:8`, 'jsx'],
      [`${P}#Screen`, `${P}#save`, `${P}:33:23`, 'callback'],
      [`${P}#Screen`, `${P}#tick`, `${P}:36:24`, 'callback'],
      [`${P}#Screen`, `${P}#twice`, `${P}:35:26`, 'callback'],
      [`${P}#Screen.<anonymous 1>`, `${P}#save`, `${P}:34:30`, 'direct'],
      [`${P}#Stepper`, `${P}#tick`, `${P}:22:3`, 'callback'], // const step = props.onStep; step()
    ]);
  });

  test('every element is known, so no site stays unresolved', () => {
    expect(r.unresolved).toEqual([]);
  });
});
