/**
 * What building the call graph starts from: every file's sites, the stores among them, the
 * resolver over both (with the members helpers install), and the names worth asking the checker
 * about.
 */
import { isGenerator } from './call-returns.js';
import { Callers } from './callers.js';
import { DescriptorCopies } from './descriptor-copies.js';
import type { ImplicitFlags } from './implicit-sites.js';
import { Installers } from './installers.js';
import { namedKeyedMembers } from './keyed-members.js';
import { Resolver } from './resolve.js';
import { Stores } from './stores.js';
import type { MethodTable } from '../methods.js';
import type { LoadedApp } from '../project.js';
import { walkFile, type FileSites } from '../walk.js';

/** Every file's sites, the stores among them and the resolver over both: what resolving calls starts from. */
export function resolverFor(app: LoadedApp, table: MethodTable): { all: FileSites[]; stores: Stores; resolver: Resolver } {
  const all = app.files.map((f) => walkFile(f, table));
  // Literal members under a computed key join the named ones once the checker names their key.
  for (const s of all) s.literalFns.push(...namedKeyedMembers(app.checker, s.keyed));
  const stores = new Stores(app.checker, all.flatMap((s) => s.stores), all.flatMap((s) => s.calls.map((c) => c.node)), all.flatMap((s) => s.assigns));
  const resolver = new Resolver(app, table, all.flatMap((s) => s.literalFns), stores);
  // Members helpers install: their values join the stores, their accessors the defined ones.
  const callers = new Callers(app.checker, all);
  resolver.callers = callers;
  const installers = new Installers(resolver, all, callers);
  for (const v of installers.values) stores.install(v.name, { recv: v.recv, value: v.value });
  resolver.installed = [...installers.accessors, ...new DescriptorCopies(resolver, all, callers).accessors];
  resolver.loopMembers = installers.loopMembers;
  return { all, stores, resolver };
}

/**
 * Names worth asking the checker about: property names that may be a method, accessor or
 * function-valued member (last segments of method ids, object-literal members of any value,
 * stored properties), and for identifiers also variables that may hold functions.
 */
export function memberNames(table: MethodTable, all: FileSites[], stores: Stores): Names {
  const members = new Set<string>();
  for (const id of table.byId.keys()) {
    // After the file: a top-level function is a member too, of its module's namespace (`util.replacer`).
    const path = id.slice(id.indexOf('#') + 1);
    const last = path.slice(path.lastIndexOf('.') + 1);
    members.add(last.replace(/~\d+$/, ''));
  }
  for (const s of all) for (const l of s.literalFns) members.add(l.name);
  for (const name of stores.names()) members.add(name);
  const refs = new Set(members);
  for (const id of table.byId.keys()) refs.add(id.slice(id.indexOf('#') + 1).replace(/~\d+$/, ''));
  for (const s of all) for (const n of s.boundNames) refs.add(n);
  const generators = [...table.idOf.keys()].some(isGenerator);
  // Well-known symbols are segments of ids (`Bag.[Symbol.iterator]`), with a dot inside.
  const ids = [...table.byId.keys()];
  const iterators = members.has('next') || ids.some((id) => id.includes('[Symbol.iterator]') || id.includes('[Symbol.asyncIterator]'));
  const conversions = ['toString', 'valueOf', 'toJSON'].some((m) => members.has(m)) || ids.some((id) => id.includes('[Symbol.toPrimitive]') || id.includes('[Symbol.toStringTag]'));
  return { members, refs, generators, iterators, conversions };
}

export interface Names extends ImplicitFlags {
  members: Set<string>;
  refs: Set<string>;
}
