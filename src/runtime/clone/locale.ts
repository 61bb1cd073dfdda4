/**
 * Local time and the default locale belong to the device: `d.getHours()`, `d.toString()`,
 * `n.toLocaleString()`, `new Intl.NumberFormat()` answer by the process's time zone and locale.
 * Each call says the device's (`Intl.DateTimeFormat().resolvedOptions()`: one default locale
 * serves every Intl service in V8, so DateTimeFormat's stands for all); when the clone's differs,
 * the built-ins that read it mark the call, which is then refused and runs on the device. Each
 * call also says the versions of the device's locale and zone data (ICU, CLDR, tz, Unicode):
 * another Node formats otherwise whatever it is told (ICU 72 put a narrow no-break space before
 * 'AM' in en-US times), so when they differ every use marks, with its own locale and zone too.
 *
 * The guards are installed once per worker, before the app loads: each wraps a built-in and, while
 * a call runs under a zone or locale the clone does not share, checks whether this use depends on
 * it. Otherwise the cost is a flag check. What does not depend on the zone is left alone: `new
 * Date()`, `new Date(ms)`, `new Date(date)`, `Date.now()`, `Date.UTC`, the UTC getters and setters,
 * `getMilliseconds`, `getTime`, `toISOString`, `toJSON`, `toUTCString`, and a date string in the ISO
 * forms that name their offset (`…Z`, `…+09:00`) or have no time (`2026-01-01`, which is UTC); any
 * other string (`'2026-01-01T10:00'`, `'Jan 1 2026'`) may be local time and marks the call. An Intl
 * use with its own locales (one the clone supports: an unsupported one falls back to the default)
 * and, for dates, its own `timeZone` does not mark either.
 *
 * Constructors are guarded by a function on the global binding (`Date`, `Intl.NumberFormat`, …)
 * that shares the original's prototype, whose `constructor` points back at it: `instanceof`,
 * statics, `.prototype` and subclasses work as before (though `Function.prototype.toString` shows
 * the wrapper's source, not `[native code]`). An Intl object keeps the defaults it was made with,
 * perhaps before the call (a library's formatter cached at load or by an earlier call from another
 * device): each is recorded as it is made, and its methods (`format`, `compare`,
 * `resolvedOptions`, … and the bound `format`/`compare` it hands out) check that record. Node's own
 * code keeps the originals (it captured them at start-up), so the clone's console and wire are not
 * guarded.
 */
import { types } from 'node:util';
import { localeData } from '../protocol.js';

export interface Place {
  timeZone: string;
  locale: string;
  /** The versions of the locale and zone data (ICU, CLDR, tz, Unicode): another Node may format otherwise whatever locale it is given. */
  data?: string;
}

/** The process's time zone, default locale and locale data. */
export function placeOf(): Place {
  const o = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone: o.timeZone, locale: o.locale, data: localeData() };
}

const clone = placeOf();
let zoneDiffers = false;
let localeDiffers = false;
/** The device's locale data is another: then even a locale or zone given explicitly is read from it. */
let dataDiffers = false;
let device: Partial<Place> = {};
let used: string | undefined;

function zone(api: string): void {
  used ??= dataDiffers ? differentData(api) : `${api} under a time zone the clone does not share (device ${device.timeZone ?? 'unknown'}, clone ${clone.timeZone})`;
}
function locale(api: string): void {
  used ??= dataDiffers ? differentData(api) : `${api} under a locale the clone does not share (device ${device.locale ?? 'unknown'}, clone ${clone.locale})`;
}
function differentData(api: string): string {
  return `${api} under locale and zone data the clone does not share (device ${device.data}; clone ${clone.data})`;
}

/**
 * For one call: from now until `stop()`, guarded built-ins check against the device's zone and
 * locale (an unknown one differs). `used()`: the first use that depends on one the clone does not share.
 */
export function watchPlace(of: Partial<Place>): { used(): string | undefined; stop(): void } {
  device = of;
  used = undefined;
  // A device that does not say its data (an older one) is taken to share the clone's.
  dataDiffers = of.data !== undefined && of.data !== clone.data;
  zoneDiffers = dataDiffers || of.timeZone !== clone.timeZone;
  localeDiffers = dataDiffers || of.locale !== clone.locale;
  return {
    used: () => used,
    stop() {
      zoneDiffers = localeDiffers = dataDiffers = false;
    },
  };
}

