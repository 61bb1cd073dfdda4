import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture, runCli } from '../helpers/cli.js';

/** Debian's chromium; .ci/run installs it, so CI always runs the browser test. */
const CHROMIUM = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const withBrowser = CHROMIUM ? it : it.skip;

describe('clonecloud graph', () => {
  let app: string;
  beforeAll(() => {
    app = copyFixture('e2e-app');
    expect(runCli(['partition', app]).status).toBe(0);
  });

  it('prints DOT coloured by the committed partition', () => {
    const run = runCli(['graph', app, '--network', 'wifi']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^digraph clonecloud \{/);
    expect(run.stdout).toContain('[label="compute", fillcolor="#efd9f7"');
    expect(run.stdout).toContain('[label="square", fillcolor="#dcedc8"');
    expect(run.stdout).toContain('[label="show", fillcolor="#fde2e1"');
  });

  it('rejects an unknown format with exit 2', () => {
    const run = runCli(['graph', app, '--format', 'png']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("error: field '--format': expected one of dot, mermaid, html, got 'png'");
  });

  withBrowser('writes an HTML page that renders in a headless browser', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cc-graph-')), 'graph.html');
    expect(runCli(['graph', app, '--format', 'html', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    const browser = spawnSync(CHROMIUM!, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'cc-chromium-'))}`,
      '--dump-dom', `file://${out}`,
    ], { encoding: 'utf8', timeout: 60_000 });
    const dom = browser.stdout;
    // The page's script ran: every method is drawn as a node, with its role.
    expect(dom).toMatch(/data-nodes="5" data-edges="4"/);
    expect(dom).toContain('data-id="src/compute.ts#compute" data-role="migration-point"');
    expect(dom).toContain('data-id="src/main.ts#show" data-role="pinned"');
  });
});
