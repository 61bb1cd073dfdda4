#!/usr/bin/env node
// Records this example's profiles with `clonecloud record`: compiles src/ with the root's
// TypeScript (source maps on, to .build/app/), writes the corpus with its default arguments,
// waits (up to --max-wait seconds, default 300) for the 1-minute load average to drop below
// --max-load (default 2.5: the machine is shared), then records each side with 3 runs (each a
// fresh process, folded into one file): the clone, then the device with the phone-midrange
// device model (there is no phone here: the device runs on this machine, its self times x4).
// Prints every command it runs; each profile's header states the machine and the load.
//
//   node examples/virus-scan/tools/record-profiles.mjs [--runs 3] [--max-load 2.5] [--max-wait 300]
//
// Replaces the *.profile.yaml files of profiles/ with clone.profile.yaml and device.profile.yaml.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = join(exampleDir, '..', '..');
const app = relative(rootDir, exampleDir);
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = option('--runs', 3);
const maxLoad = option('--max-load', 2.5);
const maxWait = option('--max-wait', 300);

const run = (command, args) => {
  process.stderr.write(`$ ${[command, ...args].join(' ')}\n`);
  execFileSync(command, args, { cwd: rootDir, stdio: ['ignore', 'ignore', 'inherit'] });
};

/** Waits for a quieter machine, but not forever: the header says what the load was. */
async function quiet() {
  const until = Date.now() + maxWait * 1000;
  while (loadavg()[0] >= maxLoad && Date.now() < until) {
    process.stderr.write(`load average ${loadavg()[0].toFixed(2)} >= ${maxLoad}: waiting\n`);
    await new Promise((resolve) => setTimeout(resolve, 15000));
  }
}

run('node_modules/.bin/tsc', ['-p', app, '--sourceMap']);
run('node', [`${app}/tools/make-corpus.mjs`]);
mkdirSync(join(exampleDir, 'profiles'), { recursive: true });
for (const old of readdirSync(join(exampleDir, 'profiles'))) {
  if (old.endsWith('.profile.yaml')) rmSync(join(exampleDir, 'profiles', old));
}
for (const side of ['clone', 'device']) {
  await quiet();
  run('node', ['bin/clonecloud.js', 'record', '--side', side, '--app', app, '--out', `${app}/profiles/${side}.profile.yaml`, '--runs', String(runs),
    ...(side === 'device' ? ['--device-model', 'phone-midrange'] : []), '--ok-exit', '0,1', '--', 'node', `${app}/.build/app/cli.js`, `${app}/.corpus`, '--db', `${app}/signatures`]);
}
