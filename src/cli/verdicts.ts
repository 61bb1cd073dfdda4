import type { AnalysisResult, MethodInfo, Reason } from '../analysis/types.js';

/**
 * Why a method may not be a migration point, as readable lines: its own reasons and, for a
 * method that reaches a pinned one, the device API at the end of the chain.
 */
export function illegalityReasons(analysis: AnalysisResult, id: string): string[] | undefined {
  const methods = new Map(analysis.methods.map((m) => [m.id, m]));
  const method = methods.get(id);
  if (!method) return ['the method no longer exists in the app'];
  if (method.candidate) return undefined;
  return method.reasons.flatMap((reason) => [reason.message, ...pinnedCause(methods, reason)]);
}

/** For a reaches-pinned reason: what pins the method at the end of its call path. */
function pinnedCause(methods: Map<string, MethodInfo>, reason: Reason): string[] {
  if (reason.rule !== 'reaches-pinned' || !reason.via?.length) return [];
  const target = methods.get(reason.via[reason.via.length - 1]!);
  return (target?.reasons ?? []).filter((r) => r.rule === 'pinned' || r.rule === 'user-pin').map((r) => `${target!.id} ${r.message}`);
}
