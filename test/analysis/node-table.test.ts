import { ts } from '../../src/typescript.cjs';
import { NodeTable } from '../../src/analysis/node-table.js';

const parse = (text: string): ts.SourceFile => ts.createSourceFile('a.ts', text, ts.ScriptTarget.ES2022, true);

describe('a table of values by node (node-table.ts)', () => {
  test('keeps one value per node, across pages, and nothing for nodes never set', () => {
    const sf = parse(Array.from({ length: 3000 }, (_, i) => `let v${i} = ${i};`).join('\n'));
    const nodes: ts.Node[] = [];
    const visit = (n: ts.Node): void => {
      nodes.push(n);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    expect(nodes.length).toBeGreaterThan(4096 * 2); // ids over several pages
    const t = new NodeTable<number | null>();
    // Every other node, last first: pages are made out of order.
    for (let i = nodes.length - 1; i >= 0; i -= 2) t.set(nodes[i]!, i % 3 === 0 ? null : i);
    const want = nodes.map((_, i) => ((nodes.length - 1 - i) % 2 === 0 ? (i % 3 === 0 ? null : i) : undefined));
    expect(nodes.map((n) => t.get(n))).toEqual(want);
    expect(new NodeTable<number>().get(sf)).toBeUndefined();
  });
});
