import { FieldReader, YamlInput } from '../util/yamlInput.js';
import type { BudgetOptions } from '../model/problem.js';
import { MANIFEST_FORMAT_VERSION, UNIT, type Manifest, type PartitionEntry, type RuntimeSection } from './types.js';

const TOP_KEYS = ['clonecloud-manifest', 'app', 'objective', 'budget', 'nesting', 'device', 'inputs', 'partitions', 'estimated', 'runtime'] as const;
const PARTITION_KEYS = ['network', 'migrate', 'cost', 'speedup', 'energySaving', 'budget', 'optimal', 'gap', 'predicted'] as const;
const PREDICTION_KEYS = ['method', 'calls', 'upBytes', 'downBytes', 'migrationMs', 'cloneMs', 'deviceMs'] as const;
const UNITS = ['ms', 'mJ'] as const;

/** Reads a committed manifest back, validating it as strictly as a profile. */
export function parseManifest(text: string, file: string): Manifest {
  return readManifest(text, file).manifest;
}

/** The manifest, and where each of its values is ("file:line" of a path), for errors found later (an unknown network). */
export function readManifest(text: string, file: string): { manifest: Manifest; where: (path: (string | number)[]) => string } {
  const input = YamlInput.parse(text, file);
  return { manifest: validate(input), where: (path) => input.where(path) };
}

function validate(input: YamlInput): Manifest {
  const read = new FieldReader(input);
  if (input.value === undefined || input.value === null) input.fail([], 'empty file: not a clonecloud manifest');
  const top = read.object([], input.value, TOP_KEYS);
  const version = top['clonecloud-manifest'];
  if (version === undefined) input.fail([], "not a clonecloud manifest: missing 'clonecloud-manifest: 1'");
  if (version !== MANIFEST_FORMAT_VERSION) {
    input.fail(['clonecloud-manifest'], `unsupported manifest format version ${JSON.stringify(version)} (this clonecloud reads ${MANIFEST_FORMAT_VERSION})`);
  }
  const inputs = read.object(['inputs'], top.inputs, ['sources', 'profiles']);
  const partitions = read.array(['partitions'], top.partitions).map((raw, i): PartitionEntry => {
    const at = ['partitions', i];
    const p = read.object(at, raw, PARTITION_KEYS);
    const cost = read.object([...at, 'cost'], p.cost, ['unit', 'deviceOnly', 'partitioned']);
    const entry: PartitionEntry = {
      network: read.string([...at, 'network'], p.network),
      migrate: read.array([...at, 'migrate'], p.migrate).map((m, j) => read.string([...at, 'migrate', j], m)),
      cost: {
        unit: read.oneOf([...at, 'cost', 'unit'], cost.unit, UNITS),
        deviceOnly: read.number([...at, 'cost', 'deviceOnly'], cost.deviceOnly),
        partitioned: read.number([...at, 'cost', 'partitioned'], cost.partitioned),
      },
      optimal: read.oneOf([...at, 'optimal'], String(p.optimal), ['true', 'false'] as const) === 'true',
    };
    if (p.gap !== undefined) entry.gap = read.number([...at, 'gap'], p.gap);
    if (p.speedup !== undefined) entry.speedup = read.number([...at, 'speedup'], p.speedup);
    if (p.energySaving !== undefined) entry.energySaving = read.number([...at, 'energySaving'], p.energySaving, { min: -Infinity });
    if (p.budget !== undefined) {
      const b = read.object([...at, 'budget'], p.budget, ['unit', 'deviceOnly', 'partitioned', 'limit']);
      entry.budget = {
        unit: read.oneOf([...at, 'budget', 'unit'], b.unit, UNITS),
        deviceOnly: read.number([...at, 'budget', 'deviceOnly'], b.deviceOnly),
        partitioned: read.number([...at, 'budget', 'partitioned'], b.partitioned),
        limit: read.number([...at, 'budget', 'limit'], b.limit),
      };
    }
    if (p.predicted !== undefined) {
      entry.predicted = read.array([...at, 'predicted'], p.predicted).map((rawPoint, j) => {
        const path = [...at, 'predicted', j];
        const q = read.object(path, rawPoint, PREDICTION_KEYS);
        const num = (key: Exclude<(typeof PREDICTION_KEYS)[number], 'method'>) => read.number([...path, key], q[key]);
        return {
          method: read.string([...path, 'method'], q.method),
          calls: num('calls'),
          upBytes: num('upBytes'),
          downBytes: num('downBytes'),
          migrationMs: num('migrationMs'),
          cloneMs: num('cloneMs'),
          deviceMs: num('deviceMs'),
        };
      });
    }
    return entry;
  });
  // Each network once, at least one (a manifest of no partitions would pass every check), and
  // costs in the objective's unit (a hand edit that mixes them would make diff subtract ms from mJ).
  if (partitions.length === 0) input.fail(['partitions'], 'no partitions: a manifest holds at least one network condition');
  partitions.forEach((p, i) => {
    const first = partitions.findIndex((q) => q.network === p.network);
    if (first < i) input.fail(['partitions', i, 'network'], `network '${p.network}' appears twice (also partitions[${first}])`);
  });
  const objective = read.oneOf(['objective'], top.objective, ['time', 'energy'] as const);
  partitions.forEach((p, i) => {
    if (p.cost.unit !== UNIT[objective]) input.fail(['partitions', i, 'cost', 'unit'], `expected ${UNIT[objective]} (the unit of objective ${objective}), got ${p.cost.unit}`);
    const other = UNIT[objective === 'time' ? 'energy' : 'time'];
    if (p.budget && p.budget.unit !== other) input.fail(['partitions', i, 'budget', 'unit'], `expected ${other} (a budget is on the other objective), got ${p.budget.unit}`);
  });
  return {
    app: read.string(['app'], top.app),
    objective,
    ...(top.budget === undefined ? {} : { budget: readBudget(read, top.budget) }),
    nesting: read.oneOf(['nesting'], top.nesting, ['dynamic', 'static'] as const),
    device: read.string(['device'], top.device),
    inputs: {
      sources: read.string(['inputs', 'sources'], inputs.sources),
      profiles: read.array(['inputs', 'profiles'], inputs.profiles).map((raw, i) => {
        const p = read.object(['inputs', 'profiles', i], raw, ['file', 'sha256']);
        return { file: read.string(['inputs', 'profiles', i, 'file'], p.file), sha256: read.string(['inputs', 'profiles', i, 'sha256'], p.sha256) };
      }),
    },
    partitions,
    estimated: (top.estimated === undefined ? [] : read.array(['estimated'], top.estimated)).map((raw, i) => {
      const e = read.object(['estimated', i], raw, ['path', 'side']);
      return { path: read.string(['estimated', i, 'path'], e.path), side: read.oneOf(['estimated', i, 'side'], e.side, ['device', 'clone'] as const) };
    }),
    ...(top.runtime === undefined ? {} : { runtime: readRuntime(read, top.runtime) }),
  };
}

