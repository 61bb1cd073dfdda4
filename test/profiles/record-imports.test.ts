// What every traced process loads: register.ts (main thread) and hooks.ts (the loader thread)
// with their static imports. Start-up is part of the recorder's cost on every process it
// traces: the YAML library (the trace reader's JSON input) was some 55 ms of it, child_process
// (settle()) a few more, node:crypto some 12 ms on the main thread, which hashes nothing when
// `record` hands it the settled call cost (util/privateCache.ts loads it on first use). Read
// from the sources, so nothing here is timed.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/** Modules reached from `entry` through static value imports (not `import type`), by file or bare name. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)';/gm)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) visit(spec);
      else visit(join(dirname(file), spec).replace(/\.c?js$/, (ext) => (ext === '.cjs' ? '.cts' : '.ts')));
    }
  };
  visit(join(SRC, entry));
  return seen;
}

describe('what a traced process loads', () => {
  it.each(['profiles/record/register.ts', 'profiles/record/hooks.ts'])('%s loads neither the YAML library nor child_process', (entry) => {
    const loaded = staticImports(entry);
    expect(loaded).toContain(join(SRC, 'profiles/record/transform.ts')); // the walk went through
    expect([...loaded].filter((m) => m === 'yaml' || m === 'node:child_process' || m.endsWith('yamlInput.ts'))).toEqual([]);
  });

  it.each(['profiles/record/register.ts', 'profiles/record/hooks.ts'])('%s does not load node:crypto before it hashes', (entry) => {
    const loaded = staticImports(entry);
    expect(loaded).toContain(join(SRC, 'util/privateCache.ts'));
    expect(loaded).not.toContain('node:crypto');
  });

  it('finds them when they are imported (the reader, settle() and util/files.ts are)', () => {
    expect(staticImports('profiles/record/readTrace.ts')).toContain('yaml');
    expect(staticImports('profiles/record/settle.ts')).toContain('node:child_process');
    expect(staticImports('util/files.ts')).toContain('node:crypto');
  });
});
