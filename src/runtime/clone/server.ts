/**
 * The clone: an HTTP(S) server that runs the manifest's migration points, and nothing else, on
 * its own copy of the app's build. Stateless between calls (state travels with each call), so it
 * scales like any stateless service. Bad requests get a 4xx and one line; the server stays up.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Network } from '../../model/environment.js';
import { transferMs } from '../../model/migrationCost.js';
import { buildDigest } from '../digest.js';
import { readPlan } from '../plan.js';
import { HEADERS, PATHS, PROTOCOL_VERSION } from '../protocol.js';
import { deviceContextOf } from './device-context.js';
import { Pool, type StartReport } from './pool.js';

export interface ServeOptions {
  appDir: string;
  manifest: string;
  host: string;
  port: number;
  /** Devices must present it (`authorization: Bearer <token>`). */
  token?: string;
  tls?: { cert: string; key: string };
  maxRequestBytes: number;
  /** Longest a call may run, whatever deadline its device asks for, ms. */
  maxCallMs: number;
  workers: number;
  /** Calls that may wait for a worker before the clone answers 503 (default: 4 per worker). */
  maxQueue?: number;
  cacheDir: string;
  /** Answer as if over this network: each exchange takes at least its round trip and transfers (a slow link on one machine). */
  emulate?: Network;
  log(entry: CallLog): void;
}

export interface CallLog {
  point: string;
  status: number;
  upBytes: number;
  downBytes: number;
  ms: number;
  message?: string;
}

export interface Serving {
  url: string;
  build: string;
  started: StartReport;
  close(): Promise<void>;
}

/** Largest download a device may ask of the bandwidth probe. */
const MAX_PROBE_BYTES = 16 * 1024 * 1024;

