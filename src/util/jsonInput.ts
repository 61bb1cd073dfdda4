/**
 * A JSON input read with JSON.parse (a hundred times faster than the YAML parser, which reads
 * JSON too, and without its document tree), that can still say where a value is: the line is
 * found by scanning the text along the field's path, only when there is an error to report.
 */
import { InputError } from '../errors.js';
import { formatPath, type FieldPath, type SourcedInput } from './yamlInput.js';

export class JsonInput implements SourcedInput {
  private constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly text: string,
  ) {}

  /**
   * Parses `text`; malformed JSON is an InputError at `file:line:column`. JSON.parse does not
   * recurse on the stack, so deep nesting is no hazard here; of a key repeated in one object it
   * keeps the last.
   */
  static parse(text: string, file: string): JsonInput {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!;
      const said = message.replace(/ in JSON at position \d+.*$/, '');
      const at = /position (\d+)/.exec(message)?.[1];
      const where = at !== undefined ? `${file}:${lineOf(text, Number(at))}:${Number(at) - text.lastIndexOf('\n', Number(at) - 1)}` : text.trim() === '' ? file : `${file}:${lineOf(text, text.length)}`;
      throw new InputError(text.trim() === '' ? 'empty file' : `malformed or truncated JSON (${said})`, where);
    }
    return new JsonInput(file, value, text);
  }

  /** "file:line" of the value at `path`, or of its nearest present ancestor. */
  where(path: FieldPath): string {
    return `${this.file}:${lineOf(this.text, locate(this.text, path))}`;
  }

  fail(path: FieldPath, what: string): never {
    throw new InputError(what, this.where(path), formatPath(path));
  }
}

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The offset where the value at `path` starts in valid JSON `text`, or where its nearest present
 * ancestor starts. A scan without recursion: values on the way are skipped by bracket depth.
 */
export function locate(text: string, path: FieldPath): number {
  let at = skipSpace(text, 0);
  for (const step of path) {
    const open = text[at];
    if (typeof step === 'number' ? open !== '[' : open !== '{') return at;
    let i = skipSpace(text, at + 1);
    let found = -1;
    for (let k = 0; text[i] !== ']' && text[i] !== '}' && i < text.length; k++) {
      let key: string | number = k;
      if (open === '{') {
        const end = skipString(text, i);
        key = JSON.parse(text.slice(i, end)) as string;
        i = skipSpace(text, skipSpace(text, end) + 1); // past the ':'
      }
      if (key === step) {
        found = i;
        break;
      }
      i = skipSpace(text, skipValue(text, i));
      if (text[i] === ',') i = skipSpace(text, i + 1);
    }
    if (found < 0) return at;
    at = found;
  }
  return at;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  return i;
}

/** Past the string that starts at `i` (its opening quote). */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return i;
}

/** Past the value that starts at `i`. */
function skipValue(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i = skipString(text, i) - 1;
      if (depth === 0) return i + 1;
    } else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (ch === ',' || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t')) return i;
  }
  return i;
}
