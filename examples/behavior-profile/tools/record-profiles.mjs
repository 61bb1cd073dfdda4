#!/usr/bin/env node
// Records this example's profiles with `clonecloud record`: compiles src/ with the root's
// TypeScript (source maps on, to .build/app/), writes the data with its default arguments, then
// runs the app once per recording, clone and device runs interleaved (clone 1, device 1, clone 2,
// ...) so both see the same conditions on a shared machine, and applies the device model to each
// device recording (tools/scale-device.mjs). Prints every command it runs.
//
//   node examples/behavior-profile/tools/record-profiles.mjs [--runs 3]     (from the repository root)
//
// Replaces the *.profile.yaml files of profiles/ with clone-<n>.profile.yaml and device-<n>.profile.yaml
// (one run each).

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = join(exampleDir, '..', '..');
const app = relative(rootDir, exampleDir);
const i = process.argv.indexOf('--runs');
const runs = i >= 0 ? Number(process.argv[i + 1]) : 3;

const run = (command, args) => {
  process.stderr.write(`$ ${[command, ...args].join(' ')}\n`);
  execFileSync(command, args, { cwd: rootDir, stdio: ['ignore', 'ignore', 'inherit'] });
};

run('node_modules/.bin/tsc', ['-p', app]);
run('node', [`${app}/tools/make-data.mjs`]);
mkdirSync(join(exampleDir, 'profiles'), { recursive: true });
for (const old of readdirSync(join(exampleDir, 'profiles'))) {
  if (old.endsWith('.profile.yaml')) rmSync(join(exampleDir, 'profiles', old));
}
for (let n = 1; n <= runs; n++) {
  for (const side of ['clone', 'device']) {
    const out = `${app}/profiles/${side}-${n}.profile.yaml`;
    run('node', ['bin/clonecloud.js', 'record', '--side', side, '--app', app, '--out', out, '--runs-label', `${side} run ${n} of ${runs}`,
      '--', 'node', `${app}/.build/app/cli.js`, `${app}/.data/activity.log`]);
    if (side === 'device') run('node', [`${app}/tools/scale-device.mjs`, out]);
  }
}