type Intl$ = Record<string, Function & { supportedLocalesOf(l: string[]): string[] }>;
const intl = Intl as unknown as Intl$;
const supportedBy = (service: string) => (list: string[]) => intl[service]!.supportedLocalesOf(list);

/**
 * Locales given explicitly and matched here: an empty list, `undefined`, or tags none of which
 * the service supports fall back to the default locale. Anything but strings is taken as not given.
 */
function localesGiven(locales: unknown, supported: (list: string[]) => string[]): boolean {
  if (dataDiffers) return false;
  const list = typeof locales === 'string' ? [locales] : Array.isArray(locales) && !types.isProxy(locales) && locales.every((l) => typeof l === 'string') ? (locales as string[]) : undefined;
  if (!list || list.length === 0) return false;
  try {
    return supported(list).length > 0;
  } catch {
    return true; // an invalid tag: the call throws the same RangeError wherever it runs
  }
}

/** An option given as a data property (a getter would count one read too many: taken as not given). */
function optionGiven(options: unknown, key: string): boolean {
  for (let o = options; o !== null && typeof o === 'object'; o = Object.getPrototypeOf(o)) {
    if (types.isProxy(o)) return false;
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return 'value' in d && d.value !== undefined;
  }
  return false;
}

/**
 * A date string that means the same instant in every zone: an ISO form with an offset, or a date
 * alone (UTC). Not `-000000`, which ISO forbids: V8 then reads the string as local time.
 */
const ZONE_FREE_DATE = /^(?:\+\d{6}|-(?!000000)\d{6}|\d{4})(?:-\d\d(?:-\d\d)?)?$|^(?:\+\d{6}|-(?!000000)\d{6}|\d{4})-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d)$/;

/** Whether `new Date(value)` reads the zone: a string not of the forms above, or an object (not a Date) that may become one. */
function oneValueReadsZone(value: unknown): boolean {
  if (typeof value === 'string') return !ZONE_FREE_DATE.test(value);
  return value !== null && (typeof value === 'object' || typeof value === 'function') && !types.isDate(value);
}

const guarded: string[] = [];

/** What a guard is told of a use (only while something differs): `this` (or, for a constructor, whether it was called without `new`), how many arguments, the first two. */
type Check = (self: unknown, n: number, a: unknown, b: unknown) => void;
type Callable = Function & { call(self: unknown, ...args: unknown[]): unknown };
type Constructor = Function & (new (...args: unknown[]) => object) & { prototype: object };

/**
 * Wraps a method in place: same name, length, attributes, `this`, arguments (their count too:
 * `setHours(1)` is not `setHours(1, undefined)`). Fixed parameters and `call` rather than rest
 * arguments and `Reflect.apply`, which cost 10 ns more a call (more than a getter itself).
 */
function method(holder: object, key: string, api: string, check: Check, ignoresArguments = false): void {
  const d = Object.getOwnPropertyDescriptor(holder, key);
  const f = d?.value as Callable | undefined;
  if (typeof f !== 'function') return;
  // A getter or toString reads no argument: none passed on, which saves the count and the switch.
  const plain = {
    [key](this: unknown): unknown {
      if (zoneDiffers || localeDiffers) check(this, 0, undefined, undefined);
      return f.call(this);
    },
  }[key]!;
  const wrapper = ignoresArguments ? plain : {
    [key](this: unknown, a?: unknown, b?: unknown, c?: unknown, e?: unknown): unknown {
      const n = arguments.length;
      if (zoneDiffers || localeDiffers) check(this, n, a, b);
      switch (n) {
        case 0:
          return f.call(this);
        case 1:
          return f.call(this, a);
        case 2:
          return f.call(this, a, b);
        case 3:
          return f.call(this, a, b, c);
        case 4:
          return f.call(this, a, b, c, e);
        default:
          return Reflect.apply(f, this, arguments);
      }
    },
  }[key]!;
  Object.defineProperty(wrapper, 'length', { value: f.length });
  Object.defineProperty(holder, key, { ...d, value: wrapper });
  if (!guarded.includes(api)) guarded.push(api);
}

/**
 * Replaces a constructor's binding by a function that checks, then calls or constructs the
 * original, and shares its prototype (whose `constructor` points at the wrapper), statics, name
 * and length: `instanceof`, subclasses and `Date.UTC` work as before. `made` is told of every
 * object it makes. A function rather than a Proxy: `new Date(ms)` through a Proxy took 10 times as long.
 */
