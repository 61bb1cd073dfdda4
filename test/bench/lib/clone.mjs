// What the runtime benches share: a bundled example built in a temporary folder as its devices
// run it, and `clonecloud serve` processes started on free loopback ports.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const bin = join(root, 'bin', 'clonecloud.js');

/** A copy of examples/<name> (without its generated data), compiled with source maps; returns its folder. */
export function builtExample(name, parent = mkdtempSync(join(tmpdir(), `cc-bench-${name}-`))) {
  const app = join(parent, name);
  cpSync(join(root, 'examples', name), app, { recursive: true, filter: (src) => !/[/\\]\.(build|corpus|data)$/.test(src) });
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app, '--sourceMap', '--typeRoots', join(root, 'node_modules', '@types')], { stdio: 'inherit' });
  return app;
}

/** `clonecloud serve <app> --port 0 ...extra`, resolved with its URL and pid once it listens. */
export function startServe(app, extra = []) {
  const child = spawn(process.execPath, [bin, 'serve', app, '--port', '0', '--log', 'json', ...extra], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const exited = new Promise((done) => child.once('exit', done));
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c) => {
      err += c;
      const m = /on (http:\/\/\S+) \(/.exec(err);
      if (m) resolve({ url: m[1], port: Number(new URL(m[1]).port), pid: child.pid, child, stop: async () => (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'), exited) });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

/** Resident memory of a process now, in MB (Linux), or NaN. */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}
