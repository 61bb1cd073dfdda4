// Terminal UI: progress while the files are read, and the verdicts at the end.

import type { FileReport } from '../scan/scanner.js';

const formatBytes = (bytes: number): string =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;

export class ConsoleReporter {
  private readonly interactive: boolean;

  constructor(private readonly quiet = false) {
    this.interactive = process.stdout.isTTY === true;
  }

  /** "reading 12/60" on one line that rewrites itself (plain lines when not a terminal). */
  progress(verb: string, done: number, total: number): void {
    if (this.quiet) return;
    if (this.interactive) {
      process.stdout.write(`\r${verb} ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (done === total) {
      process.stdout.write(`${verb} ${done}/${total}\n`);
    }
  }

  banner(engine: { hashSignatures: number; bodySignatures: number; states: number; encodings: number }): void {
    if (this.quiet) return;
    process.stdout.write(
      `signatures: ${engine.hashSignatures} hash, ${engine.bodySignatures} body ` +
        `(automaton of ${engine.states} states); deep scan: ${engine.encodings} encodings\n`,
    );
  }

  scanning(files: number, bytes: number): void {
    if (!this.quiet) process.stdout.write(`scanning ${files} files (${formatBytes(bytes)})...\n`);
  }

  results(reports: FileReport[], infected: string[], bySignature: Record<string, number>, elapsedMs: number | undefined): void {
    if (this.quiet) return;
    for (const report of reports) {
      for (const f of report.findings) {
        const how = f.kind === 'hash' ? 'sha256' : f.encoding ? `body, ${f.encoding}` : 'body';
        process.stdout.write(`  FOUND ${report.name}: ${f.signature} (${how} @ ${f.offset})\n`);
      }
    }
    const signatures = Object.entries(bySignature)
      .map(([name, count]) => `${name} x${count}`)
      .join(', ');
    process.stdout.write(
      `${reports.length} files scanned${elapsedMs === undefined ? '' : ` in ${elapsedMs.toFixed(0)} ms`}: ` +
        `${infected.length} infected${signatures ? ` (${signatures})` : ''}\n`,
    );
  }

  error(message: string): void {
    process.stderr.write(`virus-scan: ${message}\n`);
  }
}
