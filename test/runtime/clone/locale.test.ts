/**
 * The clone's guards on built-ins that read the time zone or the default locale: each marks a call
 * running under a zone or locale the clone does not share, and only then; what does not depend on
 * them never marks; and guarded or not, every built-in answers as before.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { installPlaceGuards, placeOf, watchPlace, type Place } from '../../../src/runtime/clone/locale.js';

const clone = placeOf();
const otherZone: Place = { timeZone: 'Device/Zone', locale: clone.locale };
const otherLocale: Place = { timeZone: clone.timeZone, locale: 'xx-DEVICE' };

const at = Date.UTC(2026, 0, 1, 12, 30, 15, 250);
/** A fresh date each time (the setters change it), and a subclass of Date. */
const d = () => new Date(at);

/** [what, the use, the API it marks under another zone, the API it marks under another locale] */
type Case = [string, () => unknown, string | undefined, string | undefined];
const zoneUse = (name: string, f: (x: Date) => unknown): Case => [`Date.prototype.${name}`, () => f(d()), `Date.prototype.${name}`, undefined];
const cases: Case[] = [
  ...['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'getTimezoneOffset', 'toString', 'toDateString', 'toTimeString'].map((n) =>
    zoneUse(n, (x) => (x as unknown as Record<string, () => unknown>)[n]!()),
  ),
  zoneUse('getYear', (x) => (x as unknown as { getYear(): number }).getYear()),
  zoneUse('setYear', (x) => (x as unknown as { setYear(y: number): number }).setYear(99)),
  zoneUse('setFullYear', (x) => x.setFullYear(2020)),
  zoneUse('setMonth', (x) => x.setMonth(5)),
  zoneUse('setDate', (x) => x.setDate(3)),
  zoneUse('setHours', (x) => x.setHours(1, 2, 3, 4)),
  zoneUse('setMinutes', (x) => x.setMinutes(7)),
  zoneUse('setSeconds', (x) => x.setSeconds(8)),
  zoneUse('setMilliseconds', (x) => x.setMilliseconds(9)),
  // Arguments pass on as many as they came: setHours(1, undefined) is an invalid date, setHours(1) is not.
  ['setHours(h)', () => d().setHours(1), 'Date.prototype.setHours', undefined],
  ['setHours(h, undefined)', () => d().setHours(1, undefined as unknown as number), 'Date.prototype.setHours', undefined],
  ['setHours with five arguments', () => (d().setHours as (...a: number[]) => number)(1, 2, 3, 4, 5), 'Date.prototype.setHours', undefined],
  ['new Date(y, m, d)', () => new Date(2026, 1, 2).getTime(), 'new Date(year, month, …)', undefined],
  ['new Date(y, m, d, undefined)', () => new Date(2026, 1, 2, undefined as unknown as number).getTime(), 'new Date(year, month, …)', undefined],
  ['new Date with eight arguments', () => new (Date as unknown as new (...a: number[]) => Date)(2026, 1, 2, 3, 4, 5, 6, 7).getTime(), 'new Date(year, month, …)', undefined],
  ['a template literal', () => `${d()}`, 'Date.prototype.toString', undefined],
  ['String(date)', () => String(d()), 'Date.prototype.toString', undefined],
  ['Date() called as a function', () => typeof Date(), 'Date() called as a function', undefined],
  ['new Date(y, m)', () => new Date(2026, 1).getTime(), 'new Date(year, month, …)', undefined],
  ['new Date(y, m, d, h)', () => new Date(2026, 1, 2, 3).getTime(), 'new Date(year, month, …)', undefined],
  ['new Date(local string)', () => new Date('2026-01-01T10:00').getTime(), 'new Date(string)', undefined],
  ['new Date(other string)', () => new Date('Jan 1 2026').getTime(), 'new Date(string)', undefined],
  ['new Date(object)', () => new Date({ valueOf: () => 5 } as unknown as number).getTime(), 'new Date(string)', undefined],
  ['Date.parse(local string)', () => Date.parse('2026-01-01 10:00'), 'Date.parse', undefined],
  ['Date.parse(year -000000, read as local time)', () => Date.parse('-000000-01'), 'Date.parse', undefined],
  ['Date.parse(month without its zero, read as local time)', () => Date.parse('2026-1'), 'Date.parse', undefined],
  ['Date.prototype.toLocaleString', () => d().toLocaleString(), 'Date.prototype.toLocaleString', 'Date.prototype.toLocaleString'],
  ['Date.prototype.toLocaleDateString', () => d().toLocaleDateString(), 'Date.prototype.toLocaleDateString', 'Date.prototype.toLocaleDateString'],
  ['Date.prototype.toLocaleTimeString', () => d().toLocaleTimeString(), 'Date.prototype.toLocaleTimeString', 'Date.prototype.toLocaleTimeString'],
  ['toLocaleString with a locale', () => d().toLocaleString('en-GB'), 'Date.prototype.toLocaleString', undefined],
  ['toLocaleString with a zone', () => d().toLocaleString(undefined, { timeZone: 'UTC' }), undefined, 'Date.prototype.toLocaleString'],
  ['toLocaleString with a zone through a getter', () => d().toLocaleString('en-GB', { get timeZone() { return 'UTC'; } }), 'Date.prototype.toLocaleString', undefined],
  ['Intl.DateTimeFormat', () => new Intl.DateTimeFormat().format(at), 'Intl.DateTimeFormat', 'Intl.DateTimeFormat'],
  ['Intl.DateTimeFormat called', () => Intl.DateTimeFormat().resolvedOptions().calendar, 'Intl.DateTimeFormat', 'Intl.DateTimeFormat'],
  ['Intl.DateTimeFormat with a locale', () => new Intl.DateTimeFormat('de').format(at), 'Intl.DateTimeFormat', undefined],
  ['Intl.DateTimeFormat with an empty list', () => new Intl.DateTimeFormat([], { timeZone: 'UTC' }).format(at), undefined, 'Intl.DateTimeFormat'],
  ['Intl.DateTimeFormat with an unsupported locale', () => new Intl.DateTimeFormat('zz', { timeZone: 'UTC' }).format(at), undefined, 'Intl.DateTimeFormat'],
  ['Number.prototype.toLocaleString', () => (1234567.5).toLocaleString(), undefined, 'Number.prototype.toLocaleString'],
  ['BigInt.prototype.toLocaleString', () => (12345n).toLocaleString(), undefined, 'BigInt.prototype.toLocaleString'],
  ['Array.prototype.toLocaleString', () => [1.5, 2].toLocaleString(), undefined, 'Array.prototype.toLocaleString'],
  ['TypedArray.prototype.toLocaleString', () => [new Float64Array([1.5]).toLocaleString(), new Uint8Array([1]).toLocaleString()], undefined, 'TypedArray.prototype.toLocaleString'],
  ['String.prototype.localeCompare', () => 'a'.localeCompare('b'), undefined, 'String.prototype.localeCompare'],
  ['String.prototype.toLocaleUpperCase', () => 'i'.toLocaleUpperCase(), undefined, 'String.prototype.toLocaleUpperCase'],
  ['String.prototype.toLocaleLowerCase', () => 'I'.toLocaleLowerCase([]), undefined, 'String.prototype.toLocaleLowerCase'],
  ...['Collator', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter'].map(
    (n): Case => [`Intl.${n}`, () => new (Intl as unknown as Record<string, new () => { resolvedOptions(): { locale: string } }>)[n]!().resolvedOptions().locale, undefined, `Intl.${n}`],
  ),
  ['Intl.DisplayNames', () => new Intl.DisplayNames(undefined, { type: 'region' }).of('DE'), undefined, 'Intl.DisplayNames'],
  // What does not depend on the zone or the locale.
  ['new Date()', () => typeof new Date().getTime(), undefined, undefined],
  ['new Date(ms)', () => new Date(at).getTime(), undefined, undefined],
  ['new Date(date)', () => new Date(d()).getTime(), undefined, undefined],
  ['new Date(ISO with Z)', () => new Date('2026-01-01T10:00:00.123Z').getTime(), undefined, undefined],
  ['new Date(ISO with an offset)', () => new Date('2026-01-01T10:00+09:00').getTime(), undefined, undefined],
  ['new Date(ISO date alone)', () => new Date('2026-01-01').getTime(), undefined, undefined],
  ['Date.parse(ISO with Z)', () => Date.parse('2026-01-01T10:00Z'), undefined, undefined],
  ['Date.parse(ISO dates alone, expanded years)', () => ['2026', '2026-02', '+002026-02-03', '-000001-01-01', '2026-02-30'].map((x) => Date.parse(x)), undefined, undefined],
  ['Date.now', () => typeof Date.now(), undefined, undefined],
  ['Date.UTC', () => Date.UTC(2026, 1, 2), undefined, undefined],
  ['UTC getters and setters', () => [d().getUTCHours(), d().setUTCHours(3), d().getMilliseconds(), d().getTime(), d().setTime(5)], undefined, undefined],
  ['ISO, JSON and UTC strings', () => [d().toISOString(), JSON.stringify(d()), d().toUTCString()], undefined, undefined],
  ['toLocaleString with a locale and a zone', () => d().toLocaleString('en-US', { timeZone: 'Asia/Tokyo' }), undefined, undefined],
  ['Intl.NumberFormat with a locale', () => new Intl.NumberFormat('de-DE').format(1234.5), undefined, undefined],
  ['Number.prototype.toLocaleString with a locale', () => (1234.5).toLocaleString(['de-DE']), undefined, undefined],
  ['localeCompare with a locale', () => 'ä'.localeCompare('z', 'sv'), undefined, undefined],
  ['toLocaleUpperCase with a locale', () => 'i'.toLocaleUpperCase('tr'), undefined, undefined],
  ['supportedLocalesOf', () => Intl.NumberFormat.supportedLocalesOf(['de', 'zz']), undefined, undefined],
  ['Intl.getCanonicalLocales', () => Intl.getCanonicalLocales('EN-us'), undefined, undefined],
];

