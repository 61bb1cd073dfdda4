/**
 * The run-time's transform of one of the app's modules, as it loads, on either side:
 * - both: the module registers its classes and top-level functions (so that instances and code
 *   values cross by name) and gives access to the bindings migrated calls carry;
 * - device: each migration point starts with a wrapper that may send the call to the clone;
 * - clone: each migration point gets an entry through which the server calls it.
 * Only insertions, and no newlines, so the module's lines (and stack traces) keep their numbers.
 */
import { ts } from '../../typescript.cjs';
import { afterDirectives, insertAll, shebangEnd } from '../../ids/insertions.js';
import { idsOf, isMethodNode } from '../../ids/methodIds.js';
import { moduleIds, parseSource } from '../../ids/sourceIds.js';
import { moduleKeyOf } from './moduleKey.js';
import * as emit from './emit.js';
import { locate } from './forms.js';
import { bindingNames, mayUseThis } from './scope.js';

export interface TransformPlan {
  mode: 'device' | 'clone';
  /** The manifest's migration points, with the names the analysis found each one captures. */
  points: { id: string; captured: string[] }[];
  /** Module bindings that migrated calls carry, by declaring source file. */
  bindings: { file: string; name: string }[];
}

export interface Transformed {
  code: string;
  /** The module's key: the source file it was compiled from (relative to the app), else its own path. */
  moduleKey: string;
}

interface Edit {
  pos: number;
  text: string;
  /** At one position: closings (0) before statements appended (1) before openings (2). */
  rank: number;
  seq: number;
}

/** The transformed code, or undefined when the module is not the app's (left as it is). */
export function transformModule(file: string, text: string, appDir: string, plan: TransformPlan): Transformed | undefined {
  const moduleKey = moduleKeyOf(file, text, appDir);
  if (!moduleKey) return undefined;
  const found = moduleIds(file, text, appDir);
  const sf = found?.sf ?? parseSource(file, text);
  const ids = found?.ids ?? new Map<ts.Node, string>();
  const edits: Edit[] = [];
  const add = (pos: number, insert: string, rank: number) => edits.push({ pos, text: insert, rank, seq: edits.length });
  const classKeys = classKeysOf(sf, moduleKey);

  // Classes register as they are defined (a nested one each time its scope runs).
  for (const [cls, key] of classKeys) {
    if (ts.isClassDeclaration(cls)) {
      // `export default class {}` binds no name to pass: a static block registers it as it is defined.
      if (cls.name) add(cls.end, `;__cc$m.cls(${JSON.stringify(key)},${cls.name.text});`, 1);
      else if (hasDefaultModifier(cls)) add(cls.members.pos, `static{__cc$m.cls(${JSON.stringify(key)},this)}`, 2);
    } else if (ts.isVariableDeclaration(cls.parent) && ts.isIdentifier(cls.parent.name) && ts.isVariableDeclarationList(cls.parent.parent)) {
      add(cls.parent.parent.parent.end, `;__cc$m.cls(${JSON.stringify(key)},${cls.parent.name.text});`, 1);
    } else {
      add(cls.getStart(sf), `__cc$m.cls(${JSON.stringify(key)},`, 2);
      add(cls.end, ')', 0);
    }
  }

  const top = topLevelBindings(sf);
  const wanted = new Set(plan.bindings.filter((b) => b.file === moduleKey).map((b) => b.name));
  const bound = [...top.variables].filter(([name]) => wanted.has(name)).map(([name, writable]) => ({ name, writable })).sort((a, b) => (a.name < b.name ? -1 : 1));

  const pointsHere = new Map<string, ts.FunctionLikeDeclaration[]>();
  const planned = new Map(plan.points.map((p) => [p.id, p]));
  for (const [node, id] of ids) if (planned.has(id) && isMethodNode(node)) (pointsHere.get(id) ?? pointsHere.set(id, []).get(id)!).push(node);

  const variables: { variable: string; id: string }[] = [];
  const notes: string[] = [];
  const appended: string[] = [];
  for (const [id, nodes] of [...pointsHere].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const located = nodes.map((n) => locate(n, sf, planned.get(id)!.captured));
    const bad = located.find((l): l is { unsupported: string } => 'unsupported' in l);
    if (bad) {
      if (plan.mode === 'device') notes.push(emit.unsupported(id, bad.unsupported));
      continue;
    }
    const good = located as Extract<(typeof located)[number], { form: unknown }>[];
    if (plan.mode === 'clone') {
      const first = good[0]!;
      const key = first.form.kind === 'member' ? classKeys.get(first.form.cls) : undefined;
      appended.push(emit.entry(id, first, key, nodes.map((node) => ({ node, text: ownText(node, sf) }))));
      continue;
    }
    const variable = `__cc$p${variables.length}`;
    variables.push({ variable, id });
    nodes.forEach((node, k) => {
      const l = good[k]!;
      const captured = l.form.kind === 'lift' ? l.form.captures.names : [];
      // A class member's `this` stays (the clone may dispatch on it); other code sends it only if it may read it.
      const self = l.form.kind !== 'member' && !mayUseThis(node) ? 'undefined' : 'this';
      const body = node.body!;
      const code = emit.wrapper(variable, l, self, captured);
      if (ts.isBlock(body)) {
        const at = afterDirectives(body.statements, body.getStart(sf) + 1);
        add(at.pos, `${at.semi}${code}`, 2);
      }
      else {
        add(body.getStart(sf), `{${code}return `, 2);
        add(body.end, '}', 0);
      }
    });
  }

  const functions = [...top.functions].sort().map(emit.registerFunction).join('');
  for (const f of top.constFunctions) add(f.end, `;${emit.registerFunction(f.name)}`, 1);
  const start = afterDirectives(sf.statements, shebangEnd(sf.text));
  add(start.pos, `${start.semi}${emit.header(moduleKey, variables)}${emit.bindings(bound)}${functions}${notes.join('')}`, 2);
  // Before the trailing `//# sourceMappingURL=`, which must stay last.
  const last = sf.statements[sf.statements.length - 1];
  if (appended.length) add(last ? last.end : start.pos, `;${appended.join('')}`, 1);
  return { code: apply(sf.text, edits), moduleKey };
}

