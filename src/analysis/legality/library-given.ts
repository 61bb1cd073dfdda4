/**
 * Device objects the library hands the app: a callback the library calls (`el.addEventListener(
 * 'click', (e) => ...)`, `server.on('connection', (socket) => ...)`, `new MutationObserver((rs)
 * => ...)`, `port.onmessage = (e) => ...`) is given what its parameter's type says, and a
 * parameter of a catalog device type (`MouseEvent` is an `Event`, `Socket` a stream) is such an
 * object, whatever the app did not see of where the library got it. Its own members (`e.target`,
 * `e.currentTarget`) are device values too, and are followed from there (device-values.ts), but
 * not a member the library declares as `any`, `unknown` or a type parameter: that is the app's
 * data the object carries (a message's `data`, a CustomEvent's `detail`), whose own flow, if
 * any, is followed from where the app put it (emitted-values.ts).
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers } from '../../ids/methodIds.js';
import { declaredByLibrary } from '../symbols.js';
import { skipWrappers } from '../walk.js';
import { deviceTypeOf } from './device-types.js';
import { assignedHandler } from './emitted-values.js';
import type { CatalogEntry, PlatformCatalog } from '../types.js';

export interface DeviceTypeEntry {
  entry: CatalogEntry;
  catalog: PlatformCatalog;
}

/** The catalogs' device types: each entry by name, and each name's platform (as deviceTypeOf asks). */
export interface DeviceTypeEntries {
  byName: Map<string, DeviceTypeEntry>;
  platforms: Map<string, string>;
}

export function deviceTypeEntries(catalogs: readonly PlatformCatalog[]): DeviceTypeEntries {
  const byName = new Map<string, DeviceTypeEntry>();
  for (const catalog of catalogs) for (const entry of catalog.types) byName.set(entry.name, { entry, catalog });
  return { byName, platforms: new Map([...byName].map(([name, t]) => [name, t.catalog.platform])) };
}

/** The catalog device type the library gives parameter `p` of a callback it calls, if any. */
export function libraryGivenType(checker: ts.TypeChecker, p: ts.ParameterDeclaration, types: DeviceTypeEntries): DeviceTypeEntry | undefined {
  if (!types.byName.size || !calledByLibrary(checker, p.parent)) return undefined;
  const found = deviceTypeOf(checker, checker.getTypeAtLocation(p.name), types.platforms);
  return found && types.byName.get(found.name);
}

/** `lib.method(..., fn)` or `new Lib(..., fn)` of a function or class the library declares, or `target.on<type> = fn`. */
export function calledByLibrary(checker: ts.TypeChecker, fn: ts.Node): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const e = climbWrappers(fn);
  const call = e.parent;
  if (call && (ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments?.includes(e as ts.Expression)) {
    const callee = skipWrappers(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
    return name !== undefined && declaredByLibrary(checker.getSymbolAtLocation(name));
  }
  return assignedHandler(checker, fn) !== undefined;
}

/** Whether a file has a callback the library gives a device object (then its device values are worth following). */
export function handsDeviceCallbacks(checker: ts.TypeChecker, sf: ts.SourceFile, types: DeviceTypeEntries): boolean {
  if (!types.byName.size) return false;
  const visit = (node: ts.Node): boolean => {
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parameters.some((p) => libraryGivenType(checker, p, types))) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(sf);
}

/** A member (`e.data`, `e.detail`) the library declares as `any`, `unknown` or a type parameter: the app's data, carried. */
export function carriesAppData(checker: ts.TypeChecker, member: ts.Node): boolean {
  const decls = memberSymbol(checker, member)?.declarations ?? [];
  const open = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter;
  return decls.length > 0 && decls.every((d) => (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d)) && (checker.getTypeAtLocation(d).flags & open) !== 0);
}

/** The property a member read or a destructured binding (`{ data }`, `{ data: d }`) reads. */
function memberSymbol(checker: ts.TypeChecker, member: ts.Node): ts.Symbol | undefined {
  if (ts.isPropertyAccessExpression(member)) return checker.getSymbolAtLocation(member.name);
  if (!ts.isBindingElement(member) || !ts.isObjectBindingPattern(member.parent)) return undefined;
  const key = member.propertyName ?? member.name;
  return ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? checker.getTypeAtLocation(member.parent).getProperty(key.text) : undefined;
}
