/**
 * A static field computed when its class loads (from the environment, from Math.random) has one
 * value on the device and another on the clone, and a call does not carry static fields ("they
 * stay with the class on each side"). The analysis keeps a method that reads one off the clone
 * (rule `state`), so the partitioned run prints what the all-device run prints. Before that rule,
 * both methods migrated and answered with the clone's values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPartitioned, runPlain, servedFixture } from '../helpers/runtime.js';

describe('runtime-static-init: static fields whose initial values differ between the device and the clone', () => {
  const env = { RUNTIME_CAP: '50' };
  const app = servedFixture('runtime-static-init');

  it('the readers are not migration points, and the app prints what the all-device run prints', async () => {
    const manifest = readFileSync(join(app.dir, 'clonecloud.manifest.yaml'), 'utf8');
    expect(manifest).not.toContain('src/policy.ts#capped');
    expect(manifest).not.toContain('src/policy.ts#sameSeed');
    const plain = await runPlain(app.dir, undefined, env);
    expect(plain.stdout).toBe('50 true\n');
    const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi'], { env });
    expect(run.stdout).toBe(plain.stdout);
    expect(run.status).toBe(plain.status);
  });
});
