import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

describe("where a module lies is the device's (pin-module-location)", () => {
  const r = analyzeApp({ appDir: fixture('pin-module-location'), catalogs: [bundledCatalog('node-device')] });

  test('import.meta.url, .dirname, .resolve, __dirname and require.resolve pin; a path made at load is carried state', () => {
    expect(verdictRows(r)).toEqual({
      'src/assets.ts#assetUrl': [true, false, ['pinned']],
      'src/assets.ts#moduleDir': [true, false, ['pinned']],
      'src/assets.ts#resolvedHelper': [true, false, ['pinned']],
      'src/assets.ts#legacyDir': [true, false, ['pinned']],
      'src/assets.ts#requiredFrom': [true, false, ['pinned']],
      'src/assets.ts#assetPath': [false, true, []], // `here`: a module constant the run-time compares with the clone's
      'src/assets.ts#extension': [false, true, []],
    });
    expect(pinnedMessages(r, 'src/assets.ts#assetUrl')).toEqual([
      "uses device-only global 'import.meta.url' (node-device: where the module lies on the device; the clone's copy of the build lies elsewhere) at src/assets.ts:8",
    ]);
    expect(r.methods.find((m) => m.id === 'src/assets.ts#assetPath')!.state).toEqual([{ scope: 'module', file: 'src/assets.ts', name: 'here', line: 5, access: 'read' }]);
  });
});
