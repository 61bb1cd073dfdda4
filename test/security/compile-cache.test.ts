/**
 * Security: V8 runs the code of compile-cache data it accepts, so a cache folder others can write
 * to (CLONECLOUD_CACHE_DIR included, not only the temp-folder fallback) is neither read nor written.
 */
import { describe, expect, test } from '@jest/globals';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

const APP = join(ROOT, 'test', 'fixtures', 'calls-forms');

describe('the compile cache', () => {
  test('a CLONECLOUD_CACHE_DIR that others may write is not used; a private one is', () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-compile-trust-'));
    try {
      const open = join(root, 'open');
      mkdirSync(open);
      chmodSync(open, 0o777);
      expect(runCli(['analyze', APP], ROOT, { CLONECLOUD_CACHE_DIR: open }).status).toBe(0);
      expect(readdirSync(open)).toEqual([]);
      const own = join(root, 'own');
      expect(runCli(['analyze', APP], ROOT, { CLONECLOUD_CACHE_DIR: own }).status).toBe(0);
      expect(readdirSync(own).length).toBeGreaterThan(0);
      expect(statSync(own).mode & 0o077).toBe(0); // created private
      if (process.getuid?.() === 0) {
        // Another user's folder (only root can make one here): not used either.
        const theirs = join(root, 'theirs');
        mkdirSync(theirs, { mode: 0o755 });
        chownSync(theirs, 4242, 4242);
        expect(runCli(['analyze', APP], ROOT, { CLONECLOUD_CACHE_DIR: theirs }).status).toBe(0);
        expect(readdirSync(theirs)).toEqual([]);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
