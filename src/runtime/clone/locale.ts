/**
 * Local time and the default locale belong to the device: `d.getHours()`, `d.toString()`,
 * `n.toLocaleString()`, `new Intl.NumberFormat()` answer by the process's time zone and locale.
 * Each call says the device's (`Intl.DateTimeFormat().resolvedOptions()`: one default locale
 * serves every Intl service in V8, so DateTimeFormat's stands for all); when the clone's differs,
 * the built-ins that read it mark the call, which is then refused and runs on the device.
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
 * Constructors are guarded by a Proxy on the global binding (`Date`, `Intl.NumberFormat`, …) whose
 * prototype's `constructor` points back at it: `instanceof`, statics, `.prototype` and subclasses
 * work as before. An Intl object keeps the defaults it was made with, perhaps before the call (a
 * library's formatter cached at load or by an earlier call from another device): each is recorded
 * as it is made, and its methods (`format`, `compare`, `resolvedOptions`, … and the bound
 * `format`/`compare` it hands out) check that record. Node's own code keeps the originals (it
 * captured them at start-up), so the clone's console and wire are not guarded.
 */
import { types } from 'node:util';

export interface Place {
  timeZone: string;
  locale: string;
}

/** The process's time zone and default locale. */
export function placeOf(): Place {
  const o = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone: o.timeZone, locale: o.locale };
}

const clone = placeOf();
let zoneDiffers = false;
let localeDiffers = false;
let device: Partial<Place> = {};
let used: string | undefined;

function zone(api: string): void {
  used ??= `${api} under a time zone the clone does not share (device ${device.timeZone ?? 'unknown'}, clone ${clone.timeZone})`;
}
function locale(api: string): void {
  used ??= `${api} under a locale the clone does not share (device ${device.locale ?? 'unknown'}, clone ${clone.locale})`;
}

/**
 * For one call: from now until `stop()`, guarded built-ins check against the device's zone and
 * locale (an unknown one differs). `used()`: the first use that depends on one the clone does not share.
 */
export function watchPlace(of: Partial<Place>): { used(): string | undefined; stop(): void } {
  device = of;
  used = undefined;
  zoneDiffers = of.timeZone !== clone.timeZone;
  localeDiffers = of.locale !== clone.locale;
  return {
    used: () => used,
    stop() {
      zoneDiffers = localeDiffers = false;
    },
  };
}

type Args = unknown[];
type Intl$ = Record<string, Function & { supportedLocalesOf(l: string[]): string[] }>;
const intl = Intl as unknown as Intl$;
const supportedBy = (service: string) => (list: string[]) => intl[service]!.supportedLocalesOf(list);

/**
 * Locales given explicitly and matched here: an empty list, `undefined`, or tags none of which
 * the service supports fall back to the default locale. Anything but strings is taken as not given.
 */
function localesGiven(locales: unknown, supported: (list: string[]) => string[]): boolean {
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

/** A date string that means the same instant in every zone: an ISO form with an offset, or a date alone (UTC). */
const ZONE_FREE_DATE = /^(?:[+-]\d{6}|\d{4})(?:-\d\d(?:-\d\d)?)?$|^(?:[+-]\d{6}|\d{4})-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d)$/;

/** Whether `new Date(value)` reads the zone: a string not of the forms above, or an object (not a Date) that may become one. */
function oneValueReadsZone(value: unknown): boolean {
  if (typeof value === 'string') return !ZONE_FREE_DATE.test(value);
  return value !== null && (typeof value === 'object' || typeof value === 'function') && !types.isDate(value);
}

const guarded: string[] = [];

/** Wraps a method in place: same name, length, attributes; `check` runs only while something differs. */
function method(holder: object, key: string, api: string, check: (args: Args, self: unknown) => void): void {
  const d = Object.getOwnPropertyDescriptor(holder, key);
  const original = d?.value as Function | undefined;
  if (typeof original !== 'function') return;
  const wrapper = {
    [key](this: unknown, ...args: Args): unknown {
      if (zoneDiffers || localeDiffers) check(args, this);
      return Reflect.apply(original, this, args);
    },
  }[key]!;
  Object.defineProperty(wrapper, 'length', { value: original.length });
  Object.defineProperty(holder, key, { ...d, value: wrapper });
  if (!guarded.includes(api)) guarded.push(api);
}

