import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// A class decorator's result replaces the class (callgraph/decorated-classes.ts): `new` of the class, by name or handed in
// as a value, and `super(...)` of a subclass run the class the decorator returns as well as the class itself; that
// class's own `super(...)` runs the classes the decorator is applied to.
describe('class decorators returning a class (calls-decorated-classes)', () => {
  const r = analyzeApp({ appDir: fixture('calls-decorated-classes'), catalogs: [] });
  const A = 'src/app.ts';
  const into = (from: string): string[][] => edges(r).filter(([f]) => f === from);
  const replacement = `${A}#autoFill.<anonymous 1>.<anonymous 1>.constructor`;

  test('`new Greeter()` runs the subclass autoFill returns in its place', () => {
    expect(into(`${A}#direct`)).toEqual([
      [`${A}#direct`, `${A}#Greeter.constructor`, `${A}:42:10`, 'constructor'],
      [`${A}#direct`, replacement, `${A}:42:10`, 'constructor'],
    ]);
  });

  test('handed in as a value too; a decorator returning nothing (register) leaves its class alone', () => {
    expect(into(`${A}#make`)).toEqual([
      [`${A}#make`, `${A}#Greeter.constructor`, `${A}:38:10`, 'constructor'],
      [`${A}#make`, `${A}#Plain.constructor`, `${A}:38:10`, 'constructor'],
      [`${A}#make`, replacement, `${A}:38:10`, 'constructor'],
    ]);
  });

  test("the returned class's `super(...)` runs the class the decorator was applied to (its parameter `target`)", () => {
    expect(into(replacement)).toEqual([
      [replacement, `${A}#Greeter.constructor`, `${A}:11:9`, 'super'],
      [replacement, `${A}#defaultName`, `${A}:11:24`, 'direct'],
    ]);
  });

  test("a subclass of the decorated class runs, at `super(...)`, the decorator's class as well as its base's", () => {
    expect(into(`${A}#Polite.constructor`)).toEqual([
      [`${A}#Polite.constructor`, `${A}#Greeter.constructor`, `${A}:52:5`, 'super'],
      [`${A}#Polite.constructor`, replacement, `${A}:52:5`, 'super'],
    ]);
  });
});
