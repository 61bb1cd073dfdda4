/**
 * The container image and the Kubernetes example agree with each other and with `serve`: the
 * same port, the health path the server answers, the token where the image reads it, names that
 * resolve. (No container engine runs on the test machines, so the image itself is not built here.)
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { PATHS } from '../../src/runtime/protocol.js';
import { ROOT } from '../helpers/cli.js';

type Doc = Record<string, any>;

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const k8s = (name: string): Doc => parse(readFileSync(join(ROOT, 'deploy', 'kubernetes', name), 'utf8')) as Doc;
const deployment = k8s('deployment.yaml');
const service = k8s('service.yaml');
const hpa = k8s('hpa.yaml');
const ingress = k8s('ingress.yaml');
const container = deployment.spec.template.spec.containers[0];

function dockerEnv(name: string): string {
  const found = new RegExp(`${name}=(\\S+)`).exec(dockerfile);
  if (!found) throw new Error(`the Dockerfile sets no ${name}`);
  return found[1]!;
}

describe('deploy/ and the Dockerfile', () => {
  it('listen, expose and route the same port', () => {
    const port = Number(dockerEnv('CLONECLOUD_PORT'));
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
    expect(container.ports).toEqual([{ name: 'clone', containerPort: port }]);
    expect(service.spec.ports[0].targetPort).toBe('clone');
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({ name: service.metadata.name, port: { name: service.spec.ports[0].name } });
  });

  it('probe the path the clone answers without a token', () => {
    expect(container.readinessProbe.httpGet.path).toBe(PATHS.health);
    expect(container.livenessProbe.httpGet.path).toBe(PATHS.health);
    expect(dockerfile).toContain(PATHS.health);
    expect(ingress.spec.rules[0].http.paths[0].path).toBe(posix.dirname(PATHS.call) + '/');
  });

  it('mount the token Secret where the image reads it', () => {
    const tokenFile = dockerEnv('CLONECLOUD_TOKEN_FILE');
    expect(container.env).toContainEqual({ name: 'CLONECLOUD_TOKEN_FILE', value: tokenFile });
    const mount = container.volumeMounts.find((m: Doc) => m.name === 'token');
    const volume = deployment.spec.template.spec.volumes.find((v: Doc) => v.name === 'token');
    expect(posix.join(mount.mountPath, volume.secret.items[0].path)).toBe(tokenFile);
    expect(mount.readOnly).toBe(true);
  });

  it('run as a non-root user with a writable /tmp for the private module cache', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  });

  it('scale the Deployment it names, and give serve flags it has', () => {
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    const serveFlags = readFileSync(join(ROOT, 'src', 'cli', 'commands', 'serve.ts'), 'utf8');
    for (const flag of (container.args as string[]).filter((a) => a.startsWith('--'))) expect(serveFlags).toContain(`'${flag} <`);
  });
});
