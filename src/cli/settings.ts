import { join } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, parseConfig, type AppConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import type { BudgetOptions } from '../model/problem.js';
import type { NestingModel, Objective } from '../model/types.js';
import { isFile } from '../util/files.js';
import { displayPath, readText } from './load.js';

/** Everything a partition needs to know besides the app's files: config, then flags on top. */
export interface Settings {
  tsconfig: string;
  platforms?: string[];
  pin: string[];
  allow: string[];
  /** Profile files/folders/globs, already resolved to be relative to the cwd or absolute. */
  profiles?: string[];
  networks?: string[];
  device: string;
  nesting: NestingModel;
  objective: Objective;
  budget: BudgetOptions;
  timeLimitSec: number;
  strict: boolean;
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
    .option('--strict', 'profiles naming methods the app no longer has are errors, not warnings')
    .option('--tsconfig <path>', 'tsconfig relative to <app-dir> (default: tsconfig.json)');
}

export function resolveSettings(appDir: string, flags: SettingsFlags): Settings {
  const config = readConfig(appDir, flags.config);
  const networks = flags.network?.split(',').map((n) => n.trim()).filter(Boolean) ?? config.networks;
  const profiles = flags.profiles ?? config.profiles?.map((glob) => join(appDir, glob));
  return {
    tsconfig: flags.tsconfig ?? config.tsconfig ?? 'tsconfig.json',
    ...(config.platforms ? { platforms: config.platforms } : {}),
    pin: config.pin ?? [],
    allow: config.allow ?? [],
    ...(profiles ? { profiles } : {}),
    ...(networks ? { networks } : {}),
    device: flags.device ?? config.device ?? 'phone-midrange',
    nesting: flags.nesting === undefined ? config.nesting ?? 'dynamic' : parseNesting(flags.nesting),
    objective: flags.objective === undefined ? config.objective ?? 'time' : parseObjective(flags.objective),
    budget: {
      ...optionalRatio('maxEnergyRatio', flags.maxEnergyRatio, config.maxEnergyRatio, '--max-energy-ratio'),
      ...optionalRatio('maxSlowdown', flags.maxSlowdown, config.maxSlowdown, '--max-slowdown'),
    },
    timeLimitSec: flags.timeLimit === undefined ? config.timeLimit ?? 60 : parseSeconds(flags.timeLimit),
    strict: flags.strict ?? config.strict ?? false,
  };
}

function readConfig(appDir: string, explicit: string | undefined): AppConfig {
  const file = explicit ?? join(appDir, CONFIG_FILE);
  if (explicit === undefined && !isFile(file)) return {};
  return parseConfig(readText(file, 'config file'), displayPath(file));
}

function parseNesting(value: string): NestingModel {
  if (value !== 'dynamic' && value !== 'static') throw new InputError(`expected 'dynamic' or 'static', got '${value}'`, undefined, '--nesting');
  return value;
}

function parseObjective(value: string): Objective {
  if (value !== 'time' && value !== 'energy') throw new InputError(`expected 'time' or 'energy', got '${value}'`, undefined, '--objective');
  return value;
}

function optionalRatio<K extends string>(key: K, flag: string | undefined, configured: number | undefined, name: string): Partial<Record<K, number>> {
  if (flag === undefined) return configured === undefined ? {} : ({ [key]: configured } as Record<K, number>);
  const ratio = Number(flag);
  if (!(ratio > 0)) throw new InputError(`expected a positive number, got '${flag}'`, undefined, name);
  return { [key]: ratio } as Record<K, number>;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!(seconds > 0)) throw new InputError(`expected a positive number of seconds, got '${value}'`, undefined, '--time-limit');
  return seconds;
}
