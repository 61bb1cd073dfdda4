import { InputError } from '../../src/errors.js';
import { parseCatalog } from '../../src/analysis/legality/catalog.js';
import { bundledCatalog } from './helpers.js';

describe('parseCatalog', () => {
  test('reads entries, bare names and why, with lines', () => {
    const c = parseCatalog('platform: x\nmodules:\n  - usb\n  - name: fs\n    why: disk\nglobals:\n  - navigator.geolocation\ntypes: []\n', 'x.yaml');
    expect(c).toEqual({
      platform: 'x',
      file: 'x.yaml',
      modules: [
        { name: 'usb', line: 3 },
        { name: 'fs', why: 'disk', line: 4 },
      ],
      globals: [{ name: 'navigator.geolocation', line: 7 }],
      types: [],
    });
  });

  test.each([
    ['platform: x\nglobals:\n  - name: 1bad\n', 'x.yaml:3: field \'globals[0].name\': a global must be an identifier or a dotted path'],
    ['platform: x\nmodulez: []\n', "x.yaml:2: field 'modulez': unknown key"],
    ['modules: []\n', "x.yaml:1: field 'platform': missing"],
    ['platform: x\nmodules:\n  - fs\n  - fs\n', "x.yaml:4: field 'modules[1].name': duplicate 'fs'"],
    ['platform: x\nmodules:\n  - name: fs\n    because: disk\n', "x.yaml:4: field 'modules[0].because': unknown key"],
  ])('rejects %j', (text, message) => {
    expect(() => parseCatalog(text, 'x.yaml')).toThrow(InputError);
    expect(() => parseCatalog(text, 'x.yaml')).toThrow(message);
  });

  test('the bundled catalogs parse', () => {
    expect(bundledCatalog('browser').globals.map((g) => g.name)).toContain('navigator.geolocation');
    expect(bundledCatalog('node-device').modules.map((m) => m.name)).toEqual(
      expect.arrayContaining(['serialport', 'onoff', 'i2c-bus', 'node-hid', 'usb', '@abandonware/noble', 'fs', 'readline', 'tty']),
    );
  });
});
