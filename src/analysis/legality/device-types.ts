/**
 * Which catalog device type a type is: by its own name, or by a type it extends. A catalog names
 * the base (`HTMLElement`, `Event`, `Readable`), and every kind of it is one too: an
 * `HTMLDivElement` is a DOM node, a `MouseEvent` an event, an `http.IncomingMessage` a stream,
 * and an app class extending `HTMLElement` (a custom element) a DOM node as well. Only a type the
 * library declares has a catalog's name: an app's own `interface Node` (a compiler's syntax
 * tree) is no DOM node, nor is what extends it.
 */
import { ts } from '../../typescript.cjs';
import { declaredByLibrary } from '../symbols.js';

export interface DeviceType {
  /** The catalog's name the type is or extends. */
  name: string;
  platform: string;
}

/** Base types are followed this many levels up (DOM elements are 4 below `Node`: HTMLDivElement, HTMLElement, Element, Node). */
const MAX_BASES = 8;

export function deviceTypeOf(checker: ts.TypeChecker, t: ts.Type, types: Map<string, string>, depth = 0): DeviceType | undefined {
  const sym = t.getSymbol() ?? t.aliasSymbol;
  const name = sym?.getName();
  // The platform's type, not one the app names alike (a compiler's own `interface Node`).
  const platform = name === undefined || !declaredByLibrary(sym) ? undefined : types.get(name);
  if (platform) return { name: name!, platform };
  if (depth >= MAX_BASES || !(t.flags & ts.TypeFlags.Object)) return undefined;
  // A generic's instantiation (`Transform<T>`) has its bases on the generic type itself.
  const declared = (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference ? (t as ts.TypeReference).target : t;
  if (!declared.isClassOrInterface()) return undefined;
  for (const base of checker.getBaseTypes(declared)) {
    const found = deviceTypeOf(checker, base, types, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** "HTMLDivElement is a browser device type (it extends HTMLElement)", without the parenthesis for a catalog's own name. */
export function describeDeviceType(own: string, found: DeviceType): string {
  const kind = `${own} is a ${found.platform} device type`;
  return own === found.name ? kind : `${kind} (it extends ${found.name})`;
}
