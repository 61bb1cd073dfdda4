import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

describe('--json on record and import', () => {
  it('record prints only its summary on stdout; the program\'s own output goes to stderr', () => {
    const app = mkdtempSync(join(tmpdir(), 'cc-json-'));
    writeFileSync(join(app, 'package.json'), '{ "name": "json-app", "type": "module" }\n');
    writeFileSync(join(app, 'main.mjs'), 'function square(x) {\n  let y = 0;\n  for (let i = 0; i < x; i++) y += x;\n  return y;\n}\nconsole.log("program output", square(3), square(4));\n');
    const run = runCli(['record', '--side', 'clone', '--app', app, '--out', join(app, 'p.profile.yaml'), '--json', '--', process.execPath, join(app, 'main.mjs')]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ side: 'clone', runs: 1, contexts: 1, calls: 2, exit: { code: 0 } });
    expect(run.stderr).toContain('program output 9 16');
  });

  it('import prints its summary as JSON', () => {
    const app = join(ROOT, 'test', 'fixtures', 'import-app');
    const out = join(mkdtempSync(join(tmpdir(), 'cc-json-')), 'device.profile.yaml');
    const run = runCli(['import', join(app, 'app.cpuprofile'), '--side', 'device', '--app', app, '--out', out, '--json']);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.side).toBe('device');
    expect(summary.contexts).toBeGreaterThan(0);
    expect(summary.appMs).toBeGreaterThan(0);
  });
});