/** Replaces a constructor's binding by a Proxy that checks calls and constructions (`made`: told of every object it makes). */
function ctor(holder: object, key: string, api: string, check: (args: Args, called: boolean) => void, made?: (o: unknown, args: Args) => void): void {
  const d = Object.getOwnPropertyDescriptor(holder, key);
  const original = d?.value as (Function & { prototype: object }) | undefined;
  if (typeof original !== 'function') return;
  const proxy = new Proxy(original, {
    apply(target, self, args: Args) {
      if (zoneDiffers || localeDiffers) check(args, true);
      const o: unknown = Reflect.apply(target, self, args);
      made?.(o, args);
      return o;
    },
    construct(target, args: Args, newTarget) {
      if (zoneDiffers || localeDiffers) check(args, false);
      const o = Reflect.construct(target, args, newTarget);
      made?.(o, args);
      return o;
    },
  });
  const c = Object.getOwnPropertyDescriptor(original.prototype, 'constructor');
  if (c && c.value === original) Object.defineProperty(original.prototype, 'constructor', { ...c, value: proxy });
  Object.defineProperty(holder, key, { ...d, value: proxy });
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

const record = (service: string) => (o: unknown, args: Args) => {
  if (o === null || typeof o !== 'object') return;
  const l = args[0];
  const locales = Array.isArray(l) && !types.isProxy(l) ? Array.prototype.slice.call(l) : l;
  made.set(o, { service, locales, zoneGiven: service === 'DateTimeFormat' && optionGiven(args[1], 'timeZone') });
};

function checkMade(m: Made | undefined, api: string): void {
  if (!m) return;
  if (zoneDiffers && m.service === 'DateTimeFormat' && !m.zoneGiven) zone(api);
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
    if (typeof d.value === 'function') method(proto, key, api, (_, self) => checkMade(madeOf(self), api));
    else if (d.get) {
      const get = d.get;
      const wrapper = Object.getOwnPropertyDescriptor(
        {
          get [key]() {
            const m = madeOf(this);
            if (zoneDiffers || localeDiffers) checkMade(m, api);
            const fn = Reflect.apply(get, this, []) as Function;
            if (!m) return fn;
            if (!m.bound) {
              const bound = (...args: Args): unknown => {
                if (zoneDiffers || localeDiffers) checkMade(m, api);
                return Reflect.apply(fn, undefined, args);
              };
              Object.defineProperties(bound, { name: { value: fn.name }, length: { value: fn.length } });
              m.bound = bound;
            }
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
const localeOnly = (api: string, service: string, at = 0) => (args: Args) => {
  if (localeDiffers && !localesGiven(args[at], supportedBy(service))) locale(api);
};
/** (locales, options) of a date format: the zone unless `timeZone` is given, the locale unless locales are. */
const dateFormat = (api: string) => (args: Args) => {
  if (zoneDiffers && !optionGiven(args[1], 'timeZone')) zone(api);
  if (localeDiffers && !localesGiven(args[0], supportedBy('DateTimeFormat'))) locale(api);
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
  for (const name of ZONE_METHODS) method(DateProto, name, `Date.prototype.${name}`, zoneOnly(`Date.prototype.${name}`));
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) method(DateProto, name, `Date.prototype.${name}`, dateFormat(`Date.prototype.${name}`));
  method(Date, 'parse', 'Date.parse', (args) => {
    if (zoneDiffers && (typeof args[0] !== 'string' || !ZONE_FREE_DATE.test(args[0]))) zone('Date.parse');
  });
  ctor(globalThis, 'Date', 'Date', (args, called) => {
    if (!zoneDiffers) return;
    if (called) zone('Date() called as a function');
    else if (args.length >= 2) zone('new Date(year, month, …)');
    else if (args.length === 1 && oneValueReadsZone(args[0])) zone('new Date(string)');
  });

  // %TypedArray%.prototype: one per realm, but a host may lend some typed arrays from another (jest does).
  const typedArrayProtos = new Set([Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array].map((t) => Object.getPrototypeOf(t.prototype) as object));
  const holders = [[Number.prototype, 'Number'], [BigInt.prototype, 'BigInt'], [Array.prototype, 'Array'], ...[...typedArrayProtos].map((p) => [p, 'TypedArray'] as const)] as const;
  for (const [holder, name] of holders) {
    method(holder, 'toLocaleString', `${name}.prototype.toLocaleString`, localeOnly(`${name}.prototype.toLocaleString`, 'NumberFormat'));
  }
  method(String.prototype, 'localeCompare', 'String.prototype.localeCompare', localeOnly('String.prototype.localeCompare', 'Collator', 1));
  for (const name of ['toLocaleUpperCase', 'toLocaleLowerCase']) {
    // Case mapping takes the first tag given, supported or not; none given is the default locale.
    method(String.prototype, name, `String.prototype.${name}`, (args) => {
      if (localeDiffers && !localesGiven(args[0], (list) => list)) locale(`String.prototype.${name}`);
    });
  }
  ctor(Intl, 'DateTimeFormat', 'Intl.DateTimeFormat', dateFormat('Intl.DateTimeFormat'), record('DateTimeFormat'));
  for (const name of INTL_SERVICES) ctor(Intl, name, `Intl.${name}`, localeOnly(`Intl.${name}`, name), record(name));
  for (const name of ['DateTimeFormat', ...INTL_SERVICES]) intlMethods(name);
  return guarded;
}
