/**
 * The device-clone protocol, over HTTP/1.1 (HTTPS in production). A call is one POST whose body
 * is the wire encoding of the call's roots; its answer is 200 with the reply's encoding, or a
 * status that tells the device why to run the call itself.
 *
 * Request roots, in order: the module bindings the point carries (plan order), `this`, the
 * arguments (one array), the captured bindings (transform order).
 * Reply values, in order: the outcome (0 returned, 1 threw), the result or the thrown value, the
 * bindings' values after the call (one array), the captured bindings' values after the call (one
 * array), and what the call printed (an array of [1 | 2, text] for stdout and stderr).
 */
export const PROTOCOL_VERSION = '1';

export const PATHS = { call: '/v1/call', health: '/v1/health', probe: '/v1/probe' } as const;

export const HEADERS = {
  version: 'x-clonecloud-protocol',
  point: 'x-clonecloud-point',
  part: 'x-clonecloud-part',
  /** `<build digest>.<plan digest>`: the clone refuses another build or another manifest. */
  build: 'x-clonecloud-build',
  /** How long the device waits, ms: the clone gives up on the call after that. */
  deadline: 'x-clonecloud-deadline-ms',
  /** Colour depth of the device's stdout and stderr (`1,1` without colour), for what the call prints. */
  colors: 'x-clonecloud-colors',
  /** On a reply: the clone's own time for the call, ms. */
  serverMs: 'x-clonecloud-server-ms',
  /** The device's time zone and default locale (`Intl.DateTimeFormat().resolvedOptions()`): a call that uses a zone or locale the clone does not share is refused. */
  timeZone: 'x-clonecloud-time-zone',
  locale: 'x-clonecloud-locale',
  /** The versions of the device's locale and zone data (ICU, CLDR, tz, Unicode): when they differ from the clone's, a call using locale or zone data is refused whatever it names. */
  localeData: 'x-clonecloud-locale-data',
  /** The device's `performance.now()` (ms) and `process.hrtime.bigint()` (ns) as it sends: the call's clocks read on its timeline. */
  clocks: 'x-clonecloud-clocks',
  /** The device's working directory (percent-encoded), which relative paths resolve against during the call. */
  cwd: 'x-clonecloud-cwd',
} as const;

export const OUTCOME = { returned: 0, threw: 1 } as const;

/** `icu 74.2, cldr 44.1, tz 2024a, unicode 15.1`: what Intl, local time and case mapping read besides the zone and locale. */
export function localeData(): string {
  const v = process.versions as Record<string, string | undefined>;
  return ['icu', 'cldr', 'tz', 'unicode'].map((k) => `${k} ${v[k] ?? 'none'}`).join(', ');
}

/** Why a call came back without an answer, from its HTTP status (or the transport). */
export function refusalOf(status: number): string {
  switch (status) {
    case 400:
      return 'the clone could not read the call (400)';
    case 401:
      return 'the clone refused the token (401)';
    case 404:
      return 'the clone does not serve this migration point (404)';
    case 409:
      return 'the clone runs another build or manifest (409)';
    case 413:
      return 'the call is larger than the clone accepts (413)';
    case 422:
      return 'the clone cannot run this call faithfully (422)';
    case 503:
      return 'the clone is busy (503)';
    case 504:
      return 'the call ran out of time on the clone (504)';
    default:
      return `the clone failed (${status})`;
  }
}
