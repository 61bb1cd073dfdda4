/**
 * Device energy of one calling context, per execution, in millijoules (mW × ms / 1000 = mJ).
 *
 * - On the device:  E_dev   = cpuBusyMw · deviceMs
 * - On the clone:   E_clone = (cpuIdleMw + radio.tailMw) · cloneMs
 *   The device waits; its radio stays in the connected state, whose power is the tail power of
 *   the radio model (the tail is that state held after the last packet; Huang et al. 2012).
 * - Migrating into it (per call: one migration there and back):
 *   E_mig = upMs   · (radio.activeMw + radio.upMwPerMbps · upMbps     + cpuIdleMw)
 *         + downMs · (radio.activeMw + radio.downMwPerMbps · downMbps + cpuIdleMw)
 *         + calls · rttMs · (radio.activeMw + cpuIdleMw)
 *         + deviceWorkMs · cpuBusyMw
 *         + cloneWorkMs · (cpuIdleMw + radio.tailMw)
 *         + calls · radio.tailMw · radio.tailMs
 *   with upMs = bytesIn·8 / (upMbps·1000), downMs = bytesOut·8 / (downMbps·1000) and the
 *   run-time's work on each side (deviceWorkMs, cloneWorkMs: per call and per byte, from the
 *   device model's `migration`) as in the time model: the device's own encoding and decoding keep
 *   its CPU busy; while the clone's run-time works the device waits as it does for clone compute.
 *   The tail is paid once per migration; tails of migrations closer together than tailMs overlap
 *   in reality, so this is an upper bound for bursts of migrations.
 *
 * Worked example (test/model/energy.test.ts): Wi-Fi as bundled (up 8, down 12 Mbit/s, RTT 30 ms,
 * active 132.86 mW, 283.17 / 137.01 mW per Mbit/s, tail 119.3 mW × 238 ms), the bundled phone
 * (busy 600 mW, idle 40 mW; run-time work per call 1 ms on each side, per MB up 12 ms on the
 * device and 11 on the clone, per MB down 40 and 110), one call with 100 kB in and 12 kB out,
 * 400 ms on the device, 100 ms on the clone:
 *   E_dev = 600 · 400 / 1000 = 240 mJ;  E_clone = (40 + 119.3) · 100 / 1000 = 15.93 mJ;
 *   upMs = 100; downMs = 8; deviceWorkMs = 1 + 1.2 + 0.48 = 2.68; cloneWorkMs = 1 + 1.1 + 1.32 = 3.42;
 *   E_mig = [100 · (132.86 + 2265.36 + 40) + 8 · (132.86 + 1644.12 + 40) + 30 · 172.86
 *            + 2.68 · 600 + 3.42 · 159.3 + 119.3 · 238] / 1000
 *         = 243.822 + 14.53584 + 5.1858 + 1.608 + 0.544806 + 28.3934 = 294.089846 mJ.
 * Migrating costs 294.09 + 15.93 = 310.02 mJ against 240 mJ on the device: on Wi-Fi this
 * context saves time (30 + 100 + 8 + 2.68 + 3.42 + 100 = 244.1 ms against 400 ms) but not energy.
 */
import type { Device, Network } from './environment.js';
import type { ContextCosts } from './types.js';
import { migrationTimesMs } from './migrationCost.js';

export interface ContextFigures {
  /** Device-side figures per execution: self time, calls, bytes across the boundary. */
  device: { calls: number; selfMs: number; bytesIn: number; bytesOut: number };
  /** Clone-side self time per execution. */
  clone: { selfMs: number };
}

/** Energy of a migration into a context with these figures, in mJ. */
export function migrationEnergyMj(
  figures: { calls: number; bytesIn: number; bytesOut: number },
  network: Network,
  device: Device,
): number {
  const r = network.radio;
  const { roundTripsMs, upMs, downMs, deviceWorkMs, cloneWorkMs } = migrationTimesMs(figures, network, device);
  const microjoules =
    upMs * (r.activeMw + r.upMwPerMbps * network.upMbps + device.cpuIdleMw) +
    downMs * (r.activeMw + r.downMwPerMbps * network.downMbps + device.cpuIdleMw) +
    roundTripsMs * (r.activeMw + device.cpuIdleMw) +
    deviceWorkMs * device.cpuBusyMw +
    cloneWorkMs * (device.cpuIdleMw + r.tailMw) +
    figures.calls * r.tailMw * r.tailMs;
  return microjoules / 1000;
}

/** The three energy costs of a context (mJ per execution). */
export function contextEnergyMj(figures: ContextFigures, network: Network, device: Device): ContextCosts {
  return {
    deviceCost: (device.cpuBusyMw * figures.device.selfMs) / 1000,
    cloneCost: ((device.cpuIdleMw + network.radio.tailMw) * figures.clone.selfMs) / 1000,
    migrationCost: migrationEnergyMj(figures.device, network, device),
  };
}
