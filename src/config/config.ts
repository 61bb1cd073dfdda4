import { FieldReader, YamlInput, type FieldPath } from '../util/yamlInput.js';

export const CONFIG_FILE = 'clonecloud.yaml';

/** The app's `clonecloud.yaml`: defaults for every command, overridden by command-line flags. */
export interface AppConfig {
  /** tsconfig path relative to the app. */
  tsconfig?: string;
  /** Platform catalogs to apply (names in profiles/platforms); all bundled ones when absent. */
  platforms?: string[];
  /** Method-id globs pinned to the device on top of the catalogs. */
  pin?: string[];
  /** Method-id globs exempt from catalog pinning. */
  allow?: string[];
  /** Profile globs relative to the app. */
  profiles?: string[];
  networks?: string[];
  device?: string;
  nesting?: 'dynamic' | 'static';
  objective?: 'time' | 'energy';
  /** With objective time: partitioned energy ≤ maxEnergyRatio × all-device energy. */
  maxEnergyRatio?: number;
  /** With objective energy: partitioned time ≤ maxSlowdown × all-device time. */
  maxSlowdown?: number;
  /** Solver time limit per network, seconds. */
  timeLimit?: number;
  strict?: boolean;
  /** 'device': a call the analysis cannot resolve may reach the device (see AnalyzeOptions.unresolved). */
  unresolved?: 'allow' | 'device';
  /** 'refuse': source files reached through a symbolic link that leads outside the app stop the analysis (default 'warn'). */
  outsideLinks?: 'warn' | 'refuse';
}

const KEYS = ['tsconfig', 'platforms', 'pin', 'allow', 'profiles', 'networks', 'device', 'nesting', 'objective', 'maxEnergyRatio', 'maxSlowdown', 'timeLimit', 'strict', 'unresolved', 'outsideLinks'] as const;

/** A config and where each of its values is, for errors about them that only later steps find (an unknown network name). */
export interface LocatedConfig {
  config: AppConfig;
  /** "file:line" of the value at `path` (e.g. ['networks', 1]). */
  where(path: FieldPath): string;
}

/** Lists where an empty list would silently mean something else than the user wants. */
const NOT_EMPTY: Partial<Record<string, string>> = {
  networks: 'an empty list selects no network condition, and a manifest of no partitions passes every check; remove the key for every bundled network',
  platforms: "an empty list applies no platform catalog, so nothing device-only would be pinned; remove the key for every bundled catalog (or `allow: ['**']` to exempt every method on purpose)",
  profiles: 'an empty list of profiles; remove the key for the default search (<app-dir>/**/*.profile.{yaml,json})',
};
/** Lists whose items name one thing each: a repeated item is a mistake. */
const UNIQUE = ['networks', 'platforms'];

export function readConfig(text: string, file: string): LocatedConfig {
  const input = YamlInput.parse(text, file);
  const where = (path: FieldPath) => input.where(path);
  if (input.value === undefined || input.value === null) return { config: {}, where };
  const read = new FieldReader(input);
  const top = read.object([], input.value, KEYS);
  const strings = (key: string): string[] | undefined => {
    const value = top[key];
    if (value === undefined) return undefined;
    const list = read.array([key], value).map((item, i) => read.string([key, i], item));
    if (list.length === 0 && NOT_EMPTY[key]) input.fail([key], NOT_EMPTY[key]!);
    if (UNIQUE.includes(key)) {
      list.forEach((item, i) => {
        const first = list.indexOf(item);
        if (first < i) input.fail([key, i], `'${item}' is listed twice (also ${key}[${first}])`);
      });
    }
    return list;
  };
  const config: AppConfig = {};
  if (top.tsconfig !== undefined) config.tsconfig = read.string(['tsconfig'], top.tsconfig);
  if (top.device !== undefined) config.device = read.string(['device'], top.device);
  if (top.nesting !== undefined) config.nesting = read.oneOf(['nesting'], top.nesting, ['dynamic', 'static'] as const);
  if (top.objective !== undefined) config.objective = read.oneOf(['objective'], top.objective, ['time', 'energy'] as const);
  if (top.maxEnergyRatio !== undefined) config.maxEnergyRatio = read.number(['maxEnergyRatio'], top.maxEnergyRatio, { positive: true });
  if (top.maxSlowdown !== undefined) config.maxSlowdown = read.number(['maxSlowdown'], top.maxSlowdown, { positive: true });
  if (top.timeLimit !== undefined) config.timeLimit = read.number(['timeLimit'], top.timeLimit, { positive: true });
  if (top.unresolved !== undefined) config.unresolved = read.oneOf(['unresolved'], top.unresolved, ['allow', 'device'] as const);
  if (top.strict !== undefined) config.strict = boolean(input, ['strict'], top.strict);
  if (top.outsideLinks !== undefined) config.outsideLinks = read.oneOf(['outsideLinks'], top.outsideLinks, ['warn', 'refuse'] as const);
  for (const key of ['platforms', 'pin', 'allow', 'profiles', 'networks'] as const) {
    const list = strings(key);
    if (list !== undefined) config[key] = list;
  }
  return { config, where };
}

function boolean(input: YamlInput, path: FieldPath, value: unknown): boolean {
  if (typeof value !== 'boolean') input.fail(path, `expected true or false, got ${JSON.stringify(value)}`);
  return value;
}
