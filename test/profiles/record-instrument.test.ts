import { ts } from 'ts-morph';
import { instrument } from '../../src/profiles/record/instrument.js';
import { isMethodNode } from '../../src/ids/methodIds.js';

/** Instruments every function of `code`, named by its position. */
function instrumented(code: string): string {
  const sf = ts.createSourceFile('m.js', code, ts.ScriptTarget.ES2022, true);
  const ids = new Map<ts.Node, string>();
  const visit = (n: ts.Node): void => {
    if (isMethodNode(n)) ids.set(n, `m.js#f${n.pos}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return instrument(sf, ids)!.code;
}

describe('record: load-time instrumentation', () => {
  it('keeps minified returns, awaits and yields valid (no insertion glued to a keyword)', () => {
    const code = instrumented('async function g(x){const y=await(x);if(y)return-1;return!y}function*h(){yield!0;yield(1)}');
    expect(code).not.toMatch(/(return|await|yield)__cc\$/);
    expect(() => new Function(code.replace(/^const __cc\$=[^;]*;/, 'const __cc$={};'))).not.toThrow();
  });
});
