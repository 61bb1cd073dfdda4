import { FieldReader, YamlInput } from '../util/yamlInput.js';

/** A network condition (`profiles/networks/*.yaml`). */
export interface Network {
  name: string;
  description: string;
  upMbps: number;
  downMbps: number;
  rttMs: number;
  radio: { activeMw: number; upMwPerMbps: number; downMwPerMbps: number; tailMs: number; tailMw: number };
}

/**
 * The run-time's own work for one migrated call on one side, ms: fixed per call, and per MB
 * (10^6 bytes) of the state sent up and of the answer sent down (encoding on the sending side,
 * decoding on the receiving one; on the clone, state up is also compared after the call).
 */
export interface WireSide {
  callMs: number;
  upMsPerMB: number;
  downMsPerMB: number;
}

/** A device model (`profiles/devices/*.yaml`): a device and the clone it is paired with. */
export interface Device {
  name: string;
  description: string;
  /** Device CPU speed relative to the clone's (clone = 1). */
  relativeSpeed: number;
  cpuBusyMw: number;
  cpuIdleMw: number;
  /** The run-time's work per migrated call on the device's CPU and on the clone's. */
  migration: { device: WireSide; clone: WireSide };
}

export function parseNetwork(text: string, file: string): Network {
  const input = YamlInput.parse(text, file);
  const read = new FieldReader(input);
  const top = read.object([], input.value, ['network', 'description', 'upMbps', 'downMbps', 'rttMs', 'radio']);
  const radio = read.object(['radio'], top.radio, ['activeMw', 'upMwPerMbps', 'downMwPerMbps', 'tailMs', 'tailMw']);
  const num = (key: string, value: unknown, positive = false) => read.number(key.split('.'), value, { positive });
  return {
    name: read.string(['network'], top.network),
    description: read.string(['description'], top.description),
    upMbps: num('upMbps', top.upMbps, true),
    downMbps: num('downMbps', top.downMbps, true),
    rttMs: num('rttMs', top.rttMs),
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
  const top = read.object([], input.value, ['device', 'description', 'relativeSpeed', 'cpuBusyMw', 'cpuIdleMw', 'migration']);
  const migration = read.object(['migration'], top.migration, ['device', 'clone']);
  const side = (name: 'device' | 'clone'): WireSide => {
    const s = read.object(['migration', name], migration[name], ['callMs', 'upMsPerMB', 'downMsPerMB']);
    return {
      callMs: read.number(['migration', name, 'callMs'], s.callMs),
      upMsPerMB: read.number(['migration', name, 'upMsPerMB'], s.upMsPerMB),
      downMsPerMB: read.number(['migration', name, 'downMsPerMB'], s.downMsPerMB),
    };
  };
  return {
    name: read.string(['device'], top.device),
    description: read.string(['description'], top.description),
    relativeSpeed: read.number(['relativeSpeed'], top.relativeSpeed, { positive: true }),
    cpuBusyMw: read.number(['cpuBusyMw'], top.cpuBusyMw),
    cpuIdleMw: read.number(['cpuIdleMw'], top.cpuIdleMw),
    migration: { device: side('device'), clone: side('clone') },
  };
}
