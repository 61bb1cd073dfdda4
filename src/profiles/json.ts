/** JSON inputs of the profile stage (partial traces, CPU profiles): JSON.parse, errors at file:line:column. */
import { InputError } from '../errors.js';

/** Parses `text`; malformed JSON is an InputError at `file:line:column`, its message after `prefix`. */
export function parseJson(text: string, file: string, prefix = ''): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    const at = /position (\d+)/.exec(message)?.[1];
    throw new InputError(`${prefix}malformed or truncated JSON (${message})`, at ? `${file}:${positionOf(text, Number(at))}` : file);
  }
}

/** "line:column" (1-based) of a character offset. */
export function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}
