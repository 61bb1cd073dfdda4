/**
 * The contexts of a JSON profile read straight from the file's bytes into columns, for the
 * common case: what record writes. JSON.parse made an object of each of a million contexts and a
 * string of each method, then each was checked and copied into the merge; that, decoding the
 * text and collecting the garbage took most of partition's time reading profiles.
 *
 * This reader says nothing about errors: on anything it does not take (an escape in a string, a
 * byte beyond ASCII, a negative number, a figure out of bounds, an unknown or repeated key, bad
 * JSON) it gives up, and the caller reads the file the general way, which rejects what is wrong
 * with its usual message. What it takes, it takes exactly as that way would: the same checks as
 * parse.ts's quickContext, numbers as JSON.parse reads them.
 */

/** A profile's contexts by columns, in file order; a context is an index. */
export interface ContextColumns {
  length: number;
  /** Index of the parent context, -1 for a root. */
  parent: Int32Array;
  /** Index into `names`. */
  method: Int32Array;
  /** Distinct methods, in order of first appearance. */
  names: string[];
  calls: Float64Array;
  selfMs: Float64Array;
  bytesIn: Float64Array;
  bytesOut: Float64Array;
}

/** A context's bounds, for this reader and parse.ts's (MAX_COUNT, MAX_MS, MAX_BYTES) alike. */
export const CONTEXT_BOUNDS = { count: Number.MAX_SAFE_INTEGER, ms: 1e12, bytes: 1e18 } as const;

/**
 * Where the top-level `contexts` array is in the bytes, and its contexts; undefined to give up.
 * The columns may be in the memory of `reuse`, which the caller must no longer need (memory
 * written before is filled without page faults: 0.4 s for 125 MB of new memory on this VM).
 */
export function scanContexts(bytes: Buffer, reuse?: ContextColumns): { start: number; end: number; columns: ContextColumns } | undefined {
  const start = findContexts(bytes);
  if (start < 0) return undefined;
  const scanner = new Scanner(bytes, start, reuse);
  const columns = scanner.array();
  return columns ? { start, end: scanner.pos, columns } : undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const CONTEXTS = Buffer.from('"contexts"');

/**
 * The offset of the `[` of the top-level `contexts` member, or -1: the top object's members are
 * skipped by their strings and brackets (a valid document is checked by the caller's JSON.parse
 * of the rest, with `[]` in the array's place).
 */
function findContexts(b: Uint8Array): number {
  let i = skipSpace(b, 0);
  if (b[i] !== OPEN_BRACE) return -1;
  for (;;) {
    i = skipSpace(b, i + 1);
    if (b[i] !== QUOTE) return -1;
    const keyEnd = skipString(b, i);
    const isContexts = keyEnd - i === CONTEXTS.length && CONTEXTS.every((c, k) => b[i + k] === c);
    i = skipSpace(b, keyEnd);
    if (b[i] !== COLON) return -1;
    i = skipSpace(b, i + 1);
    if (isContexts) return b[i] === OPEN_BRACKET ? i : -1;
    i = skipSpace(b, skipValue(b, i));
    if (b[i] !== COMMA) return -1;
  }
}

function skipSpace(b: Uint8Array, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

/** Past the string whose opening quote is at `i`. */
function skipString(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    if (b[i] === BACKSLASH) i++;
    else if (b[i] === QUOTE) return i + 1;
  }
  return i;
}

/** Past the value that starts at `i` (at a `,` or `}` that ends it, or the end). */
function skipValue(b: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) i = skipString(b, i) - 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && c === COMMA) return i;
  }
  return i;
}

// The keys of a context, by a bit each.
const ID = 1;
const PARENT = 2;
const METHOD = 4;
const CALLS = 8;
const SELF_MS = 16;
const BYTES_IN = 32;
const BYTES_OUT = 64;
const REQUIRED = ID | METHOD | CALLS | SELF_MS;
const KEYS: { name: Buffer; bit: number }[] = Object.entries({ id: ID, parent: PARENT, method: METHOD, calls: CALLS, selfMs: SELF_MS, bytesIn: BYTES_IN, bytesOut: BYTES_OUT }).map(([k, bit]) => ({ name: Buffer.from(k), bit }));

/**
 * The index in KEYS of the key whose name is in `b` from `start` up to a closing quote, or -1
 * when not a context's key. `guess` is tried first (record writes the keys in KEYS' order). The
 * names hold no quote, backslash nor control character: a match is a whole, valid JSON string.
 */
function keyAt(b: Buffer, start: number, guess: number): number {
  if (guess < KEYS.length && isKey(b, start, KEYS[guess]!.name)) return guess;
  for (let k = 0; k < KEYS.length; k++) if (isKey(b, start, KEYS[k]!.name)) return k;
  return -1;
}

