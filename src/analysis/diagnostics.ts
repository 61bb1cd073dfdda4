/** Which diagnostics make verdicts unreliable, and how they are said (no TypeScript loaded here: the CLI imports it at start). */
import type { AnalysisResult, Diagnostic } from './types.js';

/** Files that did not parse (or nest too deeply to analyse) and tsconfig errors: verdicts on code or settings the compiler could not read as written. */
export function unreadableOf(analysis: Pick<AnalysisResult, 'diagnostics'>): Diagnostic[] {
  return analysis.diagnostics.filter((d) => d.kind === 'syntax' || d.kind === 'config');
}

/** `file:line: syntax error: message` (the file relative to the app). */
export function describeUnreadable(d: Diagnostic): string {
  return `${d.file}${d.line > 0 ? `:${d.line}` : ''}: ${d.kind === 'syntax' ? 'syntax error' : 'tsconfig error'}: ${d.message}`;
}

/** The warnings of commands that go on despite them: each problem, then what it means. */
export function unreadableWarnings(unreadable: Diagnostic[]): string[] {
  if (unreadable.length === 0) return [];
  return [
    ...unreadable.map(describeUnreadable),
    `the verdicts rest on code or settings the compiler could not read as written (${unreadable.length} problem(s) above): check fails on them, and partition --strict refuses them`,
  ];
}

/** Source folders or files reached through a symbolic link that leads outside the app (analysed as the app's). */
export function linkWarnings(analysis: Pick<AnalysisResult, 'diagnostics'>): string[] {
  return analysis.diagnostics.filter((d) => d.kind === 'link').map((d) => `${d.file}: ${d.message}`);
}
