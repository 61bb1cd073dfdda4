#!/usr/bin/env node
// Many devices against the clone (issue 16): N simulated devices (1, 8, 32, 128) call a migration
// point of examples/virus-scan back to back, against (a) one `clonecloud serve` with 1 and with 2
// worker threads and (b) two `serve` processes of one worker each behind nginx (Debian's
// nginx-light; skipped with a note when it is not installed). Then (c): the same as (b) with one
// of the two servers killed half-way. Loopback only, bounded in time: --seconds per case (3).
//
// The call is a real one: the device side (`clonecloud run` of the example) is run once through a
// recording proxy, and its request replayed by every simulated device. An answer counts as right
// only when it is byte for byte the reference answer; anything else the device would have run
// itself (a fallback: the all-device answer, by construction), so the simulated device then stays
// busy for the call's local time before its next call, as a real one would. Reported per case:
// calls answered per second, p50/p99 latency of answered calls, fallbacks by cause, wrong answers
// (must be 0), and the servers' peak resident memory.
//
//   npm run bench:load [-- --seconds 3 --devices 1,8,32,128 --json out.json]

import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bin, builtExample, root, rssMb, startServe } from './lib/clone.mjs';
import { findNginx, startNginx } from '../helpers/nginx.mjs';
import { writeFileSync } from 'node:fs';

const { values: flags } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, devices: { type: 'string', default: '1,8,32,128' }, json: { type: 'string' } } });
const seconds = Number(flags.seconds);
const deviceCounts = flags.devices.split(',').map(Number);
const POINT = 'src/scan/scanner.ts#Scanner.scanAll';

const app = builtExample('virus-scan');
// A small corpus: one call is tens of milliseconds of scanning, so that many fit in a case.
execFileSync(process.execPath, [join(root, 'examples', 'virus-scan', 'tools', 'make-corpus.mjs'), '--out', join(app, '.corpus'), '--files', '4', '--min-kb', '8', '--max-kb', '16'], { stdio: 'ignore' });

