import type { AnalysisResult } from '../../src/analysis/types.js';
import { callGraphView } from '../../src/graph/model.js';
import { toDot, toMermaid } from '../../src/graph/text.js';
import { toHtml } from '../../src/graph/html.js';

const method = (id: string, pinned = false, candidate = !pinned) => ({ id, file: id.split('#')[0]!, line: 1, pinned, candidate, reasons: [] });
const analysis: AnalysisResult = {
  methods: [method('src/a.ts#main', false, false), method('src/a.ts#show', true), method('src/b.ts#scan'), method('src/b.ts#hash'), method('src/b.ts#idle')],
  edges: [
    { from: 'src/a.ts#main', to: 'src/b.ts#scan', site: 'src/a.ts:2:3', kind: 'direct' },
    { from: 'src/a.ts#main', to: 'src/a.ts#show', site: 'src/a.ts:3:3', kind: 'direct' },
    { from: 'src/b.ts#scan', to: 'src/b.ts#hash', site: 'src/b.ts:2:3', kind: 'callback' },
    { from: 'src/b.ts#scan', to: 'src/b.ts#hash', site: 'src/b.ts:3:3', kind: 'callback' },
  ],
  unresolved: [],
  diagnostics: [],
  sources: [],
  reach: { components: [], calls: [] },
  libraryCalls: [],
  pinnedLibrary: [],
  groups: [],
  build: ".",
};

describe('call graph view', () => {
  const view = callGraphView(analysis, ['src/b.ts#scan'], 'demo <wifi>');

  it('colours each method by where it runs under the partition', () => {
    expect(view.nodes.map((n) => [n.label, n.role])).toEqual([
      ['main', 'device'], ['show', 'pinned'], ['scan', 'migration-point'], ['hash', 'clone'], ['idle', 'device'],
    ]);
    expect(view.edges).toHaveLength(3); // two call sites of one callee are one arrow
  });

  it('writes DOT with one cluster per file', () => {
    const dot = toDot(view);
    expect(dot).toContain('subgraph cluster_0 {\n    label="src/a.ts";');
    expect(dot).toContain('n2 [label="scan", fillcolor="#efd9f7", color="#7b1fa2", tooltip="src/b.ts#scan: migration point"];');
    expect(dot).toContain('  n0 -> n2;\n');
    expect(dot).toContain('  n2 -> n3 [style=dashed, tooltip="callback"];');
  });

  it('writes Mermaid with one subgraph per file and escaped labels', () => {
    const mermaid = toMermaid(callGraphView({ ...analysis, methods: [method('src/a.ts#main.<anonymous 1>')], edges: [] }, [], 't'));
    expect(mermaid).toBe([
      'flowchart LR',
      '  subgraph f0["src/a.ts"]',
      '    n0["main.#lt;anonymous 1#gt;"]:::device',
      '  end',
      '  classDef pinned fill:#fde2e1,stroke:#c62828',
      '  classDef migrationpoint fill:#efd9f7,stroke:#7b1fa2',
      '  classDef clone fill:#dcedc8,stroke:#33691e',
      '  classDef device fill:#eceff1,stroke:#546e7a',
      '',
    ].join('\n'));
  });

  it('writes a self-contained HTML page whose data cannot close its script', () => {
    const html = toHtml(callGraphView({ ...analysis, methods: [method('src/a.ts#x</script><b>')] }, [], 'demo <wifi>'));
    expect(html).toContain('<title>demo &lt;wifi&gt;</title>');
    expect(html).not.toMatch(/<\/script><b>/);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });

  it("lays out a call chain 50,000 methods long without exhausting the browser's stack", () => {
    const html = toHtml(callGraphView(analysis, [], 'demo'));
    const source = /\nfunction layout\(g\) \{[\s\S]*?\n\}\n/.exec(html)![0];
    const layout = new Function(`${source}; return layout;`)() as (g: unknown) => { layers: string[][] };
    const n = 50_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `m${i}` }));
    const edges = Array.from({ length: n - 1 }, (_, i) => ({ from: `m${i}`, to: `m${i + 1}` }));
    edges.push({ from: `m${n - 1}`, to: 'm0' }); // and a cycle back
    const { layers } = layout({ nodes, edges });
    expect(layers).toHaveLength(n);
    expect(layers[n - 1]).toEqual([`m${n - 1}`]);
  });
});
