/**
 * Why did the static call graph miss a dynamic edge? A best guess from the caller's syntax,
 * the analyzer's own unresolved list and the edges it did find at the same sites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';

export async function classifier(repo, appDir, analysis) {
  const { methodIdsOf, isMethodNode } = await import(join(repo, 'dist', 'ids', 'methodIds.js'));
  const methodIds = new Set(analysis.methods.map((m) => m.id));
  const files = new Map();
  const nodeOf = (id) => {
    const file = id.slice(0, id.indexOf('#'));
    if (!files.has(file)) {
      let entries = new Map();
      let sf;
      try {
        const text = readFileSync(join(appDir, file), 'utf8');
        const kind = /\.[cm]?tsx$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
        sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
        entries = new Map(methodIdsOf(sf, file).map((e) => [e.id, e.node]));
      } catch {
        // unreadable: no syntax to look at
      }
      files.set(file, { sf, entries });
    }
    const f = files.get(file);
    return { sf: f.sf, node: f.entries.get(id) };
  };
  const unresolvedAt = new Map();
  for (const u of analysis.unresolved) unresolvedAt.set(`${u.from}\0${u.site}`, u);
  const edgesBySite = new Map();
  for (const e of analysis.edges) {
    const k = `${e.from}\0${e.site}`;
    if (!edgesBySite.has(k)) edgesBySite.set(k, []);
    edgesBySite.get(k).push(e.to);
  }
  const libBy = new Map();
  for (const e of analysis.libraryCalls) {
    if (!libBy.has(e.from)) libBy.set(e.from, []);
    libBy.get(e.from).push(e.to);
  }
  const out = new Map();
  for (const e of analysis.edges) {
    if (!out.has(e.from)) out.set(e.from, new Set());
    out.get(e.from).add(e.to);
  }
  /** A static path from -> ... -> to of at most `depth` edges (the recorder skipped a method in between). */
  const path = (from, to, depth = 3) => {
    let frontier = [[from]];
    const seen = new Set([from]);
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (const p of frontier) {
        for (const n of out.get(p.at(-1)) ?? []) {
          if (n === to) return [...p, n];
          if (!seen.has(n)) {
            seen.add(n);
            next.push([...p, n]);
          }
        }
      }
      frontier = next;
    }
    return undefined;
  };

  return function classify(from, to) {
    if (!methodIds.has(from) || !methodIds.has(to)) {
      const which = !methodIds.has(from) ? from : to;
      const file = which.slice(0, which.indexOf('#'));
      const near = analysis.methods.filter((m) => m.file === file).map((m) => m.id);
      return { kind: 'id mismatch', detail: `the recorder names '${which}', the analyzer has no such method${near.length ? ` (it has ${near.slice(0, 4).join(', ')}${near.length > 4 ? ', ...' : ''})` : ' (nor the file)'}` };
    }
    const { sf, node } = nodeOf(from);
    if (!sf || !node) return { kind: 'unknown', detail: 'caller not found in its source' };
    const toName = to.slice(to.indexOf('#') + 1);
    const last = toName.split('.').at(-1);
    const cls = toName.split('.')[0];
    const sites = [];
    const props = [];
    const visit = (n) => {
      if (n !== node && isMethodNode(n)) return; // a nested function is its own caller
      if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n) || ts.isDecorator(n)) {
        const callee = ts.isTaggedTemplateExpression(n) ? n.tag : ts.isDecorator(n) ? n.expression : n.expression;
        const text = callee.getText(sf);
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : ts.isElementAccessExpression(callee) ? '[]' : text;
        const matches = last === 'constructor' ? (ts.isNewExpression(n) && name === cls) || callee.kind === ts.SyntaxKind.SuperKeyword : name === last;
        if (matches || name === '[]' || /\.(call|apply|bind)$/.test(text)) sites.push({ n, text, name, matches });
      } else if (ts.isPropertyAccessExpression(n) && n.name.text === last && !(ts.isCallExpression(n.parent) && n.parent.expression === n)) {
        props.push(n);
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(node, visit);
    const at = (n) => {
      const p = sf.getLineAndCharacterOfPosition(n.getStart(sf));
      return `${sf.fileName}:${p.line + 1}:${p.character + 1}`;
    };
    const via = path(from, to);
    const named = sites.filter((s) => s.matches);
    if (named.length) {
      const s = named[0];
      const site = at(s.n);
      const u = unresolvedAt.get(`${from}\0${site}`);
      if (u) return { kind: 'unresolved call', site, detail: `${s.text}(...): ${u.reason}` };
      const found = edgesBySite.get(`${from}\0${site}`);
      if (found) return { kind: 'resolved to other targets', site, detail: `${s.text}(...) resolved to ${found.join(', ')} only (missing override/implementation?)` };
      if (via) return { kind: 'indirect', site, detail: `statically reachable through ${via.join(' -> ')} (an intermediate call was not recorded)` };
      return { kind: 'call site not resolved, not reported', site, detail: `${s.text}(...) has neither an edge nor an unresolved entry` };
    }
    const dyn = sites.filter((s) => s.name === '[]' || /\.(call|apply|bind)$/.test(s.text));
    if (props.length) {
      const site = at(props[0]);
      return { kind: 'accessor or property read', site, detail: `reads/writes '.${last}' (getter/setter, or a function value read there)` };
    }
    if (via) return { kind: 'indirect', detail: `statically reachable through ${via.join(' -> ')} (an intermediate call was not recorded)` };
    if (dyn.length) {
      const site = at(dyn[0].n);
      const u = unresolvedAt.get(`${from}\0${site}`);
      return { kind: 'dynamic property access / reflection', site, detail: `${dyn[0].text}(...)${u ? `: ${u.reason}` : ''}` };
    }
    // The callee was reached under another name: a site of the caller without any app edge is the likely one.
    const own = analysis.unresolved.filter((u) => u.from === from);
    if (own.length) {
      const u = own[0];
      return { kind: 'unresolved call', site: u.site, detail: `${u.text}(...): ${u.reason}${own.length > 1 ? ` (+${own.length - 1} more unresolved in the caller)` : ''}` };
    }
    const silent = sites.filter((s) => !edgesBySite.has(`${from}\0${at(s.n)}`));
    const bare = [];
    const collect = (n) => {
      if (n !== node && isMethodNode(n)) return;
      if (ts.isCallExpression(n) && !edgesBySite.has(`${from}\0${at(n)}`) && !ts.isIdentifier(n.expression)) bare.push(n);
      ts.forEachChild(n, collect);
    };
    ts.forEachChild(node, collect);
    void silent;
    const libs = libBy.get(from) ?? [];
    if (bare.length && !libs.length)
      return { kind: 'call site not resolved, not reported', site: at(bare[0]), detail: `${bare[0].expression.getText(sf)}(...) has no app edge and no unresolved entry` };
    if (libs.length)
      return { kind: 'callback through a library', detail: `no call site names ${last}; the caller calls ${libs.slice(0, 4).join(', ')}${libs.length > 4 ? ', ...' : ''}, which may call back` };
    if (/<anonymous/.test(last) || /\[Symbol\./.test(last) || ['toString', 'valueOf', 'toJSON', 'next'].includes(last))
      return { kind: 'implicit call', detail: `no call site names ${last} (iterator protocol, coercion or a function value)` };
    return { kind: 'unknown', detail: `no call site in the caller names ${last}` };
  };
}
