/**
 * The run-time's plan of a manifest, kept parsed in its private cache: a second read of the same
 * text gives the same plan from the cache, an edited manifest is parsed again, and a manifest that
 * does not parse fails every time (nothing of it is cached).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanError, readPlan } from '../../src/runtime/plan.js';
import { ROOT } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'virus-scan', 'clonecloud.manifest.yaml');

function scratch(): { manifest: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cc-plan-'));
  const manifest = join(dir, 'clonecloud.manifest.yaml');
  writeFileSync(manifest, readFileSync(EXAMPLE, 'utf8'));
  return { manifest, cache: join(dir, 'cache') };
}

const entries = (cache: string) => readdirSync(cache).filter((f) => !f.startsWith('.'));

describe('readPlan with a cache', () => {
  it('reads a manifest once and gives the same plan from the cache after', async () => {
    const { manifest, cache } = scratch();
    const parsed = await readPlan(manifest, cache);
    expect(entries(cache)).toHaveLength(1);
    const cached = await readPlan(manifest, cache);
    expect(cached).toEqual(parsed);
    expect(await readPlan(manifest)).toEqual(parsed);
    expect(entries(cache)).toHaveLength(1);
  });

  it('parses an edited manifest again', async () => {
    const { manifest, cache } = scratch();
    const before = await readPlan(manifest, cache);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^app: .*$/m, 'app: renamed'));
    const after = await readPlan(manifest, cache);
    expect(after.app).toBe('renamed');
    expect(before.app).toBe('virus-scan');
    expect(entries(cache)).toHaveLength(2);
  });

  it('fails on a manifest that does not parse, every time, and caches nothing of it', async () => {
    const { manifest, cache } = scratch();
    writeFileSync(manifest, 'app: [unclosed\n');
    await expect(readPlan(manifest, cache)).rejects.toThrow(PlanError);
    await expect(readPlan(manifest, cache)).rejects.toThrow(/clonecloud\.manifest\.yaml:\d+/);
    expect(entries(cache)).toHaveLength(0);
  });
});
