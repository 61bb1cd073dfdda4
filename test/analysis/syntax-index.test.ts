import { ts } from '../../src/typescript.cjs';
import { syntaxIndex } from '../../src/analysis/syntax-index.js';

const parse = (text: string): ts.SourceFile => ts.createSourceFile('a.ts', text, ts.ScriptTarget.ES2022, true);

describe('the nodes three rules look for, in one walk (syntax-index.ts)', () => {
  test('lists loads, casts to any or unknown and generic containers in the order of a walk', () => {
    const sf = parse(
      [
        "import fs from 'fs';",
        "import { a } from './a.js';",
        "import cp = require('child_process');",
        'function f() {',
        "  const os = require('os');",
        "  const x = (a as any) as unknown;",
        '  const y = <any>a;',
        '  const z = a as string;',
        "  class Box<T> { m = async () => { const n = await import('net'); }; }",
        '}',
        'interface I<T> { v: T }',
        'interface J { v: number }',
      ].join('\n'),
    );
    const index = syntaxIndex(sf);
    const text = (n: ts.Node): string => n.getText(sf);
    expect(index.loads.map(text)).toEqual([
      "import fs from 'fs';",
      "import { a } from './a.js';",
      "import cp = require('child_process');",
      "os = require('os')",
      "n = await import('net')",
    ]);
    expect(index.casts.map(text)).toEqual(['(a as any) as unknown', 'a as any', '<any>a']);
    expect(index.generics.map((n) => n.name?.text)).toEqual(['Box', 'I']);
    expect(syntaxIndex(sf)).toBe(index);
  });
});
