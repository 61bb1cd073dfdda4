import { ts } from 'ts-morph';
import { memoryProgram } from './helpers.js';
import { rememberingChecker } from '../../src/analysis/symbols.js';

const program = (text: string): { sf: ts.SourceFile; checker: ts.TypeChecker } => memoryProgram(text);

function identifiers(sf: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) || n.kind === ts.SyntaxKind.NumericLiteral) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('rememberingChecker', () => {
  it('gives the checker’s symbols, types and type texts, asking it once per node and per type', () => {
    const { sf, checker: raw } = program('class Box { size = 1; grow(by: number) { return this.size + by; } }\nconst b = new Box();\nb.grow(2);\nb.grow(b.size);\n');
    let symbolAsks = 0;
    let textAsks = 0;
    let typeAsks = 0;
    const counting: ts.TypeChecker = {
      ...raw,
      getSymbolAtLocation: (n) => (symbolAsks++, raw.getSymbolAtLocation(n)),
      getTypeAtLocation: (n) => (typeAsks++, raw.getTypeAtLocation(n)),
      typeToString: (t, e, f) => (textAsks++, raw.typeToString(t, e, f)),
    };
    const checker = rememberingChecker(counting);
    const nodes = identifiers(sf);
    for (let round = 0; round < 2; round++) {
      for (const n of nodes) {
        expect(checker.getSymbolAtLocation(n)).toBe(raw.getSymbolAtLocation(n)); // literals: undefined, remembered too
        const t = checker.getTypeAtLocation(n);
        expect(t).toBe(raw.getTypeAtLocation(n));
        expect(checker.typeToString(t)).toBe(raw.typeToString(t));
        expect(checker.typeToString(t, sf, ts.TypeFormatFlags.NoTruncation)).toBe(raw.typeToString(t, sf, ts.TypeFormatFlags.NoTruncation));
      }
    }
    expect(symbolAsks).toBe(nodes.length);
    expect(typeAsks).toBe(nodes.length);
    const types = new Set(nodes.map((n) => raw.getTypeAtLocation(n)));
    expect(textAsks).toBe(2 * types.size);
  });
});
