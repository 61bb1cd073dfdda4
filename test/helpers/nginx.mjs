// nginx from Debian's packages as the load balancer in front of several `clonecloud serve`
// processes, for the load bench and the fault test: started on a free loopback port with a
// configuration in a temporary folder, stopped by the caller. Plain JavaScript so that both the
// benches (.mjs) and the tests (TypeScript, through nginx.d.mts) use the same one.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The nginx binary, or undefined when it is not installed (`apt-get install nginx-light`). */
export function findNginx() {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs.map((d) => join(d, 'nginx')).find((p) => isAbsoluteFile(p));
}

function isAbsoluteFile(p) {
  return p.startsWith('/') && existsSync(p);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * nginx balancing round-robin over `upstreams` (`host:port`), retrying a call on the next one when
 * one fails to connect or breaks off (safe for clone calls: a call changes nothing on the clone,
 * and the device applies nothing until a whole answer is back). A 503 (a clone at capacity) goes
 * back to the device, which runs the call itself: retrying it would count as a failure of that
 * clone, and with every clone busy nginx took them all out of service and answered 502 to all.
 */
export async function startNginx(upstreams, { bin = findNginx(), maxBodyBytes = 256 * 1024 * 1024 } = {}) {
  if (!bin) throw new Error('nginx is not installed (Debian: apt-get install nginx-light)');
  const dir = mkdtempSync(join(tmpdir(), 'cc-nginx-'));
  // Workers run as nobody when nginx starts as root: they need to reach their temporary folders.
  chmodSync(dir, 0o711);
  for (const sub of ['body', 'proxy']) {
    mkdirSync(join(dir, sub));
    chmodSync(join(dir, sub), 0o777);
  }
  const port = await freePort();
  const conf = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/proxy;
  uwsgi_temp_path ${dir}/proxy;
  scgi_temp_path ${dir}/proxy;
  client_max_body_size ${maxBodyBytes};
  upstream clones {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 256;
  }
  server {
    listen 127.0.0.1:${port};
    location /v1/ {
      proxy_pass http://clones;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout non_idempotent;
      proxy_next_upstream_tries ${upstreams.length};
      proxy_read_timeout 600s;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(bin, ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise((done) => child.once('exit', done));
  for (let waited = 0; ; waited += 50) {
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${stderr}${readLog(dir)}`);
    if (await listening(port)) break;
    if (waited > 10_000) throw new Error(`nginx did not listen on ${port}: ${stderr}${readLog(dir)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    errorLog: () => readLog(dir),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readLog(dir) {
  try {
    return readFileSync(join(dir, 'error.log'), 'utf8');
  } catch {
    return '';
  }
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