function isKey(b: Buffer, start: number, name: Buffer): boolean {
  const len = name.length;
  for (let j = 0; j < len; j++) if (b[start + j] !== name[j]) return false;
  return b[start + len] === QUOTE;
}

/** 10^k for k ≤ 22: exact doubles, so that m / 10^k is m·10^-k correctly rounded (m < 2^53). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

class Scanner {
  private n = 0;
  private capacity: number;
  private parent: Int32Array;
  private method: Int32Array;
  private calls: Float64Array;
  private selfMs: Float64Array;
  private bytesIn: Float64Array;
  private bytesOut: Float64Array;
  /** Per id, 1 + the index of its context (0: not seen yet). */
  private indexOfId = new Int32Array(1024);
  private readonly names: string[] = [];
  /** Per name, where its first occurrence is in the bytes (for comparing) and its hash. */
  private nameAt: number[] = [];
  private nameHash: number[] = [];
  private slots = new Int32Array(1 << 12);

  constructor(
    private readonly b: Buffer,
    public pos: number,
    reuse?: ContextColumns,
  ) {
    if (reuse) {
      // Every column of a context is written when it is read: what is there before does not matter.
      this.parent = new Int32Array(reuse.parent.buffer);
      this.method = new Int32Array(reuse.method.buffer);
      this.calls = new Float64Array(reuse.calls.buffer);
      this.selfMs = new Float64Array(reuse.selfMs.buffer);
      this.bytesIn = new Float64Array(reuse.bytesIn.buffer);
      this.bytesOut = new Float64Array(reuse.bytesOut.buffer);
      this.capacity = this.parent.length;
      return;
    }
    // About 90 bytes a context as record writes them; grown as needed.
    this.capacity = Math.max(16, Math.ceil((b.length - pos) / 80));
    this.parent = new Int32Array(this.capacity);
    this.method = new Int32Array(this.capacity);
    this.calls = new Float64Array(this.capacity);
    this.selfMs = new Float64Array(this.capacity);
    this.bytesIn = new Float64Array(this.capacity);
    this.bytesOut = new Float64Array(this.capacity);
  }

  /** The array at `pos` (its `[`), `pos` left past its `]`; undefined to give up. */
  array(): ContextColumns | undefined {
    const b = this.b;
    let i = skipSpace(b, this.pos + 1);
    if (b[i] !== CLOSE_BRACKET) {
      for (;;) {
        if (b[i] !== OPEN_BRACE) return undefined;
        this.pos = i;
        if (!this.context()) return undefined;
        i = skipSpace(b, this.pos);
        if (b[i] === CLOSE_BRACKET) break;
        if (b[i] !== COMMA) return undefined;
        i = skipSpace(b, i + 1);
      }
    }
    this.pos = i + 1;
    const n = this.n;
    return {
      length: n,
      parent: this.parent.subarray(0, n),
      method: this.method.subarray(0, n),
      names: this.names,
      calls: this.calls.subarray(0, n),
      selfMs: this.selfMs.subarray(0, n),
      bytesIn: this.bytesIn.subarray(0, n),
      bytesOut: this.bytesOut.subarray(0, n),
    };
  }

  /** The object at `pos`, appended to the columns; false to give up. */
  private context(): boolean {
    const b = this.b;
    if (this.n === this.capacity) this.grow();
    const k = this.n;
    let keys = 0;
    let key = -1;
    let id = 0;
    let i = skipSpace(b, this.pos + 1);
    if (b[i] === CLOSE_BRACE) return false;
    for (;;) {
      if (b[i] !== QUOTE) return false;
      key = keyAt(b, i + 1, key + 1);
      if (key < 0) return false;
      const bit = KEYS[key]!.bit;
      if ((keys & bit) !== 0) return false;
      i += KEYS[key]!.name.length + 1;
      keys |= bit;
      i = skipSpace(b, i + 1);
      if (b[i] !== COLON) return false;
      this.pos = skipSpace(b, i + 1);
      if (bit === METHOD) {
        const m = this.string();
        if (m < 0) return false;
        this.method[k] = m;
      } else {
        const v = this.number();
        if (!(v >= 0)) return false;
        switch (bit) {
          case ID:
            if (!Number.isInteger(v) || !this.fitId(v, k) || this.indexOfId[v] !== 0) return false;
            id = v;
            break;
          case PARENT: {
            // Seen before this context: its id is marked below, after every member is read.
            if (!Number.isInteger(v) || v >= this.indexOfId.length || this.indexOfId[v] === 0) return false;
            this.parent[k] = this.indexOfId[v]! - 1;
            break;
          }
          case CALLS:
            if (!Number.isInteger(v) || v > CONTEXT_BOUNDS.count) return false;
            this.calls[k] = v;
            break;
          case SELF_MS:
            if (v > CONTEXT_BOUNDS.ms) return false;
            this.selfMs[k] = v;
            break;
          case BYTES_IN:
            if (v > CONTEXT_BOUNDS.bytes) return false;
            this.bytesIn[k] = v;
            break;
          default:
            if (v > CONTEXT_BOUNDS.bytes) return false;
            this.bytesOut[k] = v;
        }
      }
      i = skipSpace(b, this.pos);
      if (b[i] === CLOSE_BRACE) break;
      if (b[i] !== COMMA) return false;
      i = skipSpace(b, i + 1);
    }
    // A context's own id is marked only now, so a parent is always an earlier context.
    if ((keys & REQUIRED) !== REQUIRED) return false;
    if (!(keys & PARENT)) this.parent[k] = -1;
    if (!(keys & BYTES_IN)) this.bytesIn[k] = 0;
    if (!(keys & BYTES_OUT)) this.bytesOut[k] = 0;
    this.indexOfId[id] = k + 1;
    this.pos = i + 1;
    this.n++;
    return true;
  }

  /**
   * Room in indexOfId for `id`: ids are small integers (record numbers them from 0); one far
   * beyond the contexts read so far gives up (the general way keeps sparse ids in a set).
   */
  private fitId(id: number, read: number): boolean {
    if (id < this.indexOfId.length) return true;
    if (id > 8 * read + (1 << 16)) return false;
    let size = this.indexOfId.length;
    while (size <= id) size *= 2;
    const more = new Int32Array(size);
    more.set(this.indexOfId);
    this.indexOfId = more;
    return true;
  }

  /**
   * The JSON number at `pos`, unsigned (a sign gives up: no figure may be negative): NaN to give
   * up. Up to 15 significant digits and 22 decimals (what record writes) it is computed, one
   * correctly rounded division; else read by Number, which rounds as JSON.parse does.
   */
  private number(): number {
    const b = this.b;
    const start = this.pos;
    let i = start;
    let m = 0;
    let digits = 0;
    if (b[i] === 0x30) {
      i++;
    } else {
      for (; b[i]! >= 0x30 && b[i]! <= 0x39; i++, digits++) m = m * 10 + (b[i]! - 0x30);
      if (digits === 0) return NaN;
    }
    let decimals = 0;
    if (b[i] === 0x2e) {
      for (i++; b[i]! >= 0x30 && b[i]! <= 0x39; i++, decimals++) m = m * 10 + (b[i]! - 0x30);
      if (decimals === 0) return NaN;
    }
    let exact = digits + decimals <= 15 && decimals <= 22;
    if (b[i] === 0x65 || b[i] === 0x45) {
      exact = false;
      i++;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      const from = i;
      while (b[i]! >= 0x30 && b[i]! <= 0x39) i++;
      if (i === from) return NaN;
    }
    // A digit right after a leading 0 is not JSON.
    if (b[i]! >= 0x30 && b[i]! <= 0x39) return NaN;
    this.pos = i;
    if (exact) return decimals === 0 ? m : m / POW10[decimals]!;
    return Number(b.toString('latin1', start, i));
  }

  /** The string at `pos` as an index into names (ASCII, no escapes, not empty); -1 to give up. */
  private string(): number {
    const b = this.b;
    if (b[this.pos] !== QUOTE) return -1;
    const start = this.pos + 1;
    let hash = 0x811c9dc5;
    let i = start;
    for (; b[i] !== QUOTE; i++) {
      const c = b[i]!;
      if (i >= b.length || c < 0x20 || c >= 0x80 || c === BACKSLASH) return -1;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    const len = i - start;
    if (len === 0) return -1;
    this.pos = i + 1;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot]!; entry !== 0; entry = this.slots[slot]!) {
      const at = this.nameAt[entry - 1]!;
      if (this.nameHash[entry - 1] === hash && this.names[entry - 1]!.length === len && this.sameBytes(at, start, len)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const index = this.names.push(b.toString('latin1', start, i)) - 1;
    this.nameAt.push(start);
    this.nameHash.push(hash);
    this.slots[slot] = index + 1;
    if (this.names.length * 2 > this.slots.length) this.rehash();
    return index;
  }

  private sameBytes(a: number, b: number, len: number): boolean {
    for (let j = 0; j < len; j++) if (this.b[a + j] !== this.b[b + j]) return false;
    return true;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.nameHash.forEach((hash, index) => {
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = index + 1;
    });
  }

  private grow(): void {
    this.capacity *= 2;
    const more = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.parent = more(this.parent);
    this.method = more(this.method);
    this.calls = more(this.calls);
    this.selfMs = more(this.selfMs);
    this.bytesIn = more(this.bytesIn);
    this.bytesOut = more(this.bytesOut);
  }
}
