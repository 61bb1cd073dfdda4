/**
 * vitest's inline snapshots for the shim (toMatchInlineSnapshot, toThrowErrorMatchingInlineSnapshot):
 * the received value serialized as @vitest/snapshot does (its pretty-format, prototypes of plain
 * objects and string escapes left out, regexes escaped, function names not printed, a multi-line
 * result between line breaks) and compared with the snapshot the test wrote, its indentation
 * stripped. The serializer is the project's own @vitest/pretty-format when it has one installed
 * (the format its snapshots were written in); else jest's pretty-format (a dependency of `expect`),
 * which prints some values otherwise. A snapshot left out (vitest would write it) fails: there is
 * nothing to compare with. Snapshots are never written.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The project's @vitest/pretty-format, or the tools' pretty-format: { format, plugins, vitest }; undefined if neither is there. */
async function loadFormat() {
  const candidates = [
    [process.env.CC_TRACE_ROOT, '@vitest/pretty-format'],
    [process.env.CC_TRACE_TOOLS, 'pretty-format'],
  ];
  for (const [from, name] of candidates) {
    if (!from) continue;
    let path;
    try {
      path = createRequire(join(from, 'package.json')).resolve(name);
    } catch {
      continue;
    }
    const m = await import(pathToFileURL(path).href);
    const { format, plugins } = m.format ? m : m.default;
    return { format, plugins, vitest: name.startsWith('@vitest/') };
  }
  return undefined;
}

const pf = await loadFormat();

/** vitest's serializer for mock functions (jest-mock's carry the same `mock` record). */
const mockPlugin = {
  test: (val) => val && !!val._isMockFunction,
  serialize(val, config, indentation, depth, refs, printer) {
    const name = val.getMockName();
    const nameString = name === 'vi.fn()' || name === 'jest.fn()' ? '' : ` ${name}`;
    if (val.mock.calls.length === 0) return `[MockFunction${nameString}]`;
    const next = indentation + config.indent;
    const calls = printer(val.mock.calls, config, next, depth, refs);
    const results = printer(val.mock.results, config, next, depth, refs);
    return `[MockFunction${nameString}] {${config.spacingOuter}${next}"calls": ${calls},${config.spacingOuter}${next}"results": ${results},${config.spacingOuter}${indentation}}`;
  },
};

const PLUGINS = pf && ['ReactTestComponent', 'ReactElement', 'DOMElement', 'DOMCollection', 'Immutable', 'AsymmetricMatcher'].map((k) => pf.plugins[k]).concat(mockPlugin);

export function serialize(val) {
  if (!pf) throw new Error('inline snapshots need @vitest/pretty-format (in the project) or pretty-format (in the tools)');
  const options = { escapeRegex: true, indent: 2, plugins: PLUGINS, printFunctionName: false, printBasicPrototype: false, escapeString: false };
  // jest's pretty-format rejects options it does not know.
  if (pf.vitest) options.maxOutputLength = 2 ** 27;
  const text = pf.format(val, options).replace(/\r\n|\r/g, '\n');
  return text.includes('\n') ? `\n${text}\n` : text;
}

/** @vitest/snapshot's stripSnapshotIndentation: the first line's indentation off every line. */
export function stripIndentation(snapshot) {
  const indentation = /^([^\S\n]*)\S/m.exec(snapshot)?.[1];
  if (!indentation) return snapshot;
  const lines = snapshot.split('\n');
  if (lines.length <= 2 || lines[0].trim() !== '' || lines.at(-1).trim() !== '') return snapshot;
  for (let i = 1; i < lines.length - 1; i++) {
    if (lines[i] === '') continue;
    if (!lines[i].startsWith(indentation)) return snapshot;
    lines[i] = lines[i].slice(indentation.length);
  }
  lines[lines.length - 1] = '';
  return lines.join('\n');
}

/** vitest's deepMergeSnapshot: the properties' matchers in place of the values they matched. */
function mergeProperties(target, source) {
  const plain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(typeof v.asymmetricMatch === 'function');
  if (!plain(target) || !plain(source)) return source;
  const out = { ...target };
  for (const [k, v] of Object.entries(source)) out[k] = k in target ? mergeProperties(target[k], v) : v;
  return out;
}

function compare(ctx, name, received, snapshot) {
  if (ctx.isNot) throw new Error(`${name} cannot be used with "not"`);
  if (typeof snapshot !== 'string') return { pass: false, message: () => `${name}: no snapshot to compare with (vitest would write one; this shim does not)` };
  const actual = serialize(received).trim();
  const expected = stripIndentation(snapshot).trim();
  return { pass: actual === expected, message: () => `${name}: snapshot mismatch\n${ctx.utils.diff(expected, actual) ?? `expected:\n${expected}\nreceived:\n${actual}`}` };
}

/** The matchers, for expect.extend. */
export const inlineSnapshotMatchers = {
  toMatchInlineSnapshot(received, propertiesOrSnapshot, snapshot) {
    if (propertiesOrSnapshot !== null && typeof propertiesOrSnapshot === 'object') {
      if (!this.equals(received, propertiesOrSnapshot, [this.utils.iterableEquality, this.utils.subsetEquality].filter(Boolean))) {
        return { pass: false, message: () => `toMatchInlineSnapshot: the value does not match the properties ${this.utils.printExpected(propertiesOrSnapshot)}` };
      }
      return compare(this, 'toMatchInlineSnapshot', mergeProperties(received, propertiesOrSnapshot), snapshot);
    }
    return compare(this, 'toMatchInlineSnapshot', received, propertiesOrSnapshot);
  },
  // vitest snapshots the error itself (`[Error: message]`), not its message as jest does.
  toThrowErrorMatchingInlineSnapshot(received, snapshot) {
    let error = received;
    if (!this.promise) {
      if (typeof received !== 'function') throw new Error(`expected must be a function, received ${typeof received}`);
      let threw = false;
      try {
        received();
      } catch (e) {
        threw = true;
        error = e;
      }
      if (!threw) return { pass: false, message: () => "toThrowErrorMatchingInlineSnapshot: the function didn't throw" };
    }
    return compare(this, 'toThrowErrorMatchingInlineSnapshot', error, snapshot);
  },
};
