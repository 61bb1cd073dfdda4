import { join } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, readConfig, type LocatedConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import type { BudgetOptions } from '../model/problem.js';
import type { NestingModel, Objective } from '../model/types.js';
import { isFile } from '../util/files.js';
import { displayPath, readText } from './load.js';
import { fileOrigin, flagOrigin, type Origin } from './origin.js';

/** Everything a partition needs to know besides the app's files: config, then flags on top. */
export interface Settings {
  tsconfig: string;
  platforms?: string[];
  pin: string[];
  allow: string[];
  unresolved: 'allow' | 'device';
  /** Profile files/folders/globs, already resolved to be relative to the cwd or absolute. */
  profiles?: string[];
  networks?: string[];
  device: string;
  nesting: NestingModel;
  objective: Objective;
  budget: BudgetOptions;
  timeLimitSec: number;
  strict: boolean;
  outsideLinks: 'warn' | 'refuse';
  /** Where the settings that name things came from (absent: the default). */
  origins: Partial<Record<'platforms' | 'pin' | 'allow' | 'profiles' | 'networks' | 'device', Origin>>;
}

export interface SettingsFlags {
  config?: string;
  profiles?: string[];
  network?: string;
  device?: string;
  nesting?: string;
  objective?: string;
  maxEnergyRatio?: string;
  maxSlowdown?: string;
  timeLimit?: string;
  strict?: boolean;
  tsconfig?: string;
  refuseOutsideLinks?: boolean;
}

/** The options shared by every command that computes a partition. */
export function addSettingsOptions(command: Command): Command {
  return command
    .option('--config <file>', `config file (default: <app-dir>/${CONFIG_FILE} when present)`)
    .option('--profiles <glob...>', 'profile files, folders or globs (default: <app-dir>/**/*.profile.{yaml,json})')
    .option('--network <names>', 'comma-separated network conditions (default: every bundled one)')
    .option('--device <name>', 'device model from profiles/devices (default: phone-midrange)')
    .option('--nesting <model>', "'dynamic' (a migration point reached on the clone is a plain call, default) or 'static' (CloneCloud's rule)")
    .option('--objective <objective>', "'time' (default) or 'energy' (the device's energy, mJ)")
    .option('--max-energy-ratio <x>', 'with --objective time: use at most x times the all-device energy')
    .option('--max-slowdown <x>', 'with --objective energy: take at most x times the all-device time')
    .option('--time-limit <seconds>', 'solver time limit per network (default: 60)')
    .option('--strict', 'profiles naming methods the app no longer has, and sources that do not parse, are errors, not warnings')
    .option('--tsconfig <path>', 'tsconfig relative to <app-dir> (default: tsconfig.json)')
    .option('--refuse-outside-links', 'stop when a source file is reached through a symbolic link that leads outside the app (default: analyse it, with a warning)');
}

/** Settings a committed manifest was made with: `check` recomputes under them. */
export type RecordedSettings = Partial<Pick<Settings, 'networks' | 'device' | 'nesting' | 'objective' | 'budget'>> & { origins?: Pick<Settings['origins'], 'networks' | 'device'> };

/** Flags first, then what the manifest recorded, then clonecloud.yaml, then the defaults. */
export function resolveSettings(appDir: string, flags: SettingsFlags, recorded: RecordedSettings = {}): Settings {
  const { config, where } = readConfigFile(appDir, flags.config);
  const fromConfig = (key: string) => fileOrigin([key], where);
  const origins: Settings['origins'] = {};
  const pick = <T>(key: keyof Settings['origins'], flag: T | undefined, flagName: string, fromManifest: T | undefined, fromFile: T | undefined): T | undefined => {
    if (flag !== undefined) origins[key] = flagOrigin(flagName);
    else if (fromManifest !== undefined) origins[key] = recorded.origins?.[key as 'networks' | 'device'];
    else if (fromFile !== undefined) origins[key] = fromConfig(key);
    return flag ?? fromManifest ?? fromFile;
  };
  const networks = pick('networks', flags.network === undefined ? undefined : networkFlag(flags.network), '--network', recorded.networks, config.networks);
  const profiles = pick('profiles', flags.profiles, '--profiles', undefined, config.profiles?.map((glob) => join(appDir, glob)));
  const device = pick('device', flags.device, '--device', recorded.device, config.device);
  if (config.platforms) origins.platforms = fromConfig('platforms');
  if (config.pin) origins.pin = fromConfig('pin');
  if (config.allow) origins.allow = fromConfig('allow');
  const ratio = (flag: string | undefined, name: string, fallback: number | undefined) =>
    flag === undefined ? fallback : positive(flag, name, 'a positive number');
  const maxEnergyRatio = ratio(flags.maxEnergyRatio, '--max-energy-ratio', recorded.budget?.maxEnergyRatio ?? config.maxEnergyRatio);
  const maxSlowdown = ratio(flags.maxSlowdown, '--max-slowdown', recorded.budget?.maxSlowdown ?? config.maxSlowdown);
  return {
    tsconfig: flags.tsconfig === '' ? fail("an empty path: expected the app's tsconfig", '--tsconfig') : flags.tsconfig ?? config.tsconfig ?? 'tsconfig.json',
    ...(config.platforms ? { platforms: config.platforms } : {}),
    pin: config.pin ?? [],
    allow: config.allow ?? [],
    unresolved: config.unresolved ?? 'allow',
    ...(profiles ? { profiles } : {}),
    ...(networks ? { networks } : {}),
    device: device ?? 'phone-midrange',
    nesting: flags.nesting === undefined ? recorded.nesting ?? config.nesting ?? 'dynamic' : oneOf(flags.nesting, ['dynamic', 'static'] as const, '--nesting'),
    objective: flags.objective === undefined ? recorded.objective ?? config.objective ?? 'time' : oneOf(flags.objective, ['time', 'energy'] as const, '--objective'),
    budget: {
      ...(maxEnergyRatio === undefined ? {} : { maxEnergyRatio }),
      ...(maxSlowdown === undefined ? {} : { maxSlowdown }),
    },
    timeLimitSec: flags.timeLimit === undefined ? config.timeLimit ?? 60 : positive(flags.timeLimit, '--time-limit', 'a positive number of seconds'),
    strict: flags.strict ?? config.strict ?? false,
    outsideLinks: flags.refuseOutsideLinks ? 'refuse' : config.outsideLinks ?? 'warn',
    origins,
  };
}

/** `--network wifi,lte`: at least one name, each once (`--network ','` used to select none and pass check). */
function networkFlag(value: string): string[] {
  const names = value.split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new InputError(`expected network names like wifi,lte, got '${value}': an empty selection would solve nothing`, undefined, '--network');
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new InputError(`'${twice}' is listed twice in '${value}'`, undefined, '--network');
  return names;
}

function readConfigFile(appDir: string, explicit: string | undefined): LocatedConfig {
  const file = explicit ?? join(appDir, CONFIG_FILE);
  if (explicit === undefined && !isFile(file)) return { config: {}, where: () => displayPath(file) };
  return readConfig(readText(file, 'config file'), displayPath(file));
}

function fail(what: string, flag: string): never {
  throw new InputError(what, undefined, flag);
}

function oneOf<T extends string>(value: string, choices: readonly T[], flag: string): T {
  if (!choices.includes(value as T)) throw new InputError(`expected ${choices.map((c) => `'${c}'`).join(' or ')}, got '${value}'`, undefined, flag);
  return value as T;
}

function positive(value: string, flag: string, what: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InputError(`expected ${what}, got '${value}'`, undefined, flag);
  return n;
}
