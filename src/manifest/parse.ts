import { FieldReader, YamlInput } from '../util/yamlInput.js';
import { MANIFEST_FORMAT_VERSION, type Manifest, type PartitionEntry } from './types.js';

const TOP_KEYS = ['clonecloud-manifest', 'app', 'objective', 'nesting', 'device', 'inputs', 'partitions', 'estimated'] as const;
const PARTITION_KEYS = ['network', 'migrate', 'cost', 'speedup', 'optimal', 'gap'] as const;

/** Reads a committed manifest back, validating it as strictly as a profile. */
export function parseManifest(text: string, file: string): Manifest {
  const input = YamlInput.parse(text, file);
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
        unit: read.oneOf([...at, 'cost', 'unit'], cost.unit, ['ms'] as const),
        deviceOnly: read.number([...at, 'cost', 'deviceOnly'], cost.deviceOnly),
        partitioned: read.number([...at, 'cost', 'partitioned'], cost.partitioned),
      },
      speedup: read.number([...at, 'speedup'], p.speedup),
      optimal: read.oneOf([...at, 'optimal'], String(p.optimal), ['true', 'false'] as const) === 'true',
    };
    if (p.gap !== undefined) entry.gap = read.number([...at, 'gap'], p.gap);
    return entry;
  });
  return {
    app: read.string(['app'], top.app),
    objective: read.oneOf(['objective'], top.objective, ['time'] as const),
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
  };
}
