/**
 * What a call says of the device besides its values, and the guards that hold it for the call:
 * the time zone, locale and locale data (./locale.ts), the clocks (./clocks.ts), the working
 * directory (./working-directory.ts), and the stacks it may read (./stack-reads.ts). The server
 * reads the headers once; the worker starts the guards before the call and stops them after.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { HEADERS } from '../protocol.js';
import { watchClocks } from './clocks.js';
import { watchPlace } from './locale.js';
import { watchStackReads } from './stack-reads.js';
import { watchWorkingDirectory } from './working-directory.js';

export interface DeviceContext {
  /** The device's time zone and default locale; an unknown one is taken as not the clone's. */
  timeZone?: string;
  locale?: string;
  /** The versions of the device's locale and zone data (HEADERS.localeData); without it, taken as the clone's. */
  localeData?: string;
  /** The device's clocks as it sent the call (HEADERS.clocks). */
  clocks?: string;
  /** The device's working directory (HEADERS.cwd, percent-encoded). */
  cwd?: string;
}

/** The device context a call's headers carry (what is malformed is left out, and taken as unknown). */
export function deviceContextOf(headers: IncomingHttpHeaders): DeviceContext {
  const timeZone = placeHeader(headers[HEADERS.timeZone]);
  const locale = placeHeader(headers[HEADERS.locale]);
  const localeData = headers[HEADERS.localeData];
  const clocks = headers[HEADERS.clocks];
  const cwd = headers[HEADERS.cwd];
  return {
    ...(timeZone ? { timeZone } : {}),
    ...(locale ? { locale } : {}),
    ...(typeof localeData === 'string' && localeData.length <= 200 ? { localeData } : {}),
    ...(typeof clocks === 'string' ? { clocks } : {}),
    ...(typeof cwd === 'string' ? { cwd } : {}),
  };
}

/** For one call: the guards on, until `stop()`; `refusal()`: why the call cannot stand (the place, then a stack), if it cannot. */
export function watchDevice(context: DeviceContext): { stop(): void; refusal(): string | undefined } {
  const place = watchPlace({ timeZone: context.timeZone, locale: context.locale, ...(context.localeData ? { data: context.localeData } : {}) });
  const stacks = watchStackReads();
  const clocks = watchClocks(context.clocks);
  const cwd = watchWorkingDirectory(context.cwd);
  return {
    stop() {
      place.stop();
      stacks.stop();
      clocks.stop();
      cwd.stop();
    },
    refusal() {
      const placeUsed = place.used();
      if (placeUsed) return `it uses ${placeUsed}`;
      const stackRead = stacks.used();
      return stackRead && `it reads ${stackRead}`;
    },
  };
}

function placeHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[\w+\-/.:]{1,100}$/.test(value) ? value : undefined;
}
