#!/usr/bin/env node
/**
 * The Dockerfile built and run for real (`npm run test:image`): the image of examples/virus-scan's
 * clone is built from this repository, started with a token as a Docker secret would mount it,
 * waited on until Docker's own HEALTHCHECK says healthy, and a device (`clonecloud run` here)
 * runs the example through it: its output must be the all-device output, with calls migrated.
 * Also checked inside the container: the server does not run as root and cannot change the
 * image's files. Everything it starts (containers, images, a Docker daemon) it removes at the end.
 *
 * Needs a Docker engine: DOCKER_HOST, or /var/run/docker.sock; where neither answers and the
 * script runs as root with `dockerd` installed (Debian's docker.io), it starts a private daemon
 * (vfs storage, host networking, in a temporary folder). Not part of `npm test`: a build takes
 * minutes and a daemon needs root.
 *
 * The base image is the Dockerfile's default, node:20-bookworm-slim, when the engine can pull it.
 * Where no registry is reachable (as on the machines this was first run on), it is a stand-in
 * made here and said so: Debian bookworm from Debian's mirror (debootstrap, minbase) with this
 * machine's Node 20 and npm and a user `node` (uid 1000), as in the official image, and this
 * machine's trusted certificates (where the way to the npm registry passes a TLS proxy, the
 * build's `npm ci` must trust what the machine trusts).
 * CLONECLOUD_BASE_IMAGE names another base (a mirror's copy, or a stand-in kept from a run).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { bin, root } from '../bench/lib/clone.mjs';
import { freePort } from '../helpers/nginx.mjs';

const OFFICIAL_BASE = 'node:20-bookworm-slim';
const STAND_IN_BASE = 'clonecloud-local/node:20-bookworm-slim';
const IMAGE = 'clonecloud-image-test/virus-scan';
const work = mkdtempSync(join(tmpdir(), 'cc-image-'));
const cleanups = [];
const env = { ...process.env, DOCKER_BUILDKIT: '0' };
const step = (what) => console.log(`\n== ${what}`);

try {
  await main();
  console.log('\nimage test passed');
} catch (error) {
  console.error(`\nimage test FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  for (const undo of cleanups.reverse()) {
    try {
      await undo();
    } catch (error) {
      console.error(`cleanup: ${error.message}`);
    }
  }
  rmSync(work, { recursive: true, force: true });
}

async function main() {
  step('Docker engine');
  if (!engineAnswers()) await startPrivateDaemon();
  console.log(docker(['version', '--format', 'client {{.Client.Version}}, engine {{.Server.Version}}']).trim());

  step('base image');
  const base = await baseImage();

  step('the app, built as its devices run it');
  const context = join(work, 'context');
  mkdirSync(context);
  for (const f of ['Dockerfile', '.dockerignore', 'package.json', 'package-lock.json', 'tsconfig.json', 'bin', 'src', 'profiles', 'schemas']) cpSync(join(root, f), join(context, f), { recursive: true });
  const app = join(context, 'app');
  cpSync(join(root, 'examples', 'virus-scan'), app, { recursive: true, filter: (src) => !/[/\\]\.(build|corpus)$/.test(src) });
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir'); // the build's types; .dockerignore keeps it out
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app, '--sourceMap', '--typeRoots', join(root, 'node_modules', '@types')]);
  run(process.execPath, [join(root, 'examples', 'virus-scan', 'tools', 'make-corpus.mjs'), '--out', join(app, '.corpus')]);

  step(`docker build (base ${base})`);
  const t0 = Date.now();
  docker(['build', '--network', 'host', '--build-arg', `NODE_IMAGE=${base}`, '--build-arg', 'APP=app', '-t', IMAGE, context], { stdio: 'inherit' });
  cleanups.push(() => docker(['rmi', '-f', IMAGE]));
  const size = Number(docker(['image', 'inspect', IMAGE, '--format', '{{.Size}}']).trim());
  console.log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s; image ${(size / 1e6).toFixed(0)} MB`);

  step('the clone, with its token mounted read-only');
  const token = join(work, 'token');
  writeFileSync(token, randomBytes(24).toString('hex'));
  chmodSync(token, 0o644); // the container's user is not this one
  const port = await freePort();
  const container = docker(['run', '-d', '--network', 'host', '-e', `CLONECLOUD_PORT=${port}`, '-v', `${token}:/run/secrets/clonecloud/token:ro`, IMAGE]).trim();
  cleanups.push(() => docker(['rm', '-f', container]));
  const health = await waitHealthy(container, 90_000);
  console.log(`HEALTHCHECK: ${health}`);
  if (health !== 'healthy') throw new Error(`the container is ${health}:\n${docker(['logs', container], { stdio: 'pipe', all: true })}`);

  const uid = docker(['exec', container, 'id', '-u']).trim();
  if (uid === '0') throw new Error('the server runs as root');
  const write = spawnSync('docker', ['exec', container, 'sh', '-c', 'touch /app/clonecloud.manifest.yaml /opt/clonecloud/bin/clonecloud.js'], { env, encoding: 'utf8' });
  if (write.status === 0) throw new Error("the server's user can change the image's files");
  console.log(`server uid ${uid}; the image's files are read-only to it`);

  step('a device through the container');
  const args = ['.corpus', '--db', 'signatures', '--no-timing'];
  const plain = spawnSync(process.execPath, [join(app, '.build', 'app', 'cli.js'), ...args], { cwd: app, encoding: 'utf8' });
  const reportFile = join(work, 'report.json');
  const device = spawnSync(process.execPath, [bin, 'run', '--app', app, '--clone', `http://127.0.0.1:${port}`, '--token-file', token, '--network', 'wifi', '--report-file', reportFile, '--', process.execPath, join(app, '.build', 'app', 'cli.js'), ...args], { cwd: app, encoding: 'utf8' });
  if (device.stdout !== plain.stdout || device.status !== plain.status) {
    throw new Error(`the partitioned run differs from the all-device run (exit ${device.status} vs ${plain.status}):\n${device.stderr}`);
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const migrated = report.points.reduce((n, p) => n + p.measured.migrated, 0);
  if (migrated === 0) throw new Error(`no call migrated: ${JSON.stringify(report.points.map((p) => p.measured))}`);
  const wrongToken = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST', '-H', 'authorization: Bearer wrong', `http://127.0.0.1:${port}/v1/call`], { encoding: 'utf8' });
  console.log(`output identical to the all-device run (exit ${plain.status}); ${migrated} call(s) migrated to the container${wrongToken.status === 0 ? `; a wrong token gets ${wrongToken.stdout}` : ''}`);
  const logs = docker(['logs', container], { all: true }).trim().split('\n');
  console.log(`container log (${logs.length} lines), last: ${logs.at(-1)}`);
}

function docker(args, { stdio = 'pipe', all = false } = {}) {
  const r = spawnSync('docker', args, { env, encoding: 'utf8', stdio: stdio === 'inherit' ? 'inherit' : 'pipe', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: exit ${r.status}\n${r.stderr ?? ''}`);
  return all ? `${r.stdout}${r.stderr}` : r.stdout ?? '';
}

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: 'inherit' });
}

function engineAnswers() {
  return spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { env, encoding: 'utf8', timeout: 20_000 }).status === 0;
}

async function startPrivateDaemon() {
  const dockerd = ['/usr/sbin/dockerd', '/usr/bin/dockerd'].find(existsSync);
  if (!dockerd || process.getuid?.() !== 0) {
    throw new Error('no Docker engine answers (DOCKER_HOST or /var/run/docker.sock), and a private one needs root and dockerd (Debian: apt-get install docker.io)');
  }
  const dir = mkdtempSync('/tmp/cc-dockerd-'); // short: the socket's path has a length limit
  const sock = join(dir, 'sock');
  const daemon = spawn(dockerd, ['--storage-driver=vfs', '--iptables=false', '--ip6tables=false', '--bridge=none', `--data-root=${dir}/data`, `--exec-root=${dir}/exec`, `--pidfile=${dir}/pid`, '-H', `unix://${sock}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  daemon.stderr.on('data', (c) => (log = (log + c).slice(-4000)));
  const exited = new Promise((done) => daemon.once('exit', done));
  cleanups.push(async () => {
    daemon.kill('SIGTERM');
    await exited;
    // dockerd leaves its network namespace mounted under exec-root (nsfs): unmount what is left.
    const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1] ?? '').filter((m) => m.startsWith(`${dir}/`));
    for (const m of mounts.sort().reverse()) spawnSync('umount', [m]);
    rmSync(dir, { recursive: true, force: true });
  });
  env.DOCKER_HOST = `unix://${sock}`;
  for (let waited = 0; !engineAnswers(); waited += 500) {
    if (daemon.exitCode !== null || waited > 60_000) throw new Error(`dockerd did not start:\n${log}`);
    await new Promise((done) => setTimeout(done, 500));
  }
  console.log(`started a private dockerd (vfs storage, host networking) in ${dir}`);
}

async function baseImage() {
  const named = process.env.CLONECLOUD_BASE_IMAGE;
  if (named) {
    if (spawnSync('docker', ['image', 'inspect', named], { env }).status !== 0) docker(['pull', named]);
    console.log(`${named} (CLONECLOUD_BASE_IMAGE)`);
    return named;
  }
  if (spawnSync('docker', ['pull', OFFICIAL_BASE], { env, encoding: 'utf8', timeout: 120_000 }).status === 0) {
    console.log(`pulled ${OFFICIAL_BASE}`);
    return OFFICIAL_BASE;
  }
  const debootstrap = ['/usr/sbin/debootstrap', '/usr/bin/debootstrap'].find(existsSync);
  if (!debootstrap) throw new Error(`${OFFICIAL_BASE} cannot be pulled, and making a stand-in needs debootstrap (Debian: apt-get install debootstrap)`);
  console.log(`${OFFICIAL_BASE} cannot be pulled here: making a stand-in, Debian bookworm (debootstrap) with this machine's Node ${process.version}`);
  const rootfs = join(work, 'rootfs');
  run(debootstrap, ['--variant=minbase', 'bookworm', rootfs, 'http://deb.debian.org/debian']);
  cpSync(process.execPath, join(rootfs, 'usr', 'local', 'bin', 'node'));
  const npmDir = join(execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(), 'npm');
  cpSync(npmDir, join(rootfs, 'usr', 'local', 'lib', 'node_modules', 'npm'), { recursive: true });
  for (const tool of ['npm', 'npx']) symlinkSync(`../lib/node_modules/npm/bin/${tool}-cli.js`, join(rootfs, 'usr', 'local', 'bin', tool));
  const certs = '/etc/ssl/certs/ca-certificates.crt';
  if (existsSync(certs)) cpSync(certs, join(rootfs, 'usr', 'local', 'share', 'machine-ca-certificates.crt'));
  run('chroot', [rootfs, 'sh', '-c', 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node && node --version']);
  const tar = spawn('tar', ['-C', rootfs, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const changes = ['ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...(existsSync(certs) ? ['ENV NODE_EXTRA_CA_CERTS=/usr/local/share/machine-ca-certificates.crt'] : [])];
  const imported = spawn('docker', ['import', ...changes.flatMap((c) => ['--change', c]), '-', STAND_IN_BASE], { env, stdio: [tar.stdout, 'ignore', 'inherit'] });
  const code = await new Promise((done) => imported.once('exit', done));
  if (code !== 0) throw new Error(`docker import exited with ${code}`);
  cleanups.push(() => docker(['rmi', '-f', STAND_IN_BASE]));
  rmSync(rootfs, { recursive: true, force: true });
  return STAND_IN_BASE;
}

async function waitHealthy(container, limitMs) {
  let status = 'starting';
  for (let waited = 0; status === 'starting' && waited < limitMs; waited += 1000) {
    await new Promise((done) => setTimeout(done, 1000));
    status = docker(['inspect', '--format', '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}', container]).trim();
    if (!/^(starting|healthy|unhealthy)$/.test(status)) break; // exited: no health to wait for
  }
  return status;
}
