import { ts } from 'ts-morph';
import { memoryProgram } from './helpers.js';
import { ParameterMemo, valueMemoWork } from '../../src/analysis/callgraph/value-memo.js';

/** Value following's memo alone: an answer per node meets the parameters listed for it, and asks the nodes listed after it. */
class Memo extends ParameterMemo {
  computed = 0;
  constructor(
    private readonly plan: Map<ts.Node, { meets: ts.ParameterDeclaration[]; asks: ts.Node[] }>,
    protected readonly tracksParameters = true,
  ) {
    super();
  }
  ask(node: ts.Node): ts.Node[] {
    return this.remember(node, 0, () => {
      this.computed++;
      const step = this.plan.get(node)!;
      for (const p of step.meets) this.sinkParameter(p, 'onDone');
      return [node, ...step.asks.flatMap((n) => this.ask(n))];
    });
  }
  cuts(): number {
    return 0;
  }
}

function setting() {
  const { sf } = memoryProgram('function run(a: unknown, b: unknown) {}\nconst x = 1, y = 2, z = 3;\n');
  const [a, b] = (sf.statements[0] as ts.FunctionDeclaration).parameters;
  const [x, y, z] = (sf.statements[1] as ts.VariableStatement).declarationList.declarations;
  return { a: a!, b: b!, x: x!, y: y!, z: z! };
}

describe('value memo', () => {
  it('reports a kept answer’s parameters again wherever it is reused, replaying its list once per walk', () => {
    const { a, b, x, y, z } = setting();
    // y meets a and b; x asks y three times (once directly, twice through z, asked twice).
    const memo = new Memo(
      new Map<ts.Node, { meets: ts.ParameterDeclaration[]; asks: ts.Node[] }>([
        [y, { meets: [a, b], asks: [] }],
        [z, { meets: [], asks: [y, y] }],
        [x, { meets: [], asks: [y, z, z] }],
      ]),
    );
    const before = valueMemoWork.replayed;
    const held = memo.collectParameters(() => memo.ask(x));
    expect(held.result).toEqual([x, y, z]);
    expect(held.parameters.map((p) => [p.param, p.property])).toEqual([
      [a, 'onDone'],
      [b, 'onDone'],
    ]);
    expect(memo.computed).toBe(3);
    // y's two parameters replayed into z's walk once (its second use adds nothing), and once more
    // into x's walk for z's kept answer; without replaying each list once per walk, 3 lists, 6 entries.
    expect(valueMemoWork.replayed - before).toBe(4);

    // Asked again in a new collection, the kept answer reports the same parameters.
    const again = memo.collectParameters(() => memo.ask(x));
    expect(again.parameters.map((p) => [p.param, p.property])).toEqual([
      [a, 'onDone'],
      [b, 'onDone'],
    ]);
    expect(memo.computed).toBe(3);
  });

  it('keeps no parameters met when told none are collected: answers are kept and reused the same, nothing replayed', () => {
    const { a, b, x, y, z } = setting();
    const plan = new Map<ts.Node, { meets: ts.ParameterDeclaration[]; asks: ts.Node[] }>([
      [y, { meets: [a, b], asks: [] }],
      [z, { meets: [], asks: [y, y] }],
      [x, { meets: [], asks: [y, z, z] }],
    ]);
    const memo = new Memo(plan, false);
    const before = valueMemoWork.replayed;
    expect(memo.ask(x)).toEqual([x, y, z]);
    expect(memo.ask(x)).toEqual([x, y, z]);
    expect(memo.computed).toBe(3);
    // What the walks met is not gathered: captured answers' lists are empty, and nothing is replayed.
    expect(memo.captured(() => memo.ask(y)).met).toEqual([]);
    expect(valueMemoWork.replayed - before).toBe(0);
    // A collection would silently miss them, so asking for one is an error.
    expect(() => memo.collectParameters(() => memo.ask(x))).toThrow(/keeps no parameters/);
  });

  it('tells a computation whether it used a partial answer made before it began, or only ones it made', () => {
    const { x, y, z } = setting();
    // Each ask of y or z is cut short (a cycle), so within the walk of x their answers are kept as partial.
    class Cutting extends ParameterMemo {
      protected readonly tracksParameters = false;
      private cutCount = 0;
      seen: boolean[] = [];
      ask(node: ts.Node, then: () => void = () => {}): ts.Node[] {
        return this.remember(node, 0, () => {
          if (node !== x) this.cutCount++;
          then();
          return [node];
        });
      }
      cuts(): number {
        return this.cutCount;
      }
    }
    const memo = new Cutting();
    memo.ask(x, () => {
      memo.ask(y); // made before the scopes below
      memo.seen.push(memo.usingPartials(() => memo.ask(y)).earlierUsed);
      memo.seen.push(memo.usingPartials(() => [memo.ask(z), memo.ask(z)]).earlierUsed);
      // An inner scope's use of an earlier answer is the outer scope's too.
      memo.seen.push(memo.usingPartials(() => memo.usingPartials(() => memo.ask(y)).result).earlierUsed);
    });
    expect(memo.seen).toEqual([true, false, true]);
  });
});
