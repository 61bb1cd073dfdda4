import type { Device, Network, WireSide } from './environment.js';

/** Milliseconds to move `bytes` over a link of `mbps` megabits per second. */
export function transferMs(bytes: number, mbps: number): number {
  return (bytes * 8) / (mbps * 1000);
}

/** One side's run-time work for these calls and bytes, ms. */
function wireMs(side: WireSide, figures: { calls: number; bytesIn: number; bytesOut: number }): number {
  return figures.calls * side.callMs + (figures.bytesIn * side.upMsPerMB + figures.bytesOut * side.downMsPerMB) / 1e6;
}

/**
 * The parts of one context's migration time, per execution, in ms: the link's (round trips
 * calls·RTT, state up bytesIn/up, results down bytesOut/down) and the run-time's own work on each
 * side (per call, and per byte each way: encoding, decoding, applying). All linear in calls and
 * bytes. The time and the energy models both price these.
 */
export function migrationTimesMs(
  figures: { calls: number; bytesIn: number; bytesOut: number },
  network: Network,
  device: Device,
): { roundTripsMs: number; upMs: number; downMs: number; deviceWorkMs: number; cloneWorkMs: number } {
  return {
    roundTripsMs: figures.calls * network.rttMs,
    upMs: transferMs(figures.bytesIn, network.upMbps),
    downMs: transferMs(figures.bytesOut, network.downMbps),
    deviceWorkMs: wireMs(device.migration.device, figures),
    cloneWorkMs: wireMs(device.migration.clone, figures),
  };
}

/**
 * DESIGN.md: migration cost of a context = calls·RTT + bytesIn/up + bytesOut/down, plus the
 * run-time's work on both sides (calls·callMs + bytes·msPerMB each way), per execution, in ms.
 */
export function migrationCostMs(
  figures: { calls: number; bytesIn: number; bytesOut: number },
  network: Network,
  device: Device,
): number {
  return migrationCostOf(figures.calls, figures.bytesIn, figures.bytesOut, network, device);
}

/**
 * migrationCostMs of plain numbers, allocating nothing (it is priced for every context of every
 * network): the same terms as migrationTimesMs, added in the same order, so the same number.
 */
export function migrationCostOf(calls: number, bytesIn: number, bytesOut: number, network: Network, device: Device): number {
  const { device: onDevice, clone: onClone } = device.migration;
  const roundTripsMs = calls * network.rttMs;
  const upMs = transferMs(bytesIn, network.upMbps);
  const downMs = transferMs(bytesOut, network.downMbps);
  const deviceWorkMs = calls * onDevice.callMs + (bytesIn * onDevice.upMsPerMB + bytesOut * onDevice.downMsPerMB) / 1e6;
  const cloneWorkMs = calls * onClone.callMs + (bytesIn * onClone.upMsPerMB + bytesOut * onClone.downMsPerMB) / 1e6;
  return roundTripsMs + upMs + downMs + deviceWorkMs + cloneWorkMs;
}
