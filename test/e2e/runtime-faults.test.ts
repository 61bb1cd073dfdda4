/**
 * The run-time when things go wrong: every failure of the clone or the transport ends with the
 * call run on the device, nothing applied, the app's output the all-device output, a note on
 * stderr, and the server still up.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATHS, HEADERS, PROTOCOL_VERSION } from '../../src/runtime/protocol.js';
import { preparedApp, runPartitioned, runPlain, startClone, type Clone, type Outcome } from '../helpers/runtime.js';

const APP = 'runtime-module-state';
const POINT = 'src/counter.ts#record';

function httpCall(url: string, path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { method: 'POST', headers: { 'content-length': body.length, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function health(url: string): Promise<{ status: number; build: string }> {
  return new Promise((resolve, reject) => {
    request(new URL(PATHS.health, url), (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, build: (JSON.parse(text) as { build: string }).build }));
    })
      .on('error', reject)
      .end();
  });
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function expectDeviceRun(run: Outcome, plain: Outcome, note: RegExp): void {
  expect(run.stdout).toBe(plain.stdout);
  expect(run.status).toBe(plain.status);
  expect(run.stderr).toMatch(note);
}

describe('failures of the clone: the device runs the call, with the all-device answer', () => {
  let dir: string;
  let plain: Outcome;
  beforeAll(async () => {
    dir = preparedApp(APP);
    plain = await runPlain(dir);
  });

  it('no clone listening: connection refused', async () => {
    const run = await runPartitioned(dir, `http://127.0.0.1:${await closedPort()}`, ['--network', 'wifi']);
    expectDeviceRun(run, plain, /ran on the device: no answer from the clone \(ECONNREFUSED/);
    // Said once, not once per call.
    expect(run.stderr.match(/ran on the device/g)).toHaveLength(1);
  });

  it('the clone killed in the middle of the run', async () => {
    const clone = await startClone(dir);
    try {
      let killed = false;
      const run = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--report-file', join(dir, 'killed.json')], {
        env: { RUNTIME_PAUSE_MS: '300' },
        onStdout: (text) => {
          if (!killed && text.includes('\n')) {
            killed = true;
            clone.child.kill('SIGKILL');
          }
        },
      });
      const slowPlain = await runPlain(dir, undefined, { RUNTIME_PAUSE_MS: '0' });
      expectDeviceRun(run, slowPlain, /ran on the device/);
      const point = (JSON.parse(readFileSync(join(dir, 'killed.json'), 'utf8')) as { points: { method: string; measured: { migrated: number; calls: number } }[] }).points.find((p) => p.method === POINT)!;
      expect(point.measured.calls).toBe(4);
      expect(point.measured.migrated).toBeGreaterThanOrEqual(1);
      expect(point.measured.migrated).toBeLessThan(4);
    } finally {
      await clone.stop();
    }
  });

  it('a deadline the clone cannot meet: the device stops waiting and runs the call', async () => {
    const clone = await startClone(dir);
    try {
      const run = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--timeout', '1']);
      expectDeviceRun(run, plain, /ran on the device: no answer from the clone \(no answer within 1 ms\)/);
    } finally {
      await clone.stop();
    }
  });

  describe('against a running clone with a token', () => {
    let clone: Clone;
    let tokens: string;
    beforeAll(async () => {
      tokens = mkdtempSync(join(tmpdir(), 'cc-token-'));
      writeFileSync(join(tokens, 'right'), 'correct horse battery staple\n');
      writeFileSync(join(tokens, 'wrong'), 'not the token\n');
      clone = await startClone(dir, ['--token-file', join(tokens, 'right'), '--max-request-bytes', '4096']);
    });
    afterAll(() => clone?.stop());

    it('serves a device with the right token', async () => {
      const run = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--token-file', join(tokens, 'right')]);
      expect(run.stdout).toBe(plain.stdout);
      expect(run.stderr).toBe('');
    });

    it('refuses a wrong token (401): the device runs the call', async () => {
      const run = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--token-file', join(tokens, 'wrong')]);
      expectDeviceRun(run, plain, /the clone refused the token \(401\)/);
    });

    it('answers 404, 413 and 400 to an unknown method, a body over the limit and garbage, and stays up', async () => {
      const auth = { authorization: 'Bearer correct horse battery staple', [HEADERS.version]: PROTOCOL_VERSION, [HEADERS.deadline]: '5000' };
      const { build } = await health(clone.url);
      const call = (point: string, body: Buffer) => httpCall(clone.url, PATHS.call, { ...auth, [HEADERS.build]: build, [HEADERS.point]: encodeURIComponent(point) }, body);
      expect((await call('src/counter.ts#nothing', Buffer.from('x'))).status).toBe(404);
      expect((await call(POINT, Buffer.alloc(10_000))).status).toBe(413);
      const garbage = await call(POINT, Buffer.from('definitely not a call'));
      expect(garbage.status).toBe(400);
      expect(garbage.text).toMatch(/does not decode/);
      expect((await httpCall(clone.url, PATHS.call, { ...auth, [HEADERS.build]: 'another.build', [HEADERS.point]: encodeURIComponent(POINT) }, Buffer.from('x'))).status).toBe(409);
      expect((await health(clone.url)).status).toBe(200);
      const run = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--token-file', join(tokens, 'right')]);
      expect(run.stdout).toBe(plain.stdout);
      expect(run.stderr).toBe('');
    });
  });

  it('a clone serving another build answers 409: the device runs the call', async () => {
    const other = mkdtempSync(join(tmpdir(), 'cc-other-build-'));
    cpSync(dir, other, { recursive: true, dereference: false, verbatimSymlinks: true });
    appendFileSync(join(other, '.build', 'counter.js'), '\n// another build\n');
    const clone = await startClone(other);
    try {
      const run = await runPartitioned(dir, clone.url, ['--network', 'wifi']);
      expectDeviceRun(run, plain, /the clone runs another build or manifest \(409\)/);
      expect(clone.log.some((l) => l.includes(' 409 '))).toBe(true);
    } finally {
      await clone.stop();
    }
  });
});

describe('over TLS, with a certificate of its own', () => {
  const openssl = spawnSync('openssl', ['version']).status === 0;
  (openssl ? it : it.skip)('serves HTTPS to a device that trusts the certificate, and none to one that does not', async () => {
    const dir = preparedApp(APP);
    const plain = await runPlain(dir);
    const keys = mkdtempSync(join(tmpdir(), 'cc-tls-'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(keys, 'key.pem'), '-out', join(keys, 'cert.pem')], { encoding: 'utf8' });
    expect(made.status).toBe(0);
    writeFileSync(join(keys, 'token'), 'tls token\n');
    const clone = await startClone(dir, ['--tls-cert', join(keys, 'cert.pem'), '--tls-key', join(keys, 'key.pem'), '--token-file', join(keys, 'token')]);
    try {
      expect(clone.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const trusted = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--token-file', join(keys, 'token'), '--ca-file', join(keys, 'cert.pem')]);
      expect(trusted.stdout).toBe(plain.stdout);
      expect(trusted.stderr).toBe('');
      expect(clone.log.filter((l) => l.includes(` 200 ${POINT} `))).toHaveLength(4);
      const untrusted = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--token-file', join(keys, 'token')]);
      expectDeviceRun(untrusted, plain, /ran on the device: no answer from the clone/);
    } finally {
      await clone.stop();
    }
  });
});

describe('a call that overruns on the clone', () => {
  it('ends its worker, which is replaced, while the device runs the call itself', async () => {
    const dir = preparedApp('runtime-nested');
    const env = { RUNTIME_SLOW: '2000000000' }; // seconds of work (about 1.3 ns a turn here): well past the 100 ms deadline plus the clone's second of grace
    const plain = await runPlain(dir, undefined, env);
    const clone = await startClone(dir, ['--workers', '1']);
    try {
      const run = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--timeout', '100'], { env });
      expectDeviceRun(run, plain, /src\/sums\.ts#square ran on the device: no answer from the clone \(no answer within 100 ms\)/);
      const overran = () => clone.log.some((l) => / 504 src\/sums\.ts#square .*overran its deadline/.test(l));
      for (let waited = 0; !overran() && waited < 5000; waited += 100) await new Promise((done) => setTimeout(done, 100));
      expect(overran()).toBe(true);
      // The pool has its worker again: the next run is served.
      const again = await runPartitioned(dir, clone.url, ['--network', 'wifi']);
      expect(again.stdout).toBe((await runPlain(dir)).stdout);
      expect(again.stderr).toBe('');
    } finally {
      await clone.stop();
    }
  });
});

describe('a clone at capacity', () => {
  // The fixture's compile and partition are no part of what is tested (tens of seconds under load).
  let dir: string;
  beforeAll(() => {
    dir = preparedApp('runtime-nested');
  });

  it('answers 503 at once, before reading the call, and the device runs the call itself', async () => {
    const slow = { RUNTIME_SLOW: '2000000000' };
    const plain = await runPlain(dir);
    const clone = await startClone(dir, ['--workers', '1', '--queue', '0']);
    try {
      // One device holds the only worker with seconds of work. Its first two calls are quick and
      // busy the worker too, for a moment: only once it has printed their answers is the worker
      // busy with the slow call (taking a quick call for it made this test fail under load). Its
      // deadline is far beyond the slow call's 2.6 s of CPU, which took 11-15 s at a load of 10.
      let printed = false;
      const holding = runPartitioned(dir, clone.url, ['--network', 'wifi', '--timeout', '120000'], { env: slow, onStdout: (out) => (printed ||= out.includes('\n')) });
      let holdingEnded: { status: number | null; stderr: string } | undefined;
      void holding.then((h) => (holdingEnded = h));
      const holdingSlowCall = async () => printed && (await busy(clone.url)) === 1;
      for (let waited = 0; !(await holdingSlowCall()) && !holdingEnded && waited < 60_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      if (holdingEnded || !(await holdingSlowCall())) {
        const how = holdingEnded ? `exited ${holdingEnded.status}: ${holdingEnded.stderr.trim().split('\n').slice(-4).join(' | ')}` : `was still running, ${printed ? '' : 'its first line not printed'}`;
        throw new Error(`the clone's worker was not busy with the slow call; the holding device ${how}; clone log: ${clone.log.slice(-4).join(' | ')}`);
      }
      // ...so another device's calls are refused, not queued, and it still prints the all-device answer.
      const refused = await runPartitioned(dir, clone.url, ['--network', 'wifi']);
      expectDeviceRun(refused, plain, /ran on the device: the clone is busy \(503\): at capacity: 1 workers busy and 0 calls waiting/);
      expect(clone.log.some((l) => / 503 src\/sums\.ts#sumOfSquares .*at capacity/.test(l))).toBe(true);
      const held = await holding;
      expect({ status: held.status, stderr: held.stderr }).toEqual({ status: 0, stderr: '' });
      // The slow call's answer (2e9 added 2e9 times, exact in a double) after the quick ones'.
      expect(held.stdout).toBe(`${plain.stdout}4000000000000000000\n`);
      expect(clone.log.filter((l) => / 200 src\/sums\.ts#square /.test(l))).toHaveLength(2);
    } finally {
      await clone.stop();
    }
    // The slow call is CPU work, and so is starting each device: the body took 25 s at a load of 10.
  }, 120_000);
});

function busy(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(new URL(PATHS.health, url), (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve((JSON.parse(text) as { busy: number }).busy));
    })
      .on('error', reject)
      .end();
  });
}
