/**
 * An error's stack read on the clone is the clone's: its frames name the clone's copy of the build
 * (served from another folder) and, below the migration point, the run-time's frames instead of
 * the device's callers. A migrated `where()` returning `new Error().stack.split('\n')[1]` answered
 * with the clone's path. An error the call throws is rewritten on its way back (../stacks.ts),
 * and what it prints is checked (./console.ts), but a stack the app reads and keeps, returns or
 * parses (a logger's caller, `callsites()`) is not text the run-time sees.
 *
 * V8 formats a stack the first time it is read, through `Error.prepareStackTrace`: installed once
 * per worker before the app loads, the hook marks the call that reads one, which is then refused
 * and runs on the device; it formats as Node does (`${error}` and the frames, each `\n    at `),
 * or hands over to the app's own hook when the app sets one (`Error.prepareStackTrace = ...`
 * stores it; reading it gives the run-time's, which calls the app's). Not seen: a stack read
 * before the call (formatted at load, kept by V8) and read again during it. Errors that came in
 * from the device carry their stacks as text and are never formatted here.
 */
import { O } from '../intrinsics.js';

const errorToString = Error.prototype.toString;
let watching = false;
let used: string | undefined;

export function installStackGuard(): void {
  let appHook: unknown;
  const hook = function prepareStackTrace(error: Error, trace: NodeJS.CallSite[]): unknown {
    if (watching) used ??= "an error's stack, whose frames name the clone's paths and callers";
    if (typeof appHook === 'function') return (appHook as (e: Error, t: NodeJS.CallSite[]) => unknown)(error, trace);
    const head = errorToString.call(error);
    return trace.length ? `${head}\n    at ${trace.join('\n    at ')}` : head;
  };
  O.defineProperty(Error, 'prepareStackTrace', {
    configurable: true,
    get: () => hook,
    // An app saving the hook and putting it back (`const old = Error.prepareStackTrace; ...; Error.prepareStackTrace = old`) puts back none.
    set: (value: unknown) => void (appHook = value === hook ? undefined : value),
  });
}

/** For one call: from now until `stop()`, a stack formatted here marks it; `used()`: what it read. */
export function watchStackReads(): { used(): string | undefined; stop(): void } {
  watching = true;
  used = undefined;
  return {
    used: () => used,
    stop: () => void (watching = false),
  };
}