function ctor(holder: object, key: string, api: string, check: Check, made?: (o: unknown, a: unknown, b: unknown) => void): void {
  const d = Object.getOwnPropertyDescriptor(holder, key);
  const O = d?.value as Constructor | undefined;
  if (typeof O !== 'function') return;
  const W = {
    [key]: function (this: unknown, a?: unknown, b?: unknown, c?: unknown, e?: unknown, f?: unknown, g?: unknown, h?: unknown): unknown {
      const n = arguments.length;
      if (zoneDiffers || localeDiffers) check(new.target === undefined, n, a, b);
      let o: unknown;
      if (new.target === undefined) o = Reflect.apply(O, this, arguments);
      else if (new.target !== W) o = Reflect.construct(O, arguments, new.target); // a subclass
      else if (n === 0) o = new O();
      else if (n === 1) o = new O(a);
      else if (n === 2) o = new O(a, b);
      else if (n === 3) o = new O(a, b, c);
      else if (n === 4) o = new O(a, b, c, e);
      else if (n === 5) o = new O(a, b, c, e, f);
      else if (n === 6) o = new O(a, b, c, e, f, g);
      else if (n === 7) o = new O(a, b, c, e, f, g, h);
      else o = Reflect.construct(O, arguments, W);
      if (made) made(o, a, b);
      return o;
    },
  }[key]!;
  for (const k of Reflect.ownKeys(O)) {
    if (k !== 'name' && k !== 'length' && k !== 'prototype') Object.defineProperty(W, k, Object.getOwnPropertyDescriptor(O, k)!);
  }
  Object.defineProperties(W, {
    prototype: { value: O.prototype, writable: false, enumerable: false, configurable: false },
    length: { value: O.length },
  });
  const c = Object.getOwnPropertyDescriptor(O.prototype, 'constructor');
  if (c && c.value === O) Object.defineProperty(O.prototype, 'constructor', { ...c, value: W });
  Object.defineProperty(holder, key, { ...d, value: W });
  guarded.push(api);
}

/**
 * An Intl object keeps the locale (and a DateTimeFormat the zone) chosen when it was made, maybe
 * before this call (at load, in an earlier call: a library's cached formatter), so its methods and
 * the `format`/`compare` functions it hands out check how it was made.
 */
interface Made {
  service: string;
  locales: unknown;
  zoneGiven: boolean;
  bound?: Function;
}
const made = new WeakMap<object, Made>();

const record = (service: string) => (o: unknown, l: unknown, options: unknown) => {
  if (o === null || typeof o !== 'object') return;
  const locales = Array.isArray(l) && !types.isProxy(l) ? Array.prototype.slice.call(l) : l;
  made.set(o, { service, locales, zoneGiven: service === 'DateTimeFormat' && optionGiven(options, 'timeZone') });
};

function checkMade(m: Made | undefined, api: string): void {
  if (!m) return;
  if (zoneDiffers && m.service === 'DateTimeFormat' && (dataDiffers || !m.zoneGiven)) zone(api);
  if (localeDiffers && !localesGiven(m.locales, supportedBy(m.service))) locale(api);
}
const madeOf = (self: unknown) => (self !== null && typeof self === 'object' ? made.get(self) : undefined);

/** The methods of an Intl prototype, and its getters (`format`, `compare`) with the bound functions they return. */
function intlMethods(service: string): void {
  const proto = (intl[service] as unknown as { prototype: object } | undefined)?.prototype;
  if (!proto) return;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor') continue;
    const api = `Intl.${service}.prototype.${key}`;
    const d = Object.getOwnPropertyDescriptor(proto, key)!;
    if (typeof d.value === 'function') method(proto, key, api, (self) => checkMade(madeOf(self), api));
    else if (d.get) {
      const get = d.get;
      const wrapper = Object.getOwnPropertyDescriptor(
        {
          get [key]() {
            const m = madeOf(this);
            if (zoneDiffers || localeDiffers) checkMade(m, api);
            const fn = Reflect.apply(get, this, []) as Callable;
            if (!m) return fn;
            // format(x) or compare(x, y): as the built-in bound function, nameless, of its length, not
            // a constructor; it reads no more arguments than its length, and a missing one is undefined.
            m.bound ??=
              fn.length === 1
                ? [(a: unknown) => ((zoneDiffers || localeDiffers) && checkMade(m, api), fn.call(undefined, a))][0]
                : [(a: unknown, b: unknown) => ((zoneDiffers || localeDiffers) && checkMade(m, api), fn.call(undefined, a, b))][0];
            return m.bound;
          },
        },
        key,
      )!.get!;
      Object.defineProperty(proto, key, { ...d, get: wrapper });
      guarded.push(api);
    }
  }
}

