/**
 * The device side of the run-time in one process: the `__cc$` global the transformed modules
 * call, which partition is in force, how to reach the clone, and what happened (the report).
 */
import { join, resolve } from 'node:path';
import { buildDigest } from '../digest.js';
import { HEADERS, localeData } from '../protocol.js';
import type { BindingAccessor, ModuleHandle, RuntimeGlobal } from '../global.js';
import type { RuntimePlan } from '../plan.js';
import { memberOf, Registry } from '../registry.js';
import { DevicePoint } from './point.js';
import type { ProcessReport } from './stats.js';

export interface DeviceConfig {
  appDir: string;
  plan: RuntimePlan;
  /** The clone's base URL; undefined runs everything on the device. */
  clone: string | undefined;
  /** The partition in force (a network of the manifest); undefined: all-device. */
  network: string | undefined;
  token?: string;
  /** PEM of the clone's certificate authority, when it is not one the system trusts. */
  ca?: string;
  /** A fixed deadline for every call, ms (else from each point's predicted cost). */
  timeoutMs?: number;
}

/** Shortest wait before trying a clone that did not answer again, and the longest. */
const BACKOFF_MS = [1000, 30_000] as const;

export class DeviceRuntime implements RuntimeGlobal {
  readonly L = Symbol('clonecloud.local');
  readonly registry = new Registry();
  readonly points = new Map<string, DevicePoint>();
  /** Whether a point's call is being sent or applied on this thread (calls are synchronous). */
  busy = false;
  readonly ca: string | undefined;
  private readonly warned = new Set<string>();
  private readonly migrate: Set<string>;
  private readonly bindingCache = new Map<string, BindingAccessor[]>();
  private build: string | undefined;
  private downUntil = 0;
  private backoff: number = BACKOFF_MS[0];
  private place: { tz: string | undefined; headers: Record<string, string> } | undefined;

  constructor(readonly config: DeviceConfig) {
    this.ca = config.ca;
    const partition = config.network === undefined ? undefined : config.plan.partitions.get(config.network);
    this.migrate = config.clone && partition ? partition.migrate : new Set();
  }

  mod(moduleKey: string): ModuleHandle {
    return this.registry.module(moduleKey);
  }

  point(id: string): DevicePoint {
    let p = this.points.get(id);
    if (!p) this.points.set(id, (p = new DevicePoint(id, this, this.migrate.has(id))));
    return p;
  }

  member(holder: object, part?: string): Function {
    return memberOf(holder, part);
  }

  /** Why no call should go out now (the clone did not answer a moment ago), if so. */
  refusal(): string | undefined {
    return Date.now() < this.downUntil ? 'the clone did not answer a moment ago' : undefined;
  }

  /** The clone answered: the next failure waits the shortest time again. */
  cloneUp(): void {
    this.backoff = BACKOFF_MS[0];
  }

  /** The clone did not answer: calls stay on the device for a while (doubling up to half a minute) before trying again. */
  cloneDown(): void {
    this.downUntil = Date.now() + this.backoff;
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MS[1]);
  }

  /** The module bindings a point's call carries, in the manifest's order; throws when the build lacks one. */
  bindingsOf(id: string): BindingAccessor[] {
    let found = this.bindingCache.get(id);
    if (!found) {
      const state = this.config.plan.points.get(id)?.state ?? [];
      found = state
        .filter((s) => s.scope === 'module')
        .map((s) => {
          const accessor = this.registry.binding(s.file, s.name);
          if (!accessor) throw new Error(`binding ${s.file}#${s.name} is not in the loaded build`);
          return accessor;
        });
      this.bindingCache.set(id, found);
    }
    return found;
  }

  /** `<build digest>.<plan digest>`, computed on first use (it reads the whole build). */
  buildTag(): string {
    this.build ??= buildDigest(resolve(this.config.appDir, this.config.plan.build));
    return `${this.build}.${this.config.plan.digest}`;
  }

  /** How long a call may take before it runs here instead: the predicted time, four times over, plus a second. */
  deadlineMs(id: string): number {
    if (this.config.timeoutMs !== undefined) return this.config.timeoutMs;
    const p = this.config.network === undefined ? undefined : this.config.plan.partitions.get(this.config.network)?.predicted.get(id);
    const perCall = p && p.calls > 0 ? (p.migrationMs + p.cloneMs) / p.calls : 0;
    return 4 * perCall + 1000;
  }

  url(path: string): string {
    return new URL(path, this.config.clone!.endsWith('/') ? this.config.clone! : `${this.config.clone}/`).href;
  }

  authHeaders(): Record<string, string> {
    return this.config.token ? { authorization: `Bearer ${this.config.token}` } : {};
  }

  /**
   * The time zone, default locale and locale data the clone must share to run a call that uses them, read once
   * per process (again if the app sets `process.env.TZ`, which changes Node's zone).
   */
  placeHeaders(): Record<string, string> {
    const tz = process.env.TZ;
    if (!this.place || this.place.tz !== tz) {
      const o = Intl.DateTimeFormat().resolvedOptions();
      this.place = { tz, headers: { [HEADERS.timeZone]: o.timeZone, [HEADERS.locale]: o.locale, [HEADERS.localeData]: localeData() } };
    }
    return this.place.headers;
  }

  colors(): string {
    const depth = (s: NodeJS.WriteStream) => (s.isTTY && typeof s.getColorDepth === 'function' ? s.getColorDepth() : 1);
    return `${depth(process.stdout)},${depth(process.stderr)}`;
  }

  warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    process.stderr.write(`clonecloud: ${message}\n`);
  }

  report(): ProcessReport {
    const points: ProcessReport['points'] = {};
    for (const [id, p] of [...this.points].sort(([a], [b]) => (a < b ? -1 : 1))) if (p.stats.calls > 0) points[id] = p.stats;
    return { pid: process.pid, argv: process.argv, network: this.config.network ?? null, clone: this.config.clone ?? null, points };
  }
}

export const reportFile = (dir: string): string => join(dir, `report-${process.pid}.json`);
