import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { methodIdOf, methodIdsOf, parseMethodId } from '../../src/ids/methodIds.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ids-naming');

// Parsed without a program or checker, as the run-time recorder will do.
function parse(rel: string): ts.SourceFile {
  return ts.createSourceFile(rel, readFileSync(join(fixture, rel), 'utf8'), ts.ScriptTarget.Latest, true);
}

describe('methodIdsOf', () => {
  test('names every kind of method in src/names.ts', () => {
    const ids = methodIdsOf(parse('src/names.ts'), 'src/names.ts').map((e) => `${e.id} @${e.line}`);
    expect(ids).toEqual([
      'src/names.ts#sha1 @1',
      'src/names.ts#sha1.inner @2',
      'src/names.ts#Lexer.handler @10',
      'src/names.ts#Lexer.static.make @11',
      'src/names.ts#Lexer.constructor @14',
      'src/names.ts#Lexer.onData @16',
      'src/names.ts#Lexer.lex @19',
      'src/names.ts#Lexer.static.lex @20',
      'src/names.ts#Lexer.value @23',
      'src/names.ts#Lexer.value @26',
      'src/names.ts#Lexer.#secret @29',
      'src/names.ts#Lexer.[Symbol.iterator] @30',
      'src/names.ts#helper @36',
      'src/names.ts#later @38',
      'src/names.ts#marked.setOptions @40',
      'src/names.ts#marked.parse @41',
      'src/names.ts#rules.inline.exec @45',
      'src/names.ts#rules.inline.text-run @48',
      'src/names.ts#rules.block @50',
      'src/names.ts#main @53',
      'src/names.ts#main.<anonymous 1> @54',
      'src/names.ts#main.<anonymous 2> @55',
      'src/names.ts#main.<anonymous 3> @56',
      'src/names.ts#main.<anonymous 3>.<anonymous 1> @57',
      'src/names.ts#main.named @59',
      'src/names.ts#over @66',
      'src/names.ts#dup @70',
      'src/names.ts#dup.f @72',
      'src/names.ts#dup.f~2 @75',
      'src/names.ts#dup.f~2.<anonymous 1> @76',
      'src/names.ts#<anonymous 1> @82',
      'src/names.ts#<anonymous 2> @83',
      'src/names.ts#Legacy @85',
      'src/names.ts#Legacy.run @86',
    ]);
  });

  test('default exports are named `default`', () => {
    const ids = methodIdsOf(parse('src/defaults.ts'), 'src/defaults.ts').map((e) => e.id);
    expect(ids).toEqual(['src/defaults.ts#default', 'src/defaults.ts#default.<anonymous 1>']);
  });

  test('ids do not depend on lines above the method', () => {
    const sf = ts.createSourceFile('a.ts', '\n\n// moved\nfunction f() { return () => 1; }', ts.ScriptTarget.Latest, true);
    expect(methodIdsOf(sf, 'a.ts').map((e) => [e.id, e.line])).toEqual([
      ['a.ts#f', 4],
      ['a.ts#f.<anonymous 1>', 4],
    ]);
  });

  test("a named object literal's members each count their anonymous functions from 1", () => {
    // Ids are what profiles and manifests name: the walk that assigns them must keep this numbering.
    const sf = ts.createSourceFile('a.ts', 'const o = { a: [() => 1], b: [() => 2], c: { d: () => 3 } };', ts.ScriptTarget.Latest, true);
    expect(methodIdsOf(sf, 'a.ts').map((e) => e.id)).toEqual(['a.ts#o.<anonymous 1>', 'a.ts#o.<anonymous 1>~2', 'a.ts#o.c.d']);
  });

  test('methodIdOf maps a node back to its id; other nodes have none', () => {
    const sf = parse('src/names.ts');
    const entries = methodIdsOf(sf, 'src/names.ts');
    const main = entries.find((e) => e.id.endsWith('#main'))!;
    expect(methodIdOf(main.node, 'src/names.ts')).toBe('src/names.ts#main');
    expect(methodIdOf(sf.statements[0]!.getChildAt(0, sf), 'src/names.ts')).toBeUndefined();
  });

  test('parseMethodId splits at the first #', () => {
    expect(parseMethodId('src/a.ts#Foo.#bar')).toEqual({ file: 'src/a.ts', name: 'Foo.#bar' });
  });
});
