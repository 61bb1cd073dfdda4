import type { Network } from './environment.js';

/** Milliseconds to move `bytes` over a link of `mbps` megabits per second. */
export function transferMs(bytes: number, mbps: number): number {
  return (bytes * 8) / (mbps * 1000);
}

/**
 * DESIGN.md: migration cost of a context = calls·(RTT + fixed overhead) + bytesIn/up + bytesOut/down,
 * per execution, in ms.
 */
export function migrationCostMs(
  figures: { calls: number; bytesIn: number; bytesOut: number },
  network: Network,
): number {
  return (
    figures.calls * (network.rttMs + network.migrationOverheadMs) +
    transferMs(figures.bytesIn, network.upMbps) +
    transferMs(figures.bytesOut, network.downMbps)
  );
}
