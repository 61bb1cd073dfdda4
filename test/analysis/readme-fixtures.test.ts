import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The README's account of what the analysis follows names the fixture that tests each rule, so a
// rule added with its fixture and no word in the README (or a fixture renamed) shows here.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const ruleFixtures = readdirSync(join(root, 'test', 'fixtures')).filter((d) => /^(calls|travel|pin)-/.test(d));

test('every call-graph, travelling-value and pinning fixture is named in the README', () => {
  expect(ruleFixtures.length).toBeGreaterThan(100);
  expect(ruleFixtures.filter((d) => !readme.includes(`\`${d}\``))).toEqual([]);
});
