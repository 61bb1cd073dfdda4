/**
 * A candidate must be a function the run-time can carry: the device's wrapper must be able to
 * send its call and the clone to find its code. The run-time's transform decides that
 * (runtime/transform/forms.ts, `locate`); asking it here keeps the two from drifting apart, so
 * that no manifest names a migration point whose every call runs on the device (an arrow with
 * destructured parameters, a default that would be evaluated twice, a class declared inside a
 * function, a computed or private member name, a capture it cannot copy).
 */
import { locate } from '../../runtime/transform/forms.js';
import type { MethodEntry } from '../methods.js';
import { fileLine, siteOf } from '../project.js';
import type { Reason } from '../types.js';

/** Why the run-time cannot carry the method, given the names its call carries as captured state; undefined when it can. */
export function runtimeFormReason(m: MethodEntry, captured: readonly string[]): Reason | undefined {
  for (const node of m.nodes) {
    const where = locate(node, m.file.sf, captured);
    if (!('unsupported' in where)) continue;
    const site = siteOf(m.file, node);
    return { rule: 'state', message: `the run-time cannot carry it: ${where.unsupported} (${fileLine(site)})`, site };
  }
  return undefined;
}
