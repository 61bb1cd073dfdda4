import { explainMethod } from '../analysis/index.js';
import type { AnalysisResult } from '../analysis/types.js';

/**
 * Why a method may not be a migration point, as readable lines (the call chain down to the
 * device API, each hop with file:line:col), or undefined when it may migrate.
 */
export function illegalityReasons(analysis: AnalysisResult, id: string): string[] | undefined {
  const method = analysis.methods.find((m) => m.id === id);
  if (!method) return ['the method no longer exists in the app'];
  if (method.candidate) return undefined;
  return explainMethod(analysis, id).lines.slice(1).map((line) => line.replace(/^ {2}/, ''));
}
