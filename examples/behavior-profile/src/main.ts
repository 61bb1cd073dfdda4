// behavior-profile: builds an interest profile from the activity log on the device.
//   behavior-profile <activity log> [--save <file.json>] [--half-life DAYS] [--quiet] [--no-timing]

import { isFile, readLog, saveProfile } from './device/storage.js';
import { ProfileBuilder } from './analysis/profile.js';
import { ProfileReport } from './ui/report.js';

interface Options {
  log: string;
  save: string | undefined;
  halfLifeDays: number;
  quiet: boolean;
  /** Print elapsed times (off to compare two runs byte for byte). */
  timing: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { log: '', save: undefined, halfLifeDays: 14, quiet: false, timing: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--save') options.save = args[++i];
    else if (arg === '--half-life') options.halfLifeDays = Number(args[++i]);
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--no-timing') options.timing = false;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.log = arg;
  }
  if (!options.log) return 'usage: behavior-profile <activity log> [--save <file.json>] [--half-life DAYS] [--quiet] [--no-timing]';
  if (!(options.halfLifeDays > 0)) return '--half-life: a positive number of days';
  if (!isFile(options.log)) return `no such log: ${options.log}`;
  return options;
}

/** Returns the exit code: 0 profile built, 1 too little activity for one, 2 usage or I/O error. */
export function main(args: string[]): number {
  const options = parseArgs(args);
  const report = new ProfileReport(typeof options !== 'string' && options.quiet);
  if (typeof options === 'string') {
    report.error(options);
    return 2;
  }
  const text = readLog(options.log);
  report.reading(options.log, text.length);

  const builder = new ProfileBuilder({ halfLifeDays: options.halfLifeDays });
  const started = performance.now();
  const profile = builder.build(text);
  report.show(profile, options.timing ? performance.now() - started : undefined);

  if (options.save) {
    saveProfile(options.save, profile);
    report.saved(options.save);
  }
  return profile.interests.length > 0 ? 0 : 1;
}
