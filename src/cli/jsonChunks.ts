/**
 * `JSON.stringify(value, null, 2)` of a plain object, handed out in pieces of whole lines, byte
 * for byte the same. The analysis of a large app is tens of MB of JSON: one string of it, and
 * its copy on the way to stdout, added about 145 MB to the peak memory of `analyze --json` on a
 * 78k-line app. Members and the elements of array members are stringified one at a time. A
 * member that is a generator is written as the array of what it yields, without holding it.
 */
const CHUNK = 1 << 16;

export function* jsonChunks(value: Record<string, unknown>): Generator<string> {
  let lines: string[] = [];
  let size = 0;
  function* line(s: string): Generator<string> {
    lines.push(s);
    size += s.length;
    if (size < CHUNK) return;
    yield lines.join('\n');
    lines = [];
    size = 0;
  }
  // What JSON.stringify keeps, in its order: own enumerable string keys with a JSON value.
  const members = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!members.length) {
    yield '{}';
    return;
  }
  yield* line('{');
  for (const [i, [key, v]] of members.entries()) {
    const comma = i < members.length - 1 ? ',' : '';
    const head = `  ${JSON.stringify(key)}: `;
    const items: Iterator<unknown> | undefined = Array.isArray(v) ? v.values() : isGenerator(v) ? v : undefined;
    let next = items?.next();
    if (!items || next!.done) {
      yield* line(`${head}${items ? '[]' : indent(JSON.stringify(v, null, 2), '  ')}${comma}`);
      continue;
    }
    yield* line(`${head}[`);
    while (!next!.done) {
      // As inside an array: a value JSON has no form for is null.
      const item = JSON.stringify(next!.value, null, 2) ?? 'null';
      next = items.next();
      yield* line(`    ${indent(item, '    ')}${next.done ? '' : ','}`);
    }
    yield* line(`  ]${comma}`);
  }
  lines.push('}');
  yield lines.join('\n');
}

function isGenerator(v: unknown): v is Generator<unknown> {
  return Object.prototype.toString.call(v) === '[object Generator]';
}

/** Newlines in JSON text are only between tokens (in strings they are escaped): safe to indent at each. */
function indent(json: string, pad: string): string {
  return json.replace(/\n/g, `\n${pad}`);
}