const reference = await recordOneCall();
console.log(`machine: ${cpus().length} x ${cpus()[0].model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`call: ${POINT}, ${reference.body.byteLength} B up, ${reference.answer.byteLength} B down, ${reference.serverMs.toFixed(1)} ms on the clone (a fallback keeps its device busy as long)`);
console.log(`cases of ${seconds} s, devices calling back to back\n`);
console.log('| setup | devices | answered/s | p50 ms | p99 ms | fallbacks | wrong | server peak RSS MB |');
console.log('|---|---|---|---|---|---|---|---|');

const results = [];
for (const workers of [1, 2]) {
  const server = await startServe(app, ['--workers', String(workers)]);
  try {
    for (const n of deviceCounts) report(`one serve, ${workers} worker${workers > 1 ? 's' : ''}`, n, await load(server.url, n, [server.pid]));
  } finally {
    await server.stop();
  }
}
const nginx = findNginx();
if (!nginx) console.log('\n(b) and (c) skipped: nginx is not installed (Debian: apt-get install nginx-light)');
else {
  for (const kill of [false, true]) {
    const servers = [await startServe(app, ['--workers', '1']), await startServe(app, ['--workers', '1'])];
    const balancer = await startNginx(servers.map((s) => `127.0.0.1:${s.port}`));
    try {
      for (const n of kill ? [32] : deviceCounts) {
        const onHalf = kill ? () => servers[0].child.kill('SIGKILL') : undefined;
        report(kill ? 'nginx + 2 serve, one killed half-way' : 'nginx + 2 serve (1 worker each)', n, await load(balancer.url, n, servers.map((s) => s.pid), onHalf));
      }
    } finally {
      await balancer.stop();
      for (const s of servers) await s.stop();
    }
  }
}
if (flags.json) writeFileSync(flags.json, JSON.stringify({ machine: cpus()[0].model, cores: cpus().length, node: process.version, seconds, call: { point: POINT, upBytes: reference.body.byteLength, downBytes: reference.answer.byteLength, serverMs: reference.serverMs }, results }, null, 2));
const wrong = results.reduce((t, r) => t + r.wrong, 0);
if (wrong) {
  console.error(`\n${wrong} wrong answer(s)`);
  process.exitCode = 1;
}

function report(setup, devices, r) {
  results.push({ setup, devices, ...r });
  const fallbacks = Object.entries(r.fallbacks).map(([why, n]) => `${n} ${why}`).join(', ') || '0';
  console.log(`| ${setup} | ${devices} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${fallbacks} | ${r.wrong} | ${r.peakRssMb.map((m) => m.toFixed(0)).join(' + ')} |`);
}

/** Runs the example once under `clonecloud run` through a proxy that keeps the point's request and answer. */
async function recordOneCall() {
  const server = await startServe(app, ['--workers', '1']);
  let kept;
  const proxy = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const up = http.request(new URL(req.url, server.url), { method: req.method, headers: req.headers }, (answer) => {
        const back = [];
        answer.on('data', (c) => back.push(c));
        answer.on('end', () => {
          const bytes = Buffer.concat(back);
          if (req.headers['x-clonecloud-point'] === encodeURIComponent(POINT) && answer.statusCode === 200) {
            kept = { headers: { ...req.headers }, body, answer: bytes, serverMs: Number(answer.headers['x-clonecloud-server-ms']) };
          }
          res.writeHead(answer.statusCode, answer.headers);
          res.end(bytes);
        });
      });
      up.end(body);
    });
  });
  await new Promise((done) => proxy.listen(0, '127.0.0.1', done));
  try {
    // Not execFileSync: the proxy answers from this process's event loop.
    await new Promise((resolve, reject) => {
      const device = spawn(process.execPath, [bin, 'run', '--clone', `http://127.0.0.1:${proxy.address().port}`, '--network', 'wifi', '--', process.execPath, '.build/app/cli.js', '.corpus', '--db', 'signatures', '--no-timing'], { cwd: app, stdio: 'ignore' });
      // The scanner exits 1 when it finds malware, as the corpus plants.
      device.once('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`the device run exited with ${code}`))));
    });
  } finally {
    proxy.close();
    await server.stop();
  }
  if (!kept) throw new Error(`the device sent no call of ${POINT}`);
  for (const h of ['host', 'connection', 'content-length']) delete kept.headers[h];
  return kept;
}

/** n devices calling back to back for `seconds`; `onHalf` runs half-way. */
async function load(url, n, pids, onHalf) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: n });
  const latencies = [];
  const fallbacks = {};
  let wrong = 0;
  const peaks = pids.map(() => 0);
  const sampler = setInterval(() => pids.forEach((pid, i) => (peaks[i] = Math.max(peaks[i], rssMb(pid) || 0))), 100);
  const started = performance.now();
  const until = started + seconds * 1000;
  const half = onHalf && setTimeout(onHalf, (seconds * 1000) / 2);
  const device = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const answer = await post(url, agent);
      const ms = performance.now() - t0;
      if (answer.status === 200 && Buffer.compare(answer.body, reference.answer) === 0) latencies.push(ms);
      else if (answer.status === 200) wrong++;
      else {
        const why = answer.status ? String(answer.status) : answer.error;
        fallbacks[why] = (fallbacks[why] ?? 0) + 1;
        await new Promise((done) => setTimeout(done, reference.serverMs)); // the device runs the call itself
      }
    }
  };
  await Promise.all(Array.from({ length: n }, device));
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearTimeout(half);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { answered: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), fallbacks, wrong, peakRssMb: peaks };
}

function post(url, agent) {
  return new Promise((resolve) => {
    const req = http.request(new URL('/v1/call', url), { method: 'POST', agent, headers: { ...reference.headers, 'content-length': reference.body.byteLength } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', (e) => resolve({ status: 0, error: e.code ?? e.message }));
    });
    req.on('error', (e) => resolve({ status: 0, error: e.code ?? e.message }));
    // The device stops waiting at its deadline, as the run-time does.
    req.setTimeout(Number(reference.headers['x-clonecloud-deadline']) || 10_000, () => {
      resolve({ status: 0, error: 'deadline' });
      req.destroy();
    });
    req.end(reference.body);
  });
}