/** What each use answers without the guards. */
const before = cases.map(([, use]) => use());

function under(place: Partial<Place>, use: () => unknown): { used: string | undefined; value: unknown } {
  const w = watchPlace(place);
  try {
    return { value: use(), used: w.used() };
  } finally {
    w.stop();
  }
}

describe('guards on the built-ins that read the time zone or the locale', () => {
  let guarded: string[];
  beforeAll(() => {
    guarded = installPlaceGuards();
  });

  test('installed once', () => {
    expect(installPlaceGuards()).toBe(guarded);
    expect(guarded).toEqual(
      expect.arrayContaining(['Date', 'Date.parse', 'Date.prototype.getHours', 'Intl.DateTimeFormat', 'Intl.Segmenter', 'TypedArray.prototype.toLocaleString', 'Intl.NumberFormat.prototype.format', 'Intl.Segmenter.prototype.segment']),
    );
    expect(new Set(guarded).size).toBe(guarded.length);
  });

  test.each(cases.map((c, i) => [c[0], i] as const))('%s', (_, i) => {
    const [, use, zoneApi, localeApi] = cases[i]!;
    const zone = under(otherZone, use);
    expect(zone.used).toBe(zoneApi && `${zoneApi} under a time zone the clone does not share (device Device/Zone, clone ${clone.timeZone})`);
    const locale = under(otherLocale, use);
    expect(locale.used).toBe(localeApi && `${localeApi} under a locale the clone does not share (device xx-DEVICE, clone ${clone.locale})`);
    const same = under(clone, use);
    expect(same.used).toBeUndefined();
    for (const answer of [zone, locale, same]) expect(answer.value).toEqual(before[i]);
    // Outside a call nothing marks.
    use();
    expect(under(clone, () => 0).used).toBeUndefined();
  });

  test('a device whose locale and zone data differ (another Node, another ICU): a use marks even with its own locale or zone', () => {
    const otherData: Place = { ...clone, data: 'icu 1.1, cldr 1.1, tz 1999a, unicode 1.1' };
    const msg = (api: string) => `${api} under locale and zone data the clone does not share (device icu 1.1, cldr 1.1, tz 1999a, unicode 1.1; clone ${clone.data})`;
    expect(clone.data).toMatch(/^icu \S+, cldr \S+, tz \S+, unicode \S+$/);
    expect(under(otherData, () => new Intl.NumberFormat('de-DE').format(1234.5)).used).toBe(msg('Intl.NumberFormat'));
    expect(under(otherData, () => d().toLocaleString('en-US', { timeZone: 'Asia/Tokyo' })).used).toBe(msg('Date.prototype.toLocaleString'));
    expect(under(otherData, () => 'ä'.localeCompare('z', 'sv')).used).toBe(msg('String.prototype.localeCompare'));
    expect(under(otherData, () => d().getHours()).used).toBe(msg('Date.prototype.getHours'));
    // Made before the call with its own locale and zone: its data is still this Node's.
    const made = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' });
    expect(under(otherData, () => made.format(at)).used).toBe(msg('Intl.DateTimeFormat.prototype.format'));
    for (const use of [() => new Date(at).getTime(), () => d().toISOString(), () => Date.UTC(2026, 1, 2), () => new Date('2026-01-01T10:00Z').getTime()]) {
      expect(under(otherData, use).used).toBeUndefined();
    }
    // A device that does not say its data (an older one) is taken to share the clone's.
    expect(under({ timeZone: clone.timeZone, locale: clone.locale }, () => new Intl.NumberFormat('de-DE').format(1)).used).toBeUndefined();
  });

  test('a device that did not say its zone or locale differs from the clone', () => {
    expect(under({}, () => d().getDay()).used).toBe(`Date.prototype.getDay under a time zone the clone does not share (device unknown, clone ${clone.timeZone})`);
    expect(under({}, () => (1).toLocaleString()).used).toMatch(/^Number\.prototype\.toLocaleString under a locale .*device unknown/);
  });

  test('an Intl object made before the call (at load, in an earlier call) checks how it was made when used', () => {
    const nf = new Intl.NumberFormat();
    const format = nf.format;
    const dtf = new Intl.DateTimeFormat('en-GB');
    const fixed = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo' });
    const collator = Intl.Collator();
    expect(under(otherLocale, () => nf.format(1234.5)).used).toMatch(/^Intl\.NumberFormat\.prototype\.format under a locale /);
    expect(under(otherLocale, () => format(1234.5))).toEqual({ value: new Intl.NumberFormat().format(1234.5), used: expect.stringMatching(/^Intl\.NumberFormat\.prototype\.format under a locale /) });
    expect(under(otherLocale, () => nf.formatToParts(1)).used).toMatch(/^Intl\.NumberFormat\.prototype\.formatToParts /);
    expect(under(otherLocale, () => collator.compare('a', 'b')).used).toMatch(/^Intl\.Collator\.prototype\.compare /);
    expect(under(otherZone, () => dtf.resolvedOptions()).used).toMatch(/^Intl\.DateTimeFormat\.prototype\.resolvedOptions under a time zone /);
    expect(under(otherLocale, () => dtf.format(at)).used).toBeUndefined();
    expect(under({ timeZone: 'X/Y', locale: 'xx' }, () => fixed.format(at)).used).toBeUndefined();
    expect(under(clone, () => [nf.format(1), format(2), collator.compare('a', 'b'), dtf.formatToParts(at)]).used).toBeUndefined();
    // The bound functions keep their identity, name and length.
    expect([nf.format === format, format.name, format.length, Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!.get!.name]).toEqual([true, '', 1, 'get format']);
  });

  test('a date string the guard lets through reads the same instant in every zone', () => {
    const years = ['2026', '0000', '+002026', '+000000', '-000001', '-000000', '-271821', '+275760', '202', '20260'];
    const rests = ['', '-02', '-1', '-02-03', '-02-30', '-13-01', '-02-3', '-02-03T10:00', '-02-03T10:00Z', '-02-03T10:00:05.123456789Z', '-02-03T24:00Z', '-02-03T10:00+09:00', '-02-03T10:00-00:00', '-02-03 10:00Z', '-02-03t10:00z', '-02T10:00Z', 'T10:00Z', '-02-03T10Z'];
    const strings = years.flatMap((y) => rests.map((r) => y + r)).concat(['Jan 1 2026', '2026/01/02', '1 January 2026 10:00 GMT', '']);
    const free = strings.filter((x) => under(otherZone, () => Date.parse(x)).used === undefined);
    expect(free).toEqual(expect.arrayContaining(['2026', '2026-02-03', '+002026-02-03T10:00:05.123456789Z', '2026-02-03T10:00+09:00']));
    expect(free).not.toContain('-000000-02');
    const parse = (tz: string) => JSON.parse(spawnSync(process.execPath, ['-e', `console.log(JSON.stringify(${JSON.stringify(free)}.map((x) => Date.parse(x))))`], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).stdout) as (number | null)[];
    const utc = parse('UTC');
    expect(parse('Asia/Tokyo')).toEqual(utc);
    expect(parse('America/St_Johns')).toEqual(utc);
  });

  test('the first use is the one named', () => {
    expect(under({ timeZone: 'X/Y', locale: 'xx' }, () => [(1).toLocaleString(), d().getHours()]).used).toMatch(/^Number\.prototype\.toLocaleString /);
  });

  test('guarded functions keep their names, lengths, attributes and `this`', () => {
    expect([Date.prototype.getHours.name, Date.prototype.getHours.length, Date.prototype.setHours.length, String.prototype.localeCompare.length]).toEqual(['getHours', 0, 4, 1]);
    expect(Object.getOwnPropertyDescriptor(Date.prototype, 'getHours')).toMatchObject({ writable: true, enumerable: false, configurable: true });
    expect([Date.name, Date.length, Intl.NumberFormat.name, Intl.NumberFormat.length]).toEqual(['Date', 7, 'NumberFormat', 0]);
    expect(() => Date.prototype.getHours.call({})).toThrow(TypeError);
    expect(() => new (Date.prototype.getHours as unknown as new () => unknown)()).toThrow(TypeError);
    expect(() => (Intl.PluralRules as unknown as () => unknown)()).toThrow(TypeError);
    expect(Object.keys(Date.prototype)).toEqual([]);
  });

  test('Date and the Intl constructors keep instanceof, prototypes, statics and subclasses', () => {
    class Stamp extends Date {
      label(): string {
        return `at ${this.toISOString()}`;
      }
    }
    const s = new Stamp(at);
    expect([s instanceof Stamp, s instanceof Date, d() instanceof Date, s.label(), Object.getPrototypeOf(Stamp) === Date]).toEqual([true, true, true, 'at 2026-01-01T12:30:15.250Z', true]);
    expect(Object.getPrototypeOf(d()) === Date.prototype && d().constructor === Date && Date.prototype.constructor === Date).toBe(true);
    expect(typeof Date.UTC === 'function' && typeof Stamp.now() === 'number').toBe(true);
    expect(under(otherZone, () => new Stamp(2026, 0).getTime()).used).toMatch(/^new Date\(year, month, …\) /);
    const nf = new Intl.NumberFormat('en');
    expect([nf instanceof Intl.NumberFormat, nf.constructor === Intl.NumberFormat, Object.getPrototypeOf(nf) === Intl.NumberFormat.prototype]).toEqual([true, true, true]);
    expect(new Intl.DateTimeFormat('en', { timeZone: 'UTC' }) instanceof Intl.DateTimeFormat).toBe(true);
    expect(Intl.NumberFormat('en') instanceof Intl.NumberFormat).toBe(true);
    expect(() => new (new Intl.NumberFormat('en').format as unknown as new () => unknown)()).toThrow(TypeError);
    expect(Object.getOwnPropertyDescriptor(Date, 'prototype')).toMatchObject({ writable: false, enumerable: false, configurable: false });
    expect(Object.getOwnPropertyDescriptor(globalThis, 'Date')).toMatchObject({ writable: true, enumerable: false, configurable: true });
  });
});
