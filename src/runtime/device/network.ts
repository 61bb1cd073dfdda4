/**
 * `--network auto`: measure the link to the clone (round-trip time, then bandwidth each way) and
 * take the manifest's partition for the nearest bundled network profile. No clone reachable
 * means no partition: everything runs on the device.
 */
import type { Network } from '../../model/environment.js';
import { PATHS } from '../protocol.js';
import { exchange } from './transport.js';


export interface Link {
  rttMs: number;
  upMbps: number;
  downMbps: number;
}

export interface LinkTarget {
  url(path: string): string;
  headers: Record<string, string>;
  ca?: string;
}

/** The link's figures, or undefined when the clone does not answer. */
export async function measureLink(target: LinkTarget): Promise<Link | undefined> {
  const rtts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const a = await exchange({ url: target.url(PATHS.health), method: 'GET', headers: target.headers, deadlineMs: 3000, ...(target.ca ? { ca: target.ca } : {}) });
    if ('error' in a || a.status !== 200) return undefined;
    rtts.push(performance.now() - t);
  }
  const rttMs = median(rtts);
  // Start small, so that a slow link is measured in about a second; grow while transfers are quick.
  const timed = async (up: boolean, bytes: number): Promise<number | undefined> => {
    const t = performance.now();
    const a = await exchange({
      url: target.url(up ? PATHS.probe : `${PATHS.probe}?bytes=${bytes}`),
      method: up ? 'POST' : 'GET',
      headers: { ...target.headers, 'content-type': 'application/octet-stream' },
      ...(up ? { body: new Uint8Array(bytes) } : {}),
      deadlineMs: 10_000,
      ...(target.ca ? { ca: target.ca } : {}),
    });
    if ('error' in a || a.status !== 200) return undefined;
    return performance.now() - t;
  };
  const bandwidth = async (up: boolean): Promise<number | undefined> => {
    let bytes = 64 * 1024;
    for (;;) {
      const ms = await timed(up, bytes);
      if (ms === undefined) return undefined;
      if (ms > 250 || bytes >= 8 * 1024 * 1024) return (bytes * 8) / 1000 / Math.max(ms - rttMs, 0.05);
      bytes *= 4;
    }
  };
  const upMbps = await bandwidth(true);
  const downMbps = await bandwidth(false);
  if (upMbps === undefined || downMbps === undefined) return undefined;
  return { rttMs, upMbps, downMbps };
}

/** The network whose round-trip time and bandwidths are nearest (on a log scale) to the link's. */
export function nearestNetwork(link: Link, networks: readonly Network[]): Network | undefined {
  const d = (a: number, b: number) => Math.abs(Math.log(Math.max(a, 1e-3) / Math.max(b, 1e-3)));
  let best: Network | undefined;
  let bestDistance = Infinity;
  for (const n of networks) {
    const distance = d(link.rttMs, n.rttMs) + d(link.upMbps, n.upMbps) + d(link.downMbps, n.downMbps);
    if (distance < bestDistance) [best, bestDistance] = [n, distance];
  }
  return best;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
