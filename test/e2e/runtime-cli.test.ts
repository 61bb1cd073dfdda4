/** Bad input to `serve` and `run`: one line saying what and where, exit code 2, nothing started. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, runCli } from '../helpers/cli.js';

describe('serve and run refuse bad input', () => {
  let app: string;
  beforeAll(() => {
    app = copyFixture('runtime-module-state');
    expect(runCli(['partition', app]).status).toBe(0);
  });

  const oneLine = (r: { status: number | null; stderr: string }, pattern: RegExp) => {
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  };

  it('serve without a token on an address other than loopback', () => {
    oneLine(runCli(['serve', app, '--host', '0.0.0.0', '--port', '0']), /field '--host': a clone without --token-file serves on loopback only, not on 0\.0\.0\.0/);
  });

  it('serve without a manifest, with half a TLS pair, with a bad port', () => {
    oneLine(runCli(['serve', app, '--manifest', join(app, 'none.yaml')]), /none\.yaml: no manifest: run `clonecloud partition` first/);
    oneLine(runCli(['serve', app, '--tls-cert', join(app, 'package.json')]), /field '--tls-key': give both --tls-cert and --tls-key/);
    oneLine(runCli(['serve', app, '--port', '70000']), /field '--port': expected a whole number from 0 to 65535/);
  });

  it('run with a network the manifest does not have, without a command, with a bad clone URL', () => {
    oneLine(runCli(['run', '--app', app, '--network', 'satellite', '--', 'node', '-e', '0']), /field '--network': the manifest has no partition for network 'satellite' \(it has 3g, 5g, lte, wifi\)/);
    oneLine(runCli(['run', '--app', app]), /usage: clonecloud run/);
    oneLine(runCli(['run', '--app', app, '--clone', 'ftp://x', '--', 'node', '-e', '0']), /field '--clone': expected an http:\/\/ or https:\/\/ URL/);
  });

  it('run with a manifest written before the run-time existed', () => {
    const old = join(app, 'old.manifest.yaml');
    writeFileSync(old, 'clonecloud-manifest: 1\napp: x\nobjective: time\nnesting: dynamic\ndevice: phone-midrange\ninputs: { sources: "sha256:00", profiles: [] }\npartitions:\n  - { network: wifi, migrate: [], cost: { unit: ms, deviceOnly: 1, partitioned: 1 }, speedup: 1, optimal: true }\n');
    oneLine(runCli(['run', '--app', app, '--manifest', old, '--', 'node', '-e', '0']), /has no runtime section \(it was written by an older clonecloud\): run `clonecloud partition` again/);
  });

  it('run without a clone runs the program as it is, and keeps its exit code', () => {
    const r = runCli(['run', '--app', app, '--', process.execPath, '-e', 'process.stdout.write("hi"); process.exit(7)']);
    expect(r.status).toBe(7);
    expect(r.stdout).toBe('hi');
  });
});
