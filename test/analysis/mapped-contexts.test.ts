import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a literal written as a type mapped over an interface implements its members (calls-mapped-contexts)', () => {
  const r = analyzeApp({ appDir: fixture('calls-mapped-contexts'), catalogs: [] });
  const S = 'src/sub.ts';
  const U = 'src/use.ts';

  test("`partial.next(value)` on a Partial<Observer<T>> runs the literal's next: the function passed to Safe.create", () => {
    expect(edges(r).filter(([f]) => f === `${S}#Consumer.next`)).toEqual([[`${S}#Consumer.next`, `${U}#connect.<anonymous 1>`, `${S}:10:31`, 'callback']]);
  });

  test('a receiver typed by the interface itself does not run the mapped-type literal', () => {
    expect(edges(r).filter(([f]) => f === `${S}#Plain.next`)).toEqual([]);
  });

  test('a literal of another type with a member of that name is not run', () => {
    expect(edges(r).filter(([, t]) => t!.startsWith(`${U}#unrelated`))).toEqual([]);
  });
});
