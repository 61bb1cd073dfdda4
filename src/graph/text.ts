import { ROLE_COLOURS, byFile, type CallGraphView } from './model.js';

/** Graphviz DOT: one cluster per file, nodes filled by role. */
export function toDot(view: CallGraphView): string {
  const index = new Map(view.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = [`digraph clonecloud {`, `  label=${quote(view.title)};`, '  rankdir=LR;', '  node [shape=box, style="rounded,filled", fontname="Helvetica"];'];
  byFile(view).forEach(([file, nodes], i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${quote(file)};`);
    for (const n of nodes) {
      const c = ROLE_COLOURS[n.role];
      lines.push(`    ${index.get(n.id)} [label=${quote(n.label)}, fillcolor=${quote(c.fill)}, color=${quote(c.stroke)}, tooltip=${quote(`${n.id}: ${c.text}`)}];`);
    }
    lines.push('  }');
  });
  for (const e of view.edges) lines.push(`  ${index.get(e.from)} -> ${index.get(e.to)}${e.kind === 'direct' ? '' : ` [style=dashed, tooltip=${quote(e.kind)}]`};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Mermaid flowchart: one subgraph per file (collapsible in most Mermaid viewers). */
export function toMermaid(view: CallGraphView): string {
  const index = new Map(view.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  byFile(view).forEach(([file, nodes], i) => {
    lines.push(`  subgraph f${i}[${mermaidText(file)}]`);
    for (const n of nodes) lines.push(`    ${index.get(n.id)}[${mermaidText(n.label)}]:::${n.role.replace('-', '')}`);
    lines.push('  end');
  });
  for (const e of view.edges) lines.push(`  ${index.get(e.from)} ${e.kind === 'direct' ? '-->' : '-.->'} ${index.get(e.to)}`);
  for (const [role, c] of Object.entries(ROLE_COLOURS)) lines.push(`  classDef ${role.replace('-', '')} fill:${c.fill},stroke:${c.stroke}`);
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function mermaidText(text: string): string {
  return `"${text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;
}
