import { LineCounter, parseDocument, isMap, isNode, isPair, isScalar, isSeq, type Document } from 'yaml';
import { InputError } from '../errors.js';

export type FieldPath = (string | number)[];

/** A parsed input that can say where each of its values came from (YAML here, JSON in jsonInput.ts). */
export interface SourcedInput {
  readonly file: string;
  readonly value: unknown;
  /** "file:line" of the value at `path`, or of its nearest present ancestor. */
  where(path: FieldPath): string;
  /** Throws an InputError about the field at `path`. */
  fail(path: FieldPath, what: string): never;
}

/**
 * How deep a YAML/JSON input may nest. The formats read here nest less than ten levels; the YAML
 * library recurses once per level, and running out of stack there is not always an exception
 * (V8 may abort the process when it compiles a regular expression with no stack left), so
 * deeper documents are refused before they are parsed.
 */
const MAX_DEPTH = 100;

/**
 * The line where the text nests deeper than MAX_DEPTH, by a scan of its own (no recursion):
 * flow brackets outside quotes and comments, plus block levels (indentation, and the `- ` of
 * sequences started on one line). An estimate that errs high only on hundreds of unbalanced
 * brackets in plain scalars.
 */
function tooDeep(text: string): number | undefined {
  let flow = 0;
  let line = 1;
  const indents: number[] = [];
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    if (atLineStart) {
      atLineStart = false;
      let j = i;
      while (text[j] === ' ') j++;
      if (flow === 0 && j < text.length && text[j] !== '\n' && text[j] !== '#' && text[j] !== '\r') {
        const indent = j - i;
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
          dashes++;
          j += 2;
          while (text[j] === ' ') j++;
        }
        if (indents.length + dashes > MAX_DEPTH) return line;
      }
    }
    const ch = text[i];
    if (ch === '\n') {
      line++;
      atLineStart = true;
    } else if (ch === '"' || ch === "'") {
      // A quoted scalar, to its end (a backslash escapes in double quotes; '' is a quote in single ones).
      for (i++; i < text.length && text[i] !== ch; i++) {
        if (text[i] === '\n') line++;
        if (ch === '"' && text[i] === '\\') i++;
      }
    } else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '[' || ch === '{') {
      if (++flow + indents.length > MAX_DEPTH) return line;
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return undefined;
}

/** The most values one alias may expand to (the YAML library's own guard against alias bombs). */
const MAX_ALIASES = 100;

/** The first key repeated in a mapping, with its position; a walk with its own stack, no recursion. */
function firstDuplicateKey(doc: Document): { key: string; offset: number } | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) return { key: JSON.stringify(key) ?? String(key), offset: (isNode(pair.key) && pair.key.range?.[0]) || 0 };
        seen.add(key);
        stack.push(pair.value);
        if (!isScalar(pair.key)) stack.push(pair.key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
    // Scalars are leaves; an alias repeats a node that is checked where it is defined.
  }
  return undefined;
}

/**
 * A parsed YAML (or JSON, which is YAML) input that still knows where each value came from,
 * so that validation errors can say file:line and the field.
 */
export class YamlInput implements SourcedInput {
  private constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * Parses `text`; a syntax error is an InputError at the first bad position, and so is a
   * document that would exhaust resources: aliases that expand into more than MAX_ALIASES
   * values (an "alias bomb"), nesting deeper than the parser's stack.
   */
  static parse(text: string, file: string): YamlInput {
    const lines = new LineCounter();
    // Duplicate keys are found below: the parser's own check compares every key of a mapping
    // with every other, which takes minutes on a mapping of a few hundred thousand keys.
    const deep = tooDeep(text);
    if (deep !== undefined) throw new InputError(`malformed YAML/JSON: nested more than ${MAX_DEPTH} levels deep`, `${file}:${deep}`);
    let doc: Document;
    try {
      doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
    } catch (e) {
      // The parser reports most overflows as errors, but some (block sequences) throw them.
      if (e instanceof RangeError) throw new InputError('malformed YAML/JSON: nested too deeply', file);
      throw e;
    }
    const error = doc.errors[0];
    const at = (offset: number) => `${file}:${lines.linePos(offset).line}`;
    if (error) {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new InputError(`malformed YAML/JSON: ${/call stack/i.test(message) ? 'nested too deeply' : message}`, at(error.pos[0]));
    }
    const duplicate = firstDuplicateKey(doc);
    if (duplicate !== undefined) throw new InputError(`malformed YAML/JSON: map keys must be unique (${duplicate.key} is repeated)`, at(duplicate.offset));
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      const why = e instanceof RangeError ? 'nested too deeply' : /alias/i.test((e as Error).message) ? `its aliases expand to too many values (more than ${MAX_ALIASES} per alias)` : (e as Error).message;
      throw new InputError(`malformed YAML/JSON: ${why}`, file);
    }
    return new YamlInput(file, value, doc, lines);
  }

  /** "file:line" of the value at `path`, or of its nearest present ancestor. */
  where(path: FieldPath): string {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return `${this.file}:${this.lines.linePos(node.range[0]).line}`;
    }
    return this.file;
  }

  /** Throws an InputError about the field at `path`. */
  fail(path: FieldPath, what: string): never {
    throw new InputError(what, this.where(path), formatPath(path));
  }
}

export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Small typed readers over a YamlInput; each names the field when the value is wrong. */
export class FieldReader {
  constructor(readonly input: SourcedInput) {}

  object(path: FieldPath, value: unknown, allowed: readonly string[]): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.input.fail(path, `expected a mapping, got ${describe(value)}`);
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) {
        this.input.fail([...path, key], `unknown key (expected one of: ${allowed.join(', ')})`);
      }
    }
    return record;
  }

  array(path: FieldPath, value: unknown): unknown[] {
    if (!Array.isArray(value)) this.input.fail(path, `expected a list, got ${describe(value)}`);
    return value;
  }

  string(path: FieldPath, value: unknown): string {
    if (typeof value !== 'string' || value === '') this.input.fail(path, `expected a non-empty string, got ${describe(value)}`);
    return value;
  }

  number(path: FieldPath, value: unknown, { min = 0, max = Infinity, integer = false, positive = false, unit = '' } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.input.fail(path, `expected a number, got ${describe(value)}`);
    }
    if (integer && !Number.isInteger(value)) this.input.fail(path, `expected an integer, got ${value}`);
    if (positive ? value <= 0 : value < min) {
      this.input.fail(path, `expected a number ${positive ? '> 0' : `>= ${min}`}, got ${value}`);
    }
    if (value > max) this.input.fail(path, `expected a number <= ${max}${unit}, got ${value}`);
    return value;
  }

  optionalNumber(path: FieldPath, value: unknown, fallback: number): number {
    return value === undefined ? fallback : this.number(path, value);
  }

  oneOf<T extends string>(path: FieldPath, value: unknown, choices: readonly T[]): T {
    if (typeof value !== 'string' || !choices.includes(value as T)) {
      this.input.fail(path, `expected one of ${choices.join(', ')}, got ${describe(value)}`);
    }
    return value as T;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
