import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// The fixture keeps its libraries in packages/ (nothing named node_modules is committed): the app
// is analysed from a temporary copy whose node_modules they are.
describe('libraries that reach the device themselves (pin-libraries)', () => {
  let dir: string;
  let r: AnalysisResult;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'clonecloud-pin-libraries-'));
    cpSync(fixture('pin-libraries'), dir, { recursive: true });
    cpSync(join(dir, 'packages'), join(dir, 'node_modules'), { recursive: true });
    symlinkSync(join(dir, 'workspace', 'tools'), join(dir, 'node_modules', '@acme', 'tools'), 'dir');
    r = analyzeApp({ appDir: dir, catalogs: [bundledCatalog('node-device'), bundledCatalog('browser')] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('what the app imports from a library whose code, or a dependency, uses a device module or process global pins its users', () => {
    expect(verdictRows(r)).toEqual({
      'src/app.ts#files': [true, false, ['pinned']], // walker: fs
      'src/app.ts#howMany': [true, false, ['pinned']], // walker's count: the package is the device's
      'src/app.ts#gitHead': [true, false, ['pinned']], // spawner -> spawn-core: child_process
      'src/app.ts#title': [true, false, ['pinned']], // colors: process.env as it loads
      'src/app.ts#colourful': [true, false, ['pinned']],
      'src/app.ts#storeFile': [true, false, ['pinned']], // @acme/store: process.cwd
      'src/app.ts#digest': [true, false, ['pinned']], // fast-hash: a native addon
      'src/app.ts#prepare': [true, false, ['pinned']], // @acme/tools, linked from the workspace
      'src/app.ts#score': [false, true, []], // pure-math: process.env.NODE_ENV and a member named process only
      'src/app.ts#total': [false, true, []],
      'src/app.ts#total.<anonymous 1>': [false, true, []],
    });
    expect(pinnedMessages(r, 'src/app.ts#gitHead')).toEqual([
      "uses device-only module 'spawner' (node-device: a library that reaches the device: through 'spawn-core', its code uses module 'child_process' (node-device: runs programs on the device) at spawn-core/lib/index.js:2) at src/app.ts:18",
    ]);
    expect(pinnedMessages(r, 'src/app.ts#prepare')).toEqual([
      "uses device-only module '@acme/tools' (node-device: a library that reaches the device: its code uses module 'fs' (node-device: files on the device's storage (fs/promises too)) at workspace/tools/index.js:2) at src/app.ts:46",
    ]);
    expect(pinnedMessages(r, 'src/app.ts#title')).toEqual([
      "uses device-only module 'colors' (node-device: a library that reaches the device: its code uses global 'process.env' (node-device: the device's environment; the clone has its own) at colors/lib/index.js:2) at src/app.ts:22",
    ]);
  });

  test('a library that is not installed is not read: nothing is known of it', () => {
    const bare = analyzeApp({ appDir: fixture('pin-libraries'), catalogs: [bundledCatalog('node-device')] });
    expect(bare.methods.filter((m) => m.pinned)).toEqual([]);
  });
});
