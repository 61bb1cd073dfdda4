/**
 * A resolution widened by targets a later rule finds (function-receivers.ts, context-declared.ts),
 * with the parameters those came through for parameter flow.
 */
import type { Resolution, Target } from './resolve.js';
import type { ViaParameter } from './values.js';

export function withAddedTargets(res: Resolution, added: readonly Target[], parameters: readonly ViaParameter[]): Resolution {
  if ('library' in res) return res;
  const via = [...(res.via ?? []), ...parameters];
  const withVia = via.length ? { via } : {};
  if ('targets' in res) return { ...res, targets: [...res.targets, ...added.filter((a) => !res.targets.some((t) => t.node === a.node))], ...withVia };
  // A parameter's own value (res.param) stays to parameter flow: the site keeps its reason.
  if (res.param) return { ...res, ...withVia };
  return added.length ? { targets: [...added], ...withVia } : { ...res, ...withVia };
}
