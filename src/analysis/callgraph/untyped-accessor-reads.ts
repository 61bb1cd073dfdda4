/**
 * Accessors installed on an object whose type declares the property (`Object.defineProperty(fetchError, 'data',
 * { get() {...} })`, FetchError declaring `data`) are found by declaration: a read runs them where the receiver's
 * `data` is that declaration (defined-accessors.ts). A receiver typed `any` or `unknown` names no declaration, yet
 * it may hold that very object (`.catch((error: any) => error)`, then `error.data`): its read runs them too, as
 * it runs the accessors installed where the object's type declares nothing.
 */
import { ts } from '../../typescript.cjs';

/** A receiver whose type says nothing of its members (any, unknown): it may be any object the app made. */
export function untypedReceiver(t: ts.Type, decls: readonly ts.Declaration[]): boolean {
  return decls.length === 0 && (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}
