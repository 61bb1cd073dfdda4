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
   * Parses `text`; malformed JSON is an InputError at `file:line:column` (the end of the text when
   * it is cut short), its message after `prefix`. JSON.parse does not recurse on the stack, so
   * deep nesting is no hazard here. A key repeated in one object, which JSON.parse would settle
   * silently by keeping the last, is refused as the YAML reader refuses it.
   */
  static parse(text: string, file: string, prefix = ''): JsonInput {
    if (text.trim() === '') throw new InputError(`${prefix}empty file`, file);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!;
      const said = message.replace(/ in JSON at position \d+.*$/, '');
      const at = /position (\d+)/.exec(message)?.[1];
      throw new InputError(`${prefix}malformed or truncated JSON (${said})`, `${file}:${positionOf(text, at === undefined ? text.length : Number(at))}`);
    }
    const repeated = repeatedKey(text, value);
    if (repeated) throw new InputError(`${prefix}key "${repeated.key}" appears twice in one object`, `${file}:${positionOf(text, repeated.offset)}`);
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

/** "line:column" (1-based) of a character offset. */
function positionOf(text: string, offset: number): string {
  const line = lineOf(text, offset);
  return `${line}:${offset - text.lastIndexOf('\n', offset - 1)}`;
}

/**
 * The first key written twice in one object, if any. Counting first: every key is followed by a
 * colon, and the only other colons are inside strings. When the text has no `\u` escapes (which
 * could spell a colon), its colons number at least the parsed value's keys plus the colons in
 * its strings, and exactly that many when no key is repeated (a repeat brings its key's colon,
 * and maybe colons of the value it lost). So equal counts prove there is no repeat, for about a
 * third of JSON.parse's CPU time on a profile; otherwise the text is scanned object by object.
 */
function repeatedKey(text: string, value: unknown): { key: string; offset: number } | undefined {
  if (!text.includes('\\u') && colonsIn(text) === colonsOf(value)) return undefined;
  return scanForRepeatedKey(text);
}

/** The colons a repeat-free JSON text of `value` without `\u` escapes holds: one per key, and those in strings. */
function colonsOf(value: unknown): number {
  let count = 0;
  const stack: object[] = [];
  const visit = (e: unknown): void => {
    if (typeof e === 'string') count += colonsIn(e);
    else if (typeof e === 'object' && e !== null) stack.push(e);
  };
  visit(value);
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (const e of v) visit(e);
      continue;
    }
    for (const key in v) {
      count += 1 + colonsIn(key);
      visit((v as Record<string, unknown>)[key]);
    }
  }
  return count;
}

function colonsIn(s: string): number {
  let count = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) count++;
  return count;
}

/** Valid JSON `text`, scanned without recursion: each object's keys, decoded, in a set. */
function scanForRepeatedKey(text: string): { key: string; offset: number } | undefined {
  const open: (Set<string> | undefined)[] = [];
  let keys: Set<string> | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = skipString(text, i);
      if (keys && text[skipSpace(text, end)] === ':') {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (keys.has(key)) return { key, offset: i };
        keys.add(key);
      }
      i = end - 1;
    } else if (ch === '{' || ch === '[') {
      open.push(keys);
      keys = ch === '{' ? new Set() : undefined;
    } else if (ch === '}' || ch === ']') keys = open.pop();
  }
  return undefined;
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
