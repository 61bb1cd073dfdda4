import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('an abstract property a subclass implements with an accessor (calls-accessor-overrides)', () => {
  const A = 'src/app.ts';

  test("reads and writes of it in the base class run the subclass's getter and setter, not an unrelated class's", () => {
    const r = analyzeApp({ appDir: fixture('calls-accessor-overrides'), catalogs: [] });
    expect(edges(r)).toEqual([
      [`${A}#Delayed.expecting`, `${A}#Delayed.expecting`, `${A}:20:42`, 'accessor'], // this.resolved.expecting, resolved: Parser
      [`${A}#Parser.fail`, `${A}#Delayed.expecting`, `${A}:7:29`, 'accessor'],
      [`${A}#Parser.rewind`, `${A}#Delayed.position`, `${A}:11:10`, 'accessor'], // this.position = 0: the setter
    ]);
  });
});
