import { Chalk, type ChalkInstance } from 'chalk';
import { supportsColor } from 'chalk';

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorsFor(stream: NodeJS.WriteStream): ChalkInstance {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const level = noColor || !stream.isTTY ? 0 : supportsColor ? supportsColor.level : 0;
  return new Chalk({ level });
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  color: ChalkInstance;
  errColor: ChalkInstance;
}

export function consoleOutput(): Output {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: colorsFor(process.stdout),
    errColor: colorsFor(process.stderr),
  };
}
