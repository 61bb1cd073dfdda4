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
import { declaredByLibrary } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import { catalogTypes } from './catalog.js';
import { deviceTypeOf } from './device-types.js';
import { handlerSet } from '../callgraph/emitters.js';
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
  return { byName, platforms: catalogTypes(catalogs) };
}

/** The catalog device type parameter `p` has, if any. */
export function deviceTypeOfParameter(checker: ts.TypeChecker, p: ts.ParameterDeclaration, types: DeviceTypeEntries): DeviceTypeEntry | undefined {
  if (!types.byName.size) return undefined;
  const found = deviceTypeOf(checker, checker.getTypeAtLocation(p.name), types.platforms);
  return found && types.byName.get(found.name);
}

/**
 * The functions of a file the library may call with a device object: arguments of a call or
 * `new` of a function or class the library declares (`el.addEventListener('click', onClick)`,
 * `new ResizeObserver(this.measure)`), and `on<type>` handlers the app sets, whose type's call
 * signatures take a catalog device type. Inline functions as they are; others as expressions,
 * for the value flow to say which functions they hold. With `first`, the first one only.
 */
export function deviceCallbacksIn(checker: ts.TypeChecker, sf: ts.SourceFile, types: DeviceTypeEntries, first = false): ts.Expression[] {
  const out: ts.Expression[] = [];
  if (!types.byName.size) return out;
  const visit = (node: ts.Node): boolean => {
    const handed = ts.isCallExpression(node) || ts.isNewExpression(node) ? libraryArguments(checker, node) : handlerAt(checker, node);
    for (const a of handed) if (takesDeviceObject(checker, a, types)) out.push(a);
    return (first && out.length > 0) || (ts.forEachChild(node, visit) ?? false);
  };
  visit(sf);
  return out;
}

/** The arguments (wrappers skipped) of a call or `new` of what the library declares. */
function libraryArguments(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): ts.Expression[] {
  if (!call.arguments?.length) return [];
  const callee = skipWrappers(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  if (!name || !declaredByLibrary(checker.getSymbolAtLocation(name))) return [];
  return call.arguments.map((a) => skipWrappers(a));
}

/** The handler of `target.on<type> = fn`, wrappers skipped. */
function handlerAt(checker: ts.TypeChecker, node: ts.Node): ts.Expression[] {
  const set = handlerSet(checker, node);
  return set ? [skipWrappers(set.handler)] : [];
}

/** A function (or function-typed name) one of whose call signatures takes a catalog device type. */
function takesDeviceObject(checker: ts.TypeChecker, e: ts.Expression, types: DeviceTypeEntries): boolean {
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e.parameters.some((p) => deviceTypeOfParameter(checker, p, types));
  if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e) && !ts.isCallExpression(e)) return false;
  for (const sig of checker.getTypeAtLocation(e).getCallSignatures()) {
    for (const p of sig.getParameters()) if (deviceTypeOf(checker, checker.getTypeOfSymbol(p), types.platforms)) return true;
  }
  return false;
}

/** A member (`e.data`, `e.detail`) the library declares as `any`, `unknown` or a type parameter: the app's data, carried. */
export function carriesAppData(checker: ts.TypeChecker, member: ts.Node): boolean {
  const decls = memberSymbol(checker, member)?.declarations ?? [];
  const open = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter;
  return decls.length > 0 && decls.every((d) => (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d)) && (checker.getTypeAtLocation(d).flags & open) !== 0);
}

/**
 * The catalog device type of a member the library declares (`record.target: Node` of a
 * MutationRecord, `entry.target: Element` of a ResizeObserverEntry), read or destructured.
 */
export function libraryTypedMember(checker: ts.TypeChecker, member: ts.Node, types: DeviceTypeEntries): DeviceTypeEntry | undefined {
  if (!types.byName.size) return undefined;
  const sym = memberSymbol(checker, member);
  if (!sym || !declaredByLibrary(sym)) return undefined;
  const found = deviceTypeOf(checker, checker.getNonNullableType(checker.getTypeAtLocation(member)), types.platforms);
  return found && types.byName.get(found.name);
}

/** The property a member read or a destructured binding (`{ data }`, `{ data: d }`) reads. */
function memberSymbol(checker: ts.TypeChecker, member: ts.Node): ts.Symbol | undefined {
  if (ts.isPropertyAccessExpression(member)) return checker.getSymbolAtLocation(member.name);
  if (!ts.isBindingElement(member) || !ts.isObjectBindingPattern(member.parent)) return undefined;
  const key = member.propertyName ?? member.name;
  return ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? checker.getTypeAtLocation(member.parent).getProperty(key.text) : undefined;
}
