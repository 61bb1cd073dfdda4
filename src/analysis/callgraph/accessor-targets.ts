/** The getters and setters a read or write of a property may run: its own, overrides and implementations. */
import { ts } from '../../typescript.cjs';
import { overloadedResultMembers } from './overloaded-results.js';
import type { Resolver, Target } from './resolve.js';

/** For a property with these declarations; through `super`, the declared ones only. */
export function accessorTargets(r: Resolver, decls: readonly ts.Declaration[], viaSuper: boolean): Target[] {
  const targets: Target[] = [];
  for (const d of decls) {
    if (ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d)) {
      targets.push({ node: d, kind: 'accessor' });
      if (!viaSuper) for (const o of r.hierarchy.overridesOf(d)) targets.push({ node: o, kind: 'accessor' });
    }
  }
  for (const d of decls) {
    if (!ts.isPropertySignature(d)) continue;
    for (const o of r.implementations.accessorsOf(d)) targets.push({ node: o, kind: 'accessor' });
  }
  // A class property (`abstract label: string`) a subclass overrides with an accessor: `this.label` in the base runs it.
  for (const d of viaSuper ? [] : decls) {
    if (ts.isPropertyDeclaration(d)) for (const o of r.hierarchy.overridesOf(d)) if (ts.isAccessor(o)) targets.push({ node: o, kind: 'accessor' });
  }
  for (const o of overloadedResultMembers(r, decls)) if (ts.isAccessor(o)) targets.push({ node: o, kind: 'accessor' });
  return targets;
}
