#!/usr/bin/env node
// Per-call cost of the run-time on loopback: a migration point (test/bench/runtime/src/sink.ts,
// which does almost nothing) called with an empty argument, 1 KB, 1 MB and 10 MB, as a typed
// array and as small records, through a real `clonecloud serve` and `clonecloud run`. Beside each
// figure, measured in the same device process and run: v8.serialize + v8.deserialize of the same
// payload (the raw cost of moving it), an empty HTTP round trip to the clone, and a round trip
// carrying the payload's size in bytes. Goal (issue 12): a migrated call costs at most 2x the raw
// cost plus one loopback round trip; the table checks it against both round trips, the empty one
// and the one that carries the bytes. Medians of every case.
//
//   npm run bench:runtime

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, root, startServe } from './lib/clone.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'cc-bench-runtime-'));
const app = join(tmp, 'app');
let server;
try {
  cpSync(join(root, 'test', 'bench', 'runtime'), app, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { stdio: 'inherit' });
  execFileSync(process.execPath, [bin, 'partition', app, '--network', 'wifi'], { stdio: 'ignore' });
  server = await startServe(app, ['--workers', '1']);
  const url = server.url;
  const out = execFileSync(process.execPath, [bin, 'run', '--app', app, '--clone', url, '--network', 'wifi', '--', process.execPath, join(app, '.build', 'main.js')], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => JSON.parse(l));
  console.log(`machine: ${cpus().length} x ${cpus()[0].model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| payload | shape | v8 bytes | migrated call | v8 ser+de | empty RTT | RTT with the bytes | call <= 2x ser+de + empty RTT | call <= 2x ser+de + RTT with the bytes |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const ms = (x) => `${x.toFixed(3)} ms`;
  for (const r of rows) {
    const goal = (trip) => `${r.callMs <= 2 * r.rawMs + trip ? 'met' : 'not met'} (${((r.callMs - trip) / Math.max(r.rawMs, 1e-3)).toFixed(1)}x)`;
    console.log(`| ${r.size} | ${r.shape} | ${r.bytes} | ${ms(r.callMs)} | ${ms(r.rawMs)} | ${ms(r.rttMs)} | ${ms(r.carryMs)} | ${goal(r.rttMs)} | ${goal(r.carryMs)} |`);
  }
} finally {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
