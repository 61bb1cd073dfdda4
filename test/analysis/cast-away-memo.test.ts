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
  partial = 0;
  castAway: CastAway | undefined;
  protected record(name: string): void {
    this.reported.push(name);
  }
  cuts(): number {
    return this.otherCuts + (this.castAway?.cuts ?? 0);
  }
  partialAnswersUsed(): number {
    return this.partial;
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

  test('a follow cut short by another cycle, or built on a partial answer, is followed again', () => {
    for (const spoil of ['cut', 'partial'] as const) {
      const { execDecls, castAway, memo } = setUp();
      let follows = 0;
      const memberOf = (value: ts.Expression): ts.Node[] => {
        follows++;
        if (spoil === 'cut') memo.otherCuts++;
        else memo.partial++;
        return [value];
      };
      castAway.members(execDecls, memberOf, memo);
      castAway.members(execDecls, memberOf, memo);
      expect(follows).toBe(2);
    }
  });
});