function readRuntime(read: FieldReader, value: unknown): RuntimeSection {
  const r = read.object(['runtime'], value, ['build', 'points', 'entries']);
  return {
    build: read.string(['runtime', 'build'], r.build),
    ...(r.entries === undefined ? {} : { entries: read.array(['runtime', 'entries'], r.entries).map((e, i) => read.string(['runtime', 'entries', i], e)) }),
    points: read.array(['runtime', 'points'], r.points).map((raw, i) => {
      const at = ['runtime', 'points', i];
      const p = read.object(at, raw, ['method', 'state']);
      return {
        method: read.string([...at, 'method'], p.method),
        state: read.array([...at, 'state'], p.state).map((rawState, j) => {
          const path = [...at, 'state', j];
          const s = read.object(path, rawState, ['scope', 'file', 'name', 'access']);
          return {
            scope: read.oneOf([...path, 'scope'], s.scope, ['module', 'captured'] as const),
            file: read.string([...path, 'file'], s.file),
            name: read.string([...path, 'name'], s.name),
            access: read.oneOf([...path, 'access'], s.access, ['read', 'write', 'read-write'] as const),
          };
        }),
      };
    }),
  };
}

function readBudget(read: FieldReader, value: unknown): BudgetOptions {
  const b = read.object(['budget'], value, ['maxEnergyRatio', 'maxSlowdown']);
  return {
    ...(b.maxEnergyRatio === undefined ? {} : { maxEnergyRatio: read.number(['budget', 'maxEnergyRatio'], b.maxEnergyRatio, { positive: true }) }),
    ...(b.maxSlowdown === undefined ? {} : { maxSlowdown: read.number(['budget', 'maxSlowdown'], b.maxSlowdown, { positive: true }) }),
  };
}
