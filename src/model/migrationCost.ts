import type { Network } from './environment.js';

/** Milliseconds to move `bytes` over a link of `mbps` megabits per second. */
export function transferMs(bytes: number, mbps: number): number {
  return (bytes * 8) / (mbps * 1000);
}

/**
 * The parts of one context's migration time, per execution, in ms: round trips with their fixed
 * overhead (calls·(RTT + overhead)), state up (bytesIn/up) and results down (bytesOut/down).
 * The time and the energy models both price these.
 */
export function migrationTimesMs(
  figures: { calls: number; bytesIn: number; bytesOut: number },
  network: Network,
): { roundTripsMs: number; upMs: number; downMs: number } {
  return {
    roundTripsMs: figures.calls * (network.rttMs + network.migrationOverheadMs),
    upMs: transferMs(figures.bytesIn, network.upMbps),
    downMs: transferMs(figures.bytesOut, network.downMbps),
  };
}

/**
 * DESIGN.md: migration cost of a context = calls·(RTT + fixed overhead) + bytesIn/up + bytesOut/down,
 * per execution, in ms.
 */
export function migrationCostMs(
  figures: { calls: number; bytesIn: number; bytesOut: number },
  network: Network,
): number {
  const { roundTripsMs, upMs, downMs } = migrationTimesMs(figures, network);
  return roundTripsMs + upMs + downMs;
}