/** Each class of the module and the key it registers under (its qualified name, unique in the module). */
function classKeysOf(sf: ts.SourceFile, moduleKey: string): Map<ts.ClassLikeDeclaration, string> {
  const out = new Map<ts.ClassLikeDeclaration, string>();
  for (const [cls, id] of idsOf(sf, moduleKey).classes) out.set(cls, id.slice(id.indexOf('#') + 1));
  return out;
}

/** Top-level variables (name -> whether assignable) and function declarations of the module. */
function topLevelBindings(sf: ts.SourceFile): { variables: Map<string, boolean>; functions: Set<string>; constFunctions: { name: string; end: number }[] } {
  const variables = new Map<string, boolean>();
  const functions = new Set<string>();
  const constFunctions: { name: string; end: number }[] = [];
  for (const s of sf.statements) {
    if (ts.isVariableStatement(s)) {
      const writable = !(s.declarationList.flags & ts.NodeFlags.Const);
      for (const d of s.declarationList.declarations) {
        for (const n of bindingNames(d.name)) variables.set(n, writable);
        // `const f = () => ...` is code bound for good, like a function declaration (registered after its statement runs).
        if (!writable && ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) constFunctions.push({ name: d.name.text, end: s.end });
      }
    } else if (ts.isFunctionDeclaration(s) && s.name && s.body) functions.add(s.name.text);
  }
  return { variables, functions, constFunctions };
}

/** A function's text as written, without `export`/`default` (which only make sense where it stands). */
function ownText(node: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  const mods = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  const dropped = mods.filter((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword);
  if (!dropped.length) return sf.text.slice(node.getStart(sf), node.end);
  const isAsync = mods.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  const from = Math.max(...mods.map((m) => m.end));
  return `${isAsync ? 'async ' : ''}${sf.text.slice(from, node.end).trimStart()}`;
}

function hasDefaultModifier(node: ts.ClassDeclaration): boolean {
  return (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

function apply(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.pos - b.pos || a.rank - b.rank || a.seq - b.seq);
  return insertAll(text, edits);
}


