import { ts } from 'ts-morph';
import { mayHold } from '../../src/analysis/legality/device-uses.js';

/** The initialiser of `const v = <text>;`, parsed on its own. */
function expression(text: string): ts.Expression {
  const sf = ts.createSourceFile('/virtual/e.ts', `const v = ${text};`, ts.ScriptTarget.ES2022, true);
  const st = sf.statements[0] as ts.VariableStatement;
  return st.declarationList.declarations[0]!.initializer!;
}

describe('mayHold: which expressions a device value may come out of', () => {
  it('names, members, calls and the operators that pass one of their operands on', () => {
    for (const text of ['port', 'hw.port', "hw['port']", 'open()', 'new Port()', 'a || port', 'a ?? port', 'a && port', '(x = port)', '(a, port)', 'a ||= port', 'a ??= port', 'a &&= port', 'ok ? port : other', '(port as Port)', 'port!']) {
      expect([text, mayHold(expression(text))]).toEqual([text, true]);
    }
  });

  it('not operations whose result is a primitive whatever their operands, nor literals, `this` or functions', () => {
    for (const text of ['s % 97', 'a + port', '(port - 1)', 'a < port', 'a === port', 'port instanceof Port', "'x' in port", 'a | b', 'a ** b', 'x += port', '!port', '-port', 'port++', '--port', 'typeof port', 'void port', 'delete hw.port', '1', "'s'", '`t${port}`', 'this', '() => port', '{ port }', '[port]']) {
      expect([text, mayHold(expression(text))]).toEqual([text, false]);
    }
  });
});
