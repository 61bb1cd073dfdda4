// The signature database, in two of ClamAV's text formats:
//   .hsb  whole-file SHA-256 hashes   HashString:FileSize:MalwareName
//   .ndb  byte-pattern (body) sigs    MalwareName:TargetType:Offset:HexSignature
// Hex signatures support the common subset of ClamAV's syntax: hex bytes, `??` (any byte),
// `{n}`, `{n-m}`, `{n-}`, `{-m}` (a gap of n..m bytes) and `*` (a gap of any length).
// Everything here is plain data, so a database can be sent to wherever the scan runs.

export interface HashSignature {
  name: string;
  /** Lower-case hex digest. */
  sha256: string;
  /** File size in bytes, or null for "any size" (`*`). */
  size: number | null;
}

/** A run of bytes (-1 = any byte), preceded by a gap of minGap..maxGap bytes. */
export interface Segment {
  bytes: number[];
  minGap: number;
  maxGap: number;
}

export type OffsetRule =
  | { kind: 'any' }
  | { kind: 'start'; at: number }
  | { kind: 'end'; at: number };

export interface BodySignature {
  name: string;
  offset: OffsetRule;
  segments: Segment[];
}

export interface SignatureDatabase {
  hashes: HashSignature[];
  bodies: BodySignature[];
}

export class SignatureSyntaxError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'SignatureSyntaxError';
  }
}

/** Non-empty, non-comment lines with their 1-based line numbers. */
function records(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) out.push([i + 1, line]);
  });
  return out;
}

function parseOffset(text: string): OffsetRule {
  if (text === '*') return { kind: 'any' };
  const eof = /^EOF-(\d+)$/.exec(text);
  if (eof) return { kind: 'end', at: Number(eof[1]) };
  if (/^\d+$/.test(text)) return { kind: 'start', at: Number(text) };
  throw new Error(`unsupported offset '${text}'`);
}

/** Splits a ClamAV hex signature into segments separated by gaps. */
export function parseHexSignature(hex: string): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { bytes: [], minGap: 0, maxGap: 0 };
  const startSegment = (minGap: number, maxGap: number): void => {
    if (current.bytes.length === 0) throw new Error('a gap must follow bytes');
    segments.push(current);
    current = { bytes: [], minGap, maxGap };
  };
  let i = 0;
  while (i < hex.length) {
    const c = hex[i]!;
    if (c === '*') {
      startSegment(0, Number.POSITIVE_INFINITY);
      i += 1;
    } else if (c === '{') {
      const end = hex.indexOf('}', i);
      const range = /^(\d*)(-?)(\d*)$/.exec(hex.slice(i + 1, end));
      if (end < 0 || !range) throw new Error(`bad gap at ${i}`);
      const min = range[1] ? Number(range[1]) : 0;
      const max = range[2] ? (range[3] ? Number(range[3]) : Number.POSITIVE_INFINITY) : min;
      startSegment(min, max);
      i = end + 1;
    } else {
      const pair = hex.slice(i, i + 2);
      if (pair === '??') current.bytes.push(-1);
      else if (/^[0-9a-fA-F]{2}$/.test(pair)) current.bytes.push(parseInt(pair, 16));
      else throw new Error(`bad hex '${pair}' at ${i}`);
      i += 2;
    }
  }
  if (current.bytes.length === 0) throw new Error('signature ends with a gap');
  segments.push(current);
  return segments;
}

/** Parses the two database files; the file names are only used in error messages. */
export function parseDatabase(hsbText: string, ndbText: string): SignatureDatabase {
  const hashes = records(hsbText).map(([line, record]): HashSignature => {
    const [digest, size, name] = record.split(':');
    if (!digest || !/^[0-9a-fA-F]{64}$/.test(digest) || !size || !name) {
      throw new SignatureSyntaxError('hsb', line, 'expected HashString:FileSize:MalwareName');
    }
    return { name, sha256: digest.toLowerCase(), size: size === '*' ? null : Number(size) };
  });
  const bodies = records(ndbText).map(([line, record]): BodySignature => {
    const [name, , offset, hex] = record.split(':');
    if (!name || !offset || !hex) {
      throw new SignatureSyntaxError('ndb', line, 'expected MalwareName:TargetType:Offset:HexSignature');
    }
    try {
      return { name, offset: parseOffset(offset), segments: parseHexSignature(hex) };
    } catch (error) {
      throw new SignatureSyntaxError('ndb', line, (error as Error).message);
    }
  });
  return { hashes, bodies };
}
