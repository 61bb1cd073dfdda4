import { FieldReader, YamlInput } from '../util/yamlInput.js';

/** A network condition (`profiles/networks/*.yaml`). */
export interface Network {
  name: string;
  description: string;
  upMbps: number;
  downMbps: number;
  rttMs: number;
  /** Fixed cost of one migration besides the round trip (capture and restore of state). */
  migrationOverheadMs: number;
  radio: { activeMw: number; upMwPerMbps: number; downMwPerMbps: number; tailMs: number; tailMw: number };
}

/** A device model (`profiles/devices/*.yaml`). */
export interface Device {
  name: string;
  description: string;
  /** Device CPU speed relative to the clone's (clone = 1). */
  relativeSpeed: number;
  cpuBusyMw: number;
  cpuIdleMw: number;
}

export function parseNetwork(text: string, file: string): Network {
  const input = YamlInput.parse(text, file);
  const read = new FieldReader(input);
  const top = read.object([], input.value, ['network', 'description', 'upMbps', 'downMbps', 'rttMs', 'migrationOverheadMs', 'radio']);
  const radio = read.object(['radio'], top.radio, ['activeMw', 'upMwPerMbps', 'downMwPerMbps', 'tailMs', 'tailMw']);
  const num = (key: string, value: unknown, positive = false) => read.number(key.split('.'), value, { positive });
  return {
    name: read.string(['network'], top.network),
    description: read.string(['description'], top.description),
    upMbps: num('upMbps', top.upMbps, true),
    downMbps: num('downMbps', top.downMbps, true),
    rttMs: num('rttMs', top.rttMs),
    migrationOverheadMs: num('migrationOverheadMs', top.migrationOverheadMs),
    radio: {
      activeMw: num('radio.activeMw', radio.activeMw),
      upMwPerMbps: num('radio.upMwPerMbps', radio.upMwPerMbps),
      downMwPerMbps: num('radio.downMwPerMbps', radio.downMwPerMbps),
      tailMs: num('radio.tailMs', radio.tailMs),
      tailMw: num('radio.tailMw', radio.tailMw),
    },
  };
}

export function parseDevice(text: string, file: string): Device {
  const input = YamlInput.parse(text, file);
  const read = new FieldReader(input);
  const top = read.object([], input.value, ['device', 'description', 'relativeSpeed', 'cpuBusyMw', 'cpuIdleMw']);
  return {
    name: read.string(['device'], top.device),
    description: read.string(['description'], top.description),
    relativeSpeed: read.number(['relativeSpeed'], top.relativeSpeed, { positive: true }),
    cpuBusyMw: read.number(['cpuBusyMw'], top.cpuBusyMw),
    cpuIdleMw: read.number(['cpuIdleMw'], top.cpuIdleMw),
  };
}
