import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputTooLarge, globToRegExp, listFiles, readBoundedBytes, wholeBuffer, writeFileAtomic } from '../../src/util/files.js';

describe('globToRegExp', () => {
  const re = globToRegExp('**/*.profile.{yaml,json}');
  it.each([
    ['a.profile.yaml', true], ['profiles/device.profile.json', true], ['x/y/z.profile.yaml', true],
    ['a.profile.yml', false], ['profile.yaml', false], ['a.profileXyaml', false],
  ])('%s → %s', (path, expected) => expect(re.test(path)).toBe(expected));
  it('keeps * within one folder', () => {
    expect(globToRegExp('p/*.yaml').test('p/q/r.yaml')).toBe(false);
    expect(globToRegExp('p/*.yaml').test('p/r.yaml')).toBe(true);
  });
});

describe('files', () => {
  it('lists files sorted, skipping node_modules and hidden folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-files-'));
    for (const d of ['b', 'node_modules/x', '.git', 'a']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['b/2.txt', 'a/1.txt', 'node_modules/x/3.txt', '.git/4.txt', '0.txt']) writeFileSync(join(dir, f), '');
    expect(listFiles(dir)).toEqual(['0.txt', 'a/1.txt', 'b/2.txt']);
  });

  it('writes atomically and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-atomic-'));
    const file = join(dir, 'm.yaml');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['m.yaml']);
  });
});

describe('readBoundedBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bounded-'));
  const fileOf = (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff));

  it.each([0, 1, 65_535, 65_536, 65_537, 300_001])('reads a file of %i bytes whole and exactly', (n) => {
    const data = bytes(n);
    expect(readBoundedBytes(fileOf(`f${n}`, data), 1 << 20).equals(data)).toBe(true);
  });

  it('takes a file of exactly the limit, and refuses one byte more', () => {
    expect(readBoundedBytes(fileOf('at', bytes(100_000)), 100_000).length).toBe(100_000);
    expect(() => readBoundedBytes(fileOf('over', bytes(100_001)), 100_000)).toThrow(InputTooLarge);
  });

  it('refuses an endless input after the limit instead of reading it all', () => {
    expect(() => readBoundedBytes('/dev/zero', 200_000)).toThrow(new InputTooLarge(200_000));
  });

  it('reads into a buffer given for reuse when it is large enough, else into a new one', () => {
    const big = bytes(3 << 20);
    const first = readBoundedBytes(fileOf('big', big), 8 << 20);
    expect(first.equals(big)).toBe(true);
    const spare = wholeBuffer(first)!;
    // Room for an eighth more, for the next file.
    expect(spare.length).toBeGreaterThan(first.length);
    const next = Buffer.from(big).reverse();
    const second = readBoundedBytes(fileOf('next', next), 8 << 20, spare);
    expect(second.equals(next)).toBe(true);
    expect(second.buffer).toBe(spare.buffer);
    const larger = bytes(4 << 20);
    const third = readBoundedBytes(fileOf('larger', larger), 8 << 20, spare);
    expect(third.equals(larger)).toBe(true);
    expect(third.buffer).not.toBe(spare.buffer);
    expect(readBoundedBytes(fileOf('small', bytes(10)), 8 << 20, spare).equals(bytes(10))).toBe(true);
    expect(wholeBuffer(bytes(10))).toBeUndefined();
  });
});
