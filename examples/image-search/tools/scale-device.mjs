#!/usr/bin/env node
// The device model, applied to a recorded profile. There is no phone here: the device profile
// is a recording made with `clonecloud record --side device` on the same machine as the clone
// profile, and this script multiplies every context's selfMs by 1/relativeSpeed of the device
// model (profiles/devices/<name>.yaml at the repository root; phone-midrange: 1/0.25 = 4).
// calls, bytesIn and bytesOut stay as measured. It adds a header line saying so, and refuses a
// file that already has it (so it never scales twice).
//
//   node tools/scale-device.mjs <device profile.yaml> [--device phone-midrange]

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MARK = '# DEVICE MODEL, NOT A PHONE:';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--device');
const di = args.indexOf('--device');
const device = di >= 0 ? args[di + 1] : 'phone-midrange';
if (!file) {
  process.stderr.write('usage: node tools/scale-device.mjs <device profile.yaml> [--device phone-midrange]\n');
  process.exit(2);
}

const model = readFileSync(join(rootDir, 'profiles', 'devices', `${device}.yaml`), 'utf8');
const relativeSpeed = Number(/^relativeSpeed:\s*([0-9.]+)/m.exec(model)?.[1]);
if (!(relativeSpeed > 0 && relativeSpeed <= 1)) throw new Error(`no relativeSpeed in profiles/devices/${device}.yaml`);
const factor = 1 / relativeSpeed;

const text = readFileSync(file, 'utf8');
if (text.includes(MARK)) throw new Error(`${file} is already scaled`);
if (!/^side: device$/m.test(text)) throw new Error(`${file} is not a device-side profile (side: device)`);
let scaled = 0;
const body = text.replace(/(\bselfMs: )([0-9.eE+-]+)/g, (_, key, ms) => {
  scaled++;
  return `${key}${Math.round(Number(ms) * factor * 10000) / 10000}`;
});
const note =
  `${MARK} recorded on the clone's machine (see above), then every selfMs was multiplied by ${factor}\n` +
  `# (= 1/relativeSpeed of profiles/devices/${device}.yaml) by tools/scale-device.mjs; calls and bytes as measured.\n`;
writeFileSync(file, note + body);
process.stdout.write(`${file}: ${scaled} contexts, selfMs x${factor}\n`);
