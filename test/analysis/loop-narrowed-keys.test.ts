import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a key variable a loop carries takes every name its declared type admits (calls-loop-narrowed-keys)', () => {
  const r = analyzeApp({ appDir: fixture('calls-loop-narrowed-keys'), catalogs: [] });
  const L = 'src/lexer.ts';
  const into = (from: string): string[][] => edges(r).filter(([f, , , kind]) => f === from && kind === 'method');

  test("`state = lexer[state]()` in a loop: also `flow`, which TypeScript's narrowing at the use leaves out", () => {
    expect(into(`${L}#lex`)).toEqual([
      [`${L}#lex`, `${L}#Lexer.document`, `${L}:27:45`, 'method'],
      [`${L}#lex`, `${L}#Lexer.flow`, `${L}:27:45`, 'method'],
      [`${L}#lex`, `${L}#Lexer.stream`, `${L}:27:45`, 'method'],
    ]);
  });

  test('outside a loop the narrowed type stands', () => {
    expect(into(`${L}#once`)).toEqual([
      [`${L}#once`, `${L}#Lexer.document`, `${L}:36:10`, 'method'],
      [`${L}#once`, `${L}#Lexer.stream`, `${L}:36:10`, 'method'],
    ]);
  });
});
