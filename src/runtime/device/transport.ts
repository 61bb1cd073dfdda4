/**
 * One HTTP exchange with the clone, bounded by a deadline. Failures come back as values (never
 * thrown) so that the caller, which must never give a wrong answer, always knows whether anything
 * came back and runs the call itself when not.
 */
import http from 'node:http';
import type https from 'node:https';

export interface Exchange {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Uint8Array;
  deadlineMs: number;
  /** PEM of a certificate authority to trust besides the system's (a clone with its own certificate). */
  ca?: string;
}

export type Answer =
  | { status: number; body: Uint8Array; headers: Record<string, string> }
  /** `connect`: nothing reached the clone (refused, unreachable, reset before an answer), so it is likely down. */
  | { error: string; connect: boolean };

const agents = { http: new http.Agent({ keepAlive: true }), https: new Map<string, https.Agent>() };
/** TLS loads only for an https clone: it costs a tenth of a second at every start otherwise. */
let tls: typeof https | undefined;

function agentFor(url: URL, ca: string | undefined): http.Agent {
  if (url.protocol === 'http:') return agents.http;
  const key = ca ?? '';
  let agent = agents.https.get(key);
  if (!agent) agents.https.set(key, (agent = new tls!.Agent({ keepAlive: true, ...(ca ? { ca } : {}) })));
  return agent;
}

export async function exchange(x: Exchange): Promise<Answer> {
  if (x.url.startsWith('https:')) tls ??= (await import('node:https')).default;
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    let url: URL;
    try {
      url = new URL(x.url);
    } catch {
      done({ error: `not a URL: ${x.url}`, connect: true });
      return;
    }
    const lib = url.protocol === 'https:' ? tls! : http;
    const headers: Record<string, string | number> = { ...x.headers };
    if (x.body) headers['content-length'] = x.body.byteLength;
    let answered = false;
    const req = lib.request(url, { method: x.method, headers, agent: agentFor(url, x.ca) }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') flat[k] = v;
        done({ status: res.statusCode ?? 0, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), headers: flat });
      });
      res.on('error', (e) => done({ error: `the answer broke off: ${e.message}`, connect: false }));
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ error: `no answer within ${Math.round(x.deadlineMs)} ms`, connect: false });
    }, x.deadlineMs);
    req.on('error', (e: NodeJS.ErrnoException) => done({ error: e.code ? `${e.code}: ${e.message}` : e.message, connect: !answered && isConnectError(e) }));
    req.end(x.body);
  });
}

function isConnectError(e: NodeJS.ErrnoException): boolean {
  return ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE'].includes(e.code ?? '');
}
