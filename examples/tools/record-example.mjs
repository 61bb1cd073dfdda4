// Records an example's profiles with `clonecloud record`, shared by the examples' own
// tools/record-profiles.mjs: compiles src/ with the root's TypeScript (source maps on, to
// .build/app/), writes the example's data with its default arguments, waits (up to --max-wait
// seconds, default 300) for the 1-minute load average to drop below --max-load (default 2.5: the
// machine is shared), then records each side with --runs runs (default 3, each a fresh process,
// folded into one file): the clone, then the device with the phone-midrange device model (there
// is no phone here: the device runs on this machine, its self times x4). Prints every command it
// runs; each profile's header states the machine and the load. Replaces the *.profile.yaml files
// of the example's profiles/ with clone.profile.yaml and device.profile.yaml.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';

/**
 * @param {object} example
 * @param {string} example.dir        the example's folder
 * @param {string} example.dataScript its data generator, relative to the example
 * @param {(app: string) => string[]} example.args  the app's arguments (paths from the repo root)
 * @param {string[]} [example.recordOptions]  extra `clonecloud record` options (e.g. --ok-exit)
 */
export async function recordExample({ dir, dataScript, args, recordOptions = [] }) {
  const rootDir = join(dir, '..', '..');
  const app = relative(rootDir, dir);
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const runs = option('--runs', 3);
  const maxLoad = option('--max-load', 2.5);
  const maxWait = option('--max-wait', 300);

  const run = (command, commandArgs) => {
    process.stderr.write(`$ ${[command, ...commandArgs].join(' ')}\n`);
    execFileSync(command, commandArgs, { cwd: rootDir, stdio: ['ignore', 'ignore', 'inherit'] });
  };

  /** Waits for a quieter machine, but not forever: the header says what the load was. */
  const quiet = async () => {
    const until = Date.now() + maxWait * 1000;
    while (loadavg()[0] >= maxLoad && Date.now() < until) {
      process.stderr.write(`load average ${loadavg()[0].toFixed(2)} >= ${maxLoad}: waiting\n`);
      await new Promise((resolve) => setTimeout(resolve, 15000));
    }
  };

  run('node_modules/.bin/tsc', ['-p', app, '--sourceMap']);
  run('node', [`${app}/${dataScript}`]);
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  for (const old of readdirSync(join(dir, 'profiles'))) {
    if (old.endsWith('.profile.yaml')) rmSync(join(dir, 'profiles', old));
  }
  for (const side of ['clone', 'device']) {
    await quiet();
    run('node', [
      'bin/clonecloud.js', 'record', '--side', side, '--app', app, '--out', `${app}/profiles/${side}.profile.yaml`, '--runs', String(runs),
      ...(side === 'device' ? ['--device-model', 'phone-midrange'] : []), ...recordOptions,
      '--', 'node', `${app}/.build/app/cli.js`, ...args(app),
    ]);
  }
}
