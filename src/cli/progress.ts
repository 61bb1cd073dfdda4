/**
 * A one-line status on stderr for steps that may take a while (analysing a big project,
 * solving a network). Only on a terminal and never in CI logs; stdout is never touched.
 */
export interface Progress {
  step(label: string): void;
  done(): void;
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = stream.isTTY === true && !process.env.CI;
  let shown = false;
  return {
    step(label) {
      if (!active) return;
      stream.write(`\r\x1b[K${label}…`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

export const silentProgress: Progress = { step: () => {}, done: () => {} };
