/**
 * `analyze --explain <id>` as data: a method's verdict and every reason spelled out, the
 * reaches-pinned chain hop by hop (call site and edge kind) down to the device API use, and the
 * unresolved-call chain down to the call that could not be resolved.
 * Pure: reads only the analysis result.
 */
import type { AnalysisResult, MethodInfo, Reason, StateBinding } from './types.js';

export interface Explanation {
  id: string;
  /** 'pinned' | 'not a candidate' | 'candidate' | 'unknown method'. */
  verdict: string;
  /** Readable lines, in order; the CLI prints them as they are. */
  lines: string[];
}

export function explainMethod(analysis: AnalysisResult, id: string): Explanation {
  const byId = new Map(analysis.methods.map((m) => [m.id, m]));
  const m = byId.get(id);
  if (!m) return { id, verdict: 'unknown method', lines: [`${id}: no such method in the analysed app`] };
  const verdict = m.pinned ? 'pinned' : m.candidate ? 'candidate' : 'not a candidate';
  const lines = [`${id} (${m.file}:${m.line}): ${verdict}`];
  if (m.candidate) lines.push('  may migrate: not pinned, reaches no pinned method, its boundary is serializable');
  if (m.candidate && m.state?.length) lines.push(`  ${stateLine(m.state)}`);
  for (const r of m.reasons) lines.push(...explainReason(r, analysis, byId));
  if (m.nativeState) lines.push(`  native-state group: ${m.nativeState.message}`);
  const unresolved = analysis.unresolved.filter((u) => u.from === id);
  for (const u of unresolved) lines.push(`  note: unresolved call ${u.text} at ${u.site}: ${u.reason}`);
  return { id, verdict, lines };
}

/**
 * What a migrated call carries besides its arguments and `this`, in one line:
 * `state: reads src/a.ts#table (src/a.ts:3), writes src/a.ts#count (src/a.ts:1)`.
 */
export function stateLine(state: StateBinding[]): string {
  if (!state.length) return 'state: none';
  const groups: [StateBinding['access'], string][] = [
    ['read', 'reads'],
    ['write', 'writes'],
    ['read-write', 'reads and writes'],
  ];
  const name = (b: StateBinding): string => (b.scope === 'module' ? `${b.file}#${b.name}` : `captured '${b.name}'`);
  const parts = groups
    .map(([access, verb]) => [verb, state.filter((b) => b.access === access)] as const)
    .filter(([, bs]) => bs.length)
    .map(([verb, bs]) => `${verb} ${bs.map((b) => `${name(b)} (${b.file}:${b.line})`).join(', ')}`);
  return `state: ${parts.join('; ')}`;
}

/**
 * A reaches-pinned path that a reason holds only the start of (legality/reaches.ts, REASON_HOPS) goes on
 * in the reason of the method where it stops, and so on down to the pinned method.
 */
function wholePath(r: Reason, byId: Map<string, MethodInfo>): NonNullable<Reason['path']> {
  const path = [...r.path!];
  for (let more = r; r.rule === 'reaches-pinned'; ) {
    const at = byId.get(path[path.length - 1]!.to);
    const found = at?.reasons.find((x) => x.rule === 'reaches-pinned' && x.path?.length);
    if (!found || found === more) break;
    more = found;
    path.push(...found.path!);
  }
  return path;
}

function explainReason(r: Reason, analysis: AnalysisResult, byId: Map<string, MethodInfo>): string[] {
  if (r.rule === 'state' && r.path?.length) return [`  ${r.rule}: ${r.message}`, ...r.path.map((e) => `    ${e.from} -> ${e.to}  [${e.kind}] at ${e.site}`)];
  if (!r.path?.length || (r.rule !== 'reaches-pinned' && r.rule !== 'unresolved-call')) return [`  ${r.rule}: ${r.message}`];
  const path = wholePath(r, byId);
  const end = path[path.length - 1]!.to;
  const out = [`  ${r.rule}: ${path.length} call(s) down to ${r.rule === 'reaches-pinned' ? 'the device' : 'a call the analysis could not resolve'}`];
  for (const e of path) out.push(`    ${e.from} -> ${e.to}  [${e.kind}] at ${e.site}`);
  if (r.rule === 'unresolved-call') {
    const u = analysis.unresolved.find((x) => x.from === end);
    if (u) out.push(`    ${end} calls ${u.text} at ${u.site}, not resolved: ${u.reason}`);
    return out;
  }
  const target = byId.get(end);
  for (const p of target?.reasons ?? []) {
    if (p.rule === 'pinned' || p.rule === 'user-pin') out.push(`    ${target!.id} is pinned: ${p.message}${p.site ? ` (${p.site})` : ''}`);
  }
  return out;
}