const zoneOnly = (api: string) => () => {
  if (zoneDiffers) zone(api);
};
/** (locales, …) or, `second`, (that, locales, …) */
const localeOnly = (api: string, service: string, second = false): Check => (_self, _n, a, b) => {
  if (localeDiffers && !localesGiven(second ? b : a, supportedBy(service))) locale(api);
};
/** (locales, options) of a date format: the zone unless `timeZone` is given, the locale unless locales are. */
const dateFormat = (api: string): Check => (_self, _n, locales, options) => {
  if (zoneDiffers && (dataDiffers || !optionGiven(options, 'timeZone'))) zone(api);
  if (localeDiffers && !localesGiven(locales, supportedBy('DateTimeFormat'))) locale(api);
};

const ZONE_METHODS = ['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'getTimezoneOffset', 'getYear',
  'setFullYear', 'setMonth', 'setDate', 'setHours', 'setMinutes', 'setSeconds', 'setMilliseconds', 'setYear', 'toString', 'toDateString', 'toTimeString'];
const INTL_SERVICES = ['Collator', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'DisplayNames', 'Segmenter', 'DurationFormat'];
const INSTALLED = Symbol.for('clonecloud.placeGuards');

/**
 * Installs the guards in this realm, once; returns the APIs guarded. (`setMilliseconds` is local
 * time too: it rebuilds the instant from local fields, which moves a date in a repeated hour.)
 */
export function installPlaceGuards(): string[] {
  const g = globalThis as Record<symbol, unknown>;
  if (g[INSTALLED]) return guarded;
  g[INSTALLED] = true;
  const DateProto = Date.prototype as unknown as Record<string, unknown>;
  for (const name of ZONE_METHODS) method(DateProto, name, `Date.prototype.${name}`, zoneOnly(`Date.prototype.${name}`), !name.startsWith('set'));
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) method(DateProto, name, `Date.prototype.${name}`, dateFormat(`Date.prototype.${name}`));
  method(Date, 'parse', 'Date.parse', (_self, _n, a) => {
    if (zoneDiffers && (typeof a !== 'string' || !ZONE_FREE_DATE.test(a))) zone('Date.parse');
  });
  // After Date.parse: the wrapper copies the statics.
  ctor(globalThis, 'Date', 'Date', (called, n, a) => {
    if (!zoneDiffers) return;
    if (called) zone('Date() called as a function');
    else if (n >= 2) zone('new Date(year, month, …)');
    else if (n === 1 && oneValueReadsZone(a)) zone('new Date(string)');
  });

  // %TypedArray%.prototype: one per realm, but a host may lend some typed arrays from another (jest does).
  const typedArrayProtos = new Set([Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array].map((t) => Object.getPrototypeOf(t.prototype) as object));
  const holders = [[Number.prototype, 'Number'], [BigInt.prototype, 'BigInt'], [Array.prototype, 'Array'], ...[...typedArrayProtos].map((p) => [p, 'TypedArray'] as const)] as const;
  for (const [holder, name] of holders) {
    method(holder, 'toLocaleString', `${name}.prototype.toLocaleString`, localeOnly(`${name}.prototype.toLocaleString`, 'NumberFormat'));
  }
  method(String.prototype, 'localeCompare', 'String.prototype.localeCompare', localeOnly('String.prototype.localeCompare', 'Collator', true));
  for (const name of ['toLocaleUpperCase', 'toLocaleLowerCase']) {
    // Case mapping takes the first tag given, supported or not; none given is the default locale.
    method(String.prototype, name, `String.prototype.${name}`, (_self, _n, a) => {
      if (localeDiffers && !localesGiven(a, (list) => list)) locale(`String.prototype.${name}`);
    });
  }
  ctor(Intl, 'DateTimeFormat', 'Intl.DateTimeFormat', dateFormat('Intl.DateTimeFormat'), record('DateTimeFormat'));
  for (const name of INTL_SERVICES) ctor(Intl, name, `Intl.${name}`, localeOnly(`Intl.${name}`, name), record(name));
  for (const name of ['DateTimeFormat', ...INTL_SERVICES]) intlMethods(name);
  return guarded;
}
