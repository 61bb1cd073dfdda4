import { ROLE_COLOURS, byFile, type CallGraphView } from './model.js';

/** Above this many methods the page opens with every file collapsed into one box. */
const EXPANDED_LIMIT = 150;

/**
 * A single self-contained HTML page (no network, no external script) that draws the call
 * graph as SVG with a layered layout; each file is a group that a click collapses or expands.
 */
export function toHtml(view: CallGraphView): string {
  const data = {
    title: view.title,
    files: byFile(view).map(([file, nodes]) => ({ file, nodes: nodes.map((n) => ({ id: n.id, label: n.label, role: n.role })) })),
    edges: view.edges,
    colours: ROLE_COLOURS,
    expanded: view.nodes.length <= EXPANDED_LIMIT,
  };
  // `<` escaped so that no string in the data can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(view.title)}</title>
<style>
  body { font: 13px/1.4 system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }
  aside { width: 280px; padding: 12px; border-right: 1px solid #ccc; overflow: auto; }
  main { flex: 1; overflow: auto; }
  .legend span { display: inline-block; width: 12px; height: 12px; margin-right: 6px; border: 1px solid; vertical-align: middle; }
  .file { cursor: pointer; user-select: none; }
  .file:hover { text-decoration: underline; }
  svg text { font: 12px system-ui, sans-serif; }
  svg g.node { cursor: pointer; }
</style>
</head>
<body>
<aside>
  <h3 id="title"></h3>
  <div class="legend" id="legend"></div>
  <p>Click a file (here or in the graph) to collapse or expand it.</p>
  <div id="files"></div>
</aside>
<main><svg id="graph" xmlns="http://www.w3.org/2000/svg"></svg></main>
<script id="data" type="application/json">${json}</script>
<script>
${RENDERER}
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Runs in the browser: layered layout (longest path, barycentre ordering) and SVG drawing. */
const RENDERER = String.raw`
const data = JSON.parse(document.getElementById('data').textContent);
const collapsed = new Set(data.expanded ? [] : data.files.map((f) => f.file));
const NS = 'http://www.w3.org/2000/svg';
document.getElementById('title').textContent = data.title;
for (const [role, c] of Object.entries(data.colours)) {
  const row = document.createElement('div');
  row.innerHTML = '<span></span>';
  row.firstChild.style.background = c.fill;
  row.firstChild.style.borderColor = c.stroke;
  row.append(c.text);
  document.getElementById('legend').append(row);
}
function toggle(file) { collapsed.has(file) ? collapsed.delete(file) : collapsed.add(file); draw(); }
function visibleGraph() {
  const nodes = new Map();
  const owner = new Map();
  for (const f of data.files) {
    if (collapsed.has(f.file)) {
      const roles = new Set(f.nodes.map((n) => n.role));
      const role = ['migration-point', 'pinned', 'clone', 'device'].find((r) => roles.has(r));
      nodes.set('file:' + f.file, { id: 'file:' + f.file, label: f.file + ' (' + f.nodes.length + ')', role, file: f.file, group: true });
      for (const n of f.nodes) owner.set(n.id, 'file:' + f.file);
    } else {
      for (const n of f.nodes) { nodes.set(n.id, { ...n, file: f.file }); owner.set(n.id, n.id); }
    }
  }
  const edges = new Map();
  for (const e of data.edges) {
    const from = owner.get(e.from), to = owner.get(e.to);
    if (from && to && from !== to) edges.set(from + '\n' + to, { from, to, kind: e.kind });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
function layout(g) {
  const out = new Map(g.nodes.map((n) => [n.id, []]));
  const into = new Map(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) { out.get(e.from).push(e.to); into.get(e.to).push(e.from); }
  // Longest-path layering on the DAG left after ignoring back edges of a depth-first search.
  // With a stack of its own: a call chain thousands of methods long must not exhaust the browser's.
  const state = new Map(), back = new Set(), order = [];
  const visit = (start) => {
    const stack = [[start, 0]];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = out.get(top[0])[top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
      } else if (state.get(next) === 1) back.add(top[0] + '\n' + next);
      else if (!state.has(next)) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  };
  for (const n of g.nodes) if (!state.has(n.id)) visit(n.id);
  const layer = new Map();
  for (const id of order.reverse()) {
    const preds = into.get(id).filter((p) => !back.has(p + '\n' + id));
    layer.set(id, preds.length ? preds.reduce((m, p) => Math.max(m, (layer.get(p) ?? 0) + 1), 0) : 0);
  }
  const layers = [];
  for (const n of g.nodes) (layers[layer.get(n.id)] ??= []).push(n.id);
  const pos = new Map();
  layers.forEach((ids) => ids.forEach((id, i) => pos.set(id, i)));
  for (let sweep = 0; sweep < 4; sweep++) {
    for (const ids of layers) {
      const bary = (id) => { const ns = [...into.get(id), ...out.get(id)].map((p) => pos.get(p)); return ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : pos.get(id); };
      ids.sort((a, b) => bary(a) - bary(b));
      ids.forEach((id, i) => pos.set(id, i));
    }
  }
  return { layers, layer, pos };
}
function draw() {
  const g = visibleGraph();
  const { layers, layer, pos } = layout(g);
  const W = 230, H = 30, GX = 70, GY = 14;
  const xy = (id) => ({ x: 20 + layer.get(id) * (W + GX), y: 20 + pos.get(id) * (H + GY) });
  const svg = document.getElementById('graph');
  svg.replaceChildren();
  const rows = Math.max(1, ...layers.map((l) => (l ? l.length : 0)));
  svg.setAttribute('width', 40 + layers.length * (W + GX));
  svg.setAttribute('height', 40 + rows * (H + GY));
  const el = (name, attrs, parent) => { const e = document.createElementNS(NS, name); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); parent.append(e); return e; };
  for (const e of g.edges) {
    const a = xy(e.from), b = xy(e.to);
    const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2;
    el('path', { d: 'M' + x1 + ',' + y1 + ' C' + (x1 + 40) + ',' + y1 + ' ' + (x2 - 40) + ',' + y2 + ' ' + x2 + ',' + y2, fill: 'none', stroke: '#90a4ae', 'stroke-dasharray': e.kind === 'direct' ? '' : '4 3', class: 'edge' }, svg);
  }
  for (const n of g.nodes) {
    const { x, y } = xy(n.id);
    const c = data.colours[n.role];
    const group = el('g', { class: 'node', 'data-id': n.id, 'data-role': n.role }, svg);
    el('title', {}, group).textContent = (n.group ? n.file : n.id) + ': ' + c.text;
    el('rect', { x, y, width: W, height: H, rx: 6, fill: c.fill, stroke: c.stroke, 'stroke-width': n.group ? 2.5 : 1.2 }, group);
    const label = n.label.length > 34 ? n.label.slice(0, 33) + '…' : n.label;
    el('text', { x: x + 8, y: y + H / 2 + 4 }, group).textContent = label;
    group.addEventListener('click', () => toggle(n.file));
  }
  const files = document.getElementById('files');
  files.replaceChildren(...data.files.map((f) => {
    const d = document.createElement('div');
    d.className = 'file';
    d.textContent = (collapsed.has(f.file) ? '▸ ' : '▾ ') + f.file + ' (' + f.nodes.length + ')';
    d.addEventListener('click', () => toggle(f.file));
    return d;
  }));
  document.body.dataset.nodes = String(g.nodes.length);
  document.body.dataset.edges = String(g.edges.length);
}
draw();
`;