export async function serve(options: ServeOptions): Promise<Serving> {
  const plan = await readPlan(options.manifest, options.cacheDir);
  const build = `${buildDigest(resolve(options.appDir, plan.build))}.${plan.digest}`;
  const pool = new Pool({ size: options.workers, maxQueue: options.maxQueue ?? options.workers * 4, setup: { appDir: options.appDir, manifest: options.manifest, cacheDir: options.cacheDir } });
  const started = await pool.start();
  const expected = options.token === undefined ? undefined : digest(options.token);
  const authorized = (req: http.IncomingMessage): boolean => {
    if (!expected) return true;
    const header = req.headers.authorization ?? '';
    return header.startsWith('Bearer ') && timingSafeEqual(digest(header.slice(7)), expected);
  };

  /**
   * With --emulate-network: hold an answer until the emulated link would have carried it. The
   * link's time adds to the call's (the state goes up before the call can run, the answer comes
   * down after it), so only the time spent on the real link, not the call's own, counts against it.
   */
  const link = options.emulate;
  const linkDelay = (started: number, upBytes: number, downBytes: number, callMs = 0): Promise<void> => {
    if (!link) return Promise.resolve();
    const onTheLink = performance.now() - started - callMs;
    const due = link.rttMs + transferMs(upBytes, link.upMbps) + transferMs(downBytes, link.downMbps) - onTheLink;
    return due > 0 ? new Promise((done) => setTimeout(done, due)) : Promise.resolve();
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://clone');
    if (url.pathname === PATHS.health && req.method === 'GET') {
      void linkDelay(started, 0, 0).then(() => json(res, 200, { status: 'ok', protocol: PROTOCOL_VERSION, app: plan.app, build, workers: options.workers, busy: pool.busy, queued: pool.queued, admitted: pool.admitted }));
      return;
    }
    if (url.pathname !== PATHS.call && url.pathname !== PATHS.probe) return text(res, 404, 'no such path');
    if (!authorized(req)) return text(res, 401, 'missing or wrong token');
    if (url.pathname === PATHS.probe) return probe(req, res, url, options.maxRequestBytes, (up, down) => linkDelay(started, up, down));
    if (req.method !== 'POST') return text(res, 405, 'POST a call');
    void call(req, res);
  };

  const call = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const started = performance.now();
    const point = decodeHeader(req.headers[HEADERS.point]);
    const logged = (status: number, upBytes: number, downBytes: number, ms: number, message?: string) =>
      options.log({ point: point ?? '?', status, upBytes, downBytes, ms, ...(message ? { message } : {}) });
    const fail = (status: number, message: string, upBytes = 0) => {
      logged(status, upBytes, 0, 0, message);
      text(res, status, message);
    };
    if (req.headers[HEADERS.version] !== PROTOCOL_VERSION) return fail(400, `this clone speaks protocol ${PROTOCOL_VERSION}`);
    if (!point) return fail(400, `missing ${HEADERS.point}`);
    if (req.headers[HEADERS.build] !== build) return fail(409, `this clone runs build ${build.slice(0, 12)}, the device another`);
    if (!plan.points.has(point)) return fail(404, `not a migration point of this manifest: ${point}`);
    const deadline = Number(req.headers[HEADERS.deadline]);
    if (!(deadline > 0)) return fail(400, `missing or bad ${HEADERS.deadline}`);
    // At capacity the answer is 503 at once, before the body is read: the device runs the call
    // itself sooner, and memory stays bounded however many devices call.
    const admission = pool.admit();
    if ('refused' in admission) return fail(503, admission.refused);
    res.once('close', admission.release); // answered, or the device went away
    const body = await readBody(req, options.maxRequestBytes);
    if (body === 'too large') {
      fail(413, `the call is larger than ${options.maxRequestBytes} bytes`);
      req.destroy();
      return;
    }
    if (body === undefined) return; // the device went away
    const upBytes = body.byteLength; // the bytes move to a worker: count them first
    const colors = String(req.headers[HEADERS.colors] ?? '1').split(',').map(Number);
    const part = req.headers[HEADERS.part];
    const result = await pool.run(
      { point, colorDepth: colors[0] || 1, body, ...(typeof part === 'string' ? { part } : {}), ...deviceContextOf(req.headers) },
      Math.min(deadline, options.maxCallMs),
    );
    if (result.status !== 200 || !result.body) return fail(result.status, result.message ?? 'no answer', upBytes);
    logged(200, upBytes, result.body.byteLength, result.ms);
    await linkDelay(started, upBytes, result.body.byteLength, result.ms);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': result.body.byteLength, [HEADERS.serverMs]: result.ms.toFixed(3) });
    res.end(result.body);
  };

  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(handler);
  server.requestTimeout = 10 * 60 * 1000;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    build,
    started,
    close: async () => {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await pool.close();
    },
  };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function decodeHeader(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** A time zone name or a locale tag as the device sent it; anything else is unknown (and differs from the clone's). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Uint8Array | 'too large' | undefined> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve('too large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.byteLength;
      if (size > limit) {
        req.removeAllListeners('data');
        resolve('too large');
      } else chunks.push(c);
    });
    req.on('end', () => {
      const b = Buffer.concat(chunks);
      resolve(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    });
    req.on('error', () => resolve(undefined));
    req.on('aborted', () => resolve(undefined));
  });
}

/** Bandwidth probe for `--network auto`: uploads are counted and dropped, downloads are zeros. */
function probe(req: http.IncomingMessage, res: http.ServerResponse, url: URL, limit: number, delay: (up: number, down: number) => Promise<void>): void {
  if (req.method === 'GET') {
    const bytes = Number(url.searchParams.get('bytes'));
    if (!(Number.isInteger(bytes) && bytes >= 0 && bytes <= MAX_PROBE_BYTES)) return text(res, 400, `bytes must be 0..${MAX_PROBE_BYTES}`);
    void delay(0, bytes).then(() => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes });
      res.end(Buffer.alloc(bytes));
    });
    return;
  }
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.byteLength;
    if (size > limit) {
      text(res, 413, 'too large');
      req.destroy();
    }
  });
  req.on('end', () => void delay(size, 0).then(() => json(res, 200, { bytes: size })));
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function text(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(message), connection: status === 413 ? 'close' : 'keep-alive' });
  res.end(message);
}
