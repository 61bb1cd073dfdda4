import { ts } from 'ts-morph';
import { CastAway, type FollowMemo } from '../../src/analysis/callgraph/cast-away.js';
import { RecordingMemo } from './recording-memo.js';
import { memoryProgram } from './helpers.js';

// What CastAway keeps of a follow begun with no value followed: asked again for the same
// declarations, it answers without following, and reports what the follow met and the cuts it
// made, as following again would (value following then keeps around it what it kept before).
const source = `
interface Matcher { exec(s: string): string | null; }
const never = { exec: (s: string) => null } as unknown as Matcher;
`;

/** Parameters met, as value following keeps them: reported to the collection under way and to the walks around it. */
class Memo extends RecordingMemo implements FollowMemo {
  reported: string[] = [];
  otherCuts = 0;
  castAway: CastAway | undefined;
  /** Partial answers made so far (as value-memo.ts numbers them), and the earliest used in the usingPartials scope under way. */
  private made = 0;
  private earliest = Infinity;
  protected record(name: string): void {
    this.reported.push(name);
  }
  cuts(): number {
    return this.otherCuts + (this.castAway?.cuts ?? 0);
  }
  /** A partial answer made now (a walk under way was cut short); its number, for usePartial. */
  makePartial(): number {
    return ++this.made;
  }
  usePartial(made: number): void {
    this.earliest = Math.min(this.earliest, made);
  }
  usingPartials<T>(compute: () => T): { result: T; earlierUsed: boolean } {
    const outer = this.earliest;
    const made = this.made;
    this.earliest = Infinity;
    try {
      const result = compute();
      return { result, earlierUsed: this.earliest <= made };
    } finally {
      this.earliest = Math.min(outer, this.earliest);
    }
  }
}

function setUp() {
  const { sf, checker } = memoryProgram(source);
  const matcher = sf.statements.find(ts.isInterfaceDeclaration)!;
  const execDecls = checker.getSymbolAtLocation(matcher.name)!.members!.get(ts.escapeLeadingUnderscores('exec'))!.declarations!;
  const castAway = new CastAway(checker, [sf]);
  const memo = new Memo();
  memo.castAway = castAway;
  return { sf, execDecls, castAway, memo };
}

describe('CastAway keeps the answers of follows begun from the top', () => {
  test('asked again, it answers without following, reporting the parameters met and the cuts made again', () => {
    const { sf, execDecls, castAway, memo } = setUp();
    let follows = 0;
    // The value's member meets a parameter, and leads back to the same declarations (cut there).
    const memberOf = (value: ts.Expression, name: string): ts.Node[] => {
      follows++;
      memo.meet('p');
      expect(castAway.members(execDecls, memberOf, memo)).toEqual([]);
      return [value, sf];
    };
    const first = castAway.members(execDecls, memberOf, memo);
    expect(follows).toBe(1);
    expect(first.map((n) => n.kind)).toEqual([ts.SyntaxKind.ObjectLiteralExpression, ts.SyntaxKind.SourceFile]);
    expect(castAway.cuts).toBe(1);
    const second = castAway.members(execDecls, memberOf, memo);
    expect(follows).toBe(1);
    expect(second).toEqual(first);
    expect(memo.reported).toEqual(['p', 'p']);
    expect(castAway.cuts).toBe(2);
  });

  test('a follow cut short by another cycle, or built on a partial answer made before it began, is followed again', () => {
    for (const spoil of ['cut', 'partial'] as const) {
      const { execDecls, castAway, memo } = setUp();
      // Made by a walk around the follows, cut short on what that walk follows.
      const earlier = memo.makePartial();
      let follows = 0;
      const memberOf = (value: ts.Expression): ts.Node[] => {
        follows++;
        if (spoil === 'cut') memo.otherCuts++;
        else memo.usePartial(earlier);
        return [value];
      };
      castAway.members(execDecls, memberOf, memo);
      castAway.members(execDecls, memberOf, memo);
      expect(follows).toBe(2);
    }
  });

  test('a follow built on partial answers it made itself (cut short by its own cycle) is kept', () => {
    const { sf, execDecls, castAway, memo } = setUp();
    const earlier = memo.makePartial();
    let follows = 0;
    // The value's member leads back to the same declarations (cut there), so what was found meanwhile
    // is a partial answer, made and used again within the follow; the one made before is not used.
    const memberOf = (value: ts.Expression): ts.Node[] => {
      follows++;
      expect(castAway.members(execDecls, memberOf, memo)).toEqual([]);
      const own = memo.makePartial();
      memo.usePartial(own);
      return [value, sf];
    };
    castAway.members(execDecls, memberOf, memo);
    expect(castAway.members(execDecls, memberOf, memo).length).toBe(2);
    expect(follows).toBe(1);
    expect(earlier).toBe(1);
  });
});
