import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a generic interface's members typed `this` do not keep a literal from implementing it (calls-this-typed-members)", () => {
  const r = analyzeApp({ appDir: fixture('calls-this-typed-members'), catalogs: [] });
  const A = 'src/app.ts';

  test("a call through the interface runs the literal's method, a read its getter", () => {
    expect(edges(r).filter(([f]) => f === `${A}#countRegistrations`)).toEqual([
      [`${A}#countRegistrations`, `${A}#createContainer.container.load`, `${A}:32:32`, 'hierarchy'],
      [`${A}#countRegistrations`, `${A}#createContainer.container.registrations`, `${A}:32:41`, 'accessor'],
    ]);
    expect(r.unresolved).toEqual([]);
  });
});
