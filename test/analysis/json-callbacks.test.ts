import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// `JSON.stringify(x, replacer)` and `JSON.parse(text, reviver)` run the function for each key: a
// function handed to a library call is a callback of the method handing it, also when it is read
// off a module namespace (`util.replacer`: a top-level function is a member of its namespace).
describe('replacers and revivers handed to JSON (calls-json-callbacks)', () => {
  const r = analyzeApp({ appDir: fixture('calls-json-callbacks'), catalogs: [] });
  const J = 'src/json.ts';
  const U = 'src/util.ts';

  test('a replacer read off a namespace import, in a getter', () => {
    expect(edges(r).filter(([f]) => f === `${J}#Report.message`)).toEqual([[`${J}#Report.message`, `${U}#replacer`, `${J}:8:45`, 'callback']]);
  });

  test('a reviver imported by name', () => {
    expect(edges(r).filter(([f]) => f === `${J}#read`)).toEqual([[`${J}#read`, `${U}#reviver`, `${J}:13:27`, 'callback']]);
  });
});
