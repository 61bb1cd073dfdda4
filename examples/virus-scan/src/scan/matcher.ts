// Aho–Corasick multi-pattern matching over bytes, compiled to a dense automaton
// (one row of 256 next states per state), so that the search loop is one table lookup per byte.

/** Bytes indexed by byte: the identity decoding. */
export const IDENTITY = Uint8Array.from({ length: 256 }, (_, i) => i);

export class AhoCorasick {
  /** The longest anchor the automaton takes from a pattern; the rest is verified at a hit. */
  static readonly MAX_ANCHOR = 8;

  private readonly next: Uint16Array;
  /** Patterns that end in each state (own and inherited through failure links). */
  private readonly outputs: number[][];
  /** 1 where outputs[state] is not empty: keeps the search loop on typed arrays. */
  private readonly accepting: Uint8Array;

  constructor(patterns: Uint8Array[]) {
    // 1. The trie.
    const children: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (const byte of pattern) {
        let child = children[state]!.get(byte);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          outputs.push([]);
          children[state]!.set(byte, child);
        }
        state = child;
      }
      outputs[state]!.push(index);
    });
    if (children.length > 0xffff) throw new Error('too many patterns for a 16-bit automaton');

    // 2. Failure links, breadth first, folded straight into the dense transition table.
    const next = new Uint16Array(children.length * 256);
    const fail = new Uint16Array(children.length);
    const queue: number[] = [];
    for (let byte = 0; byte < 256; byte++) {
      const child = children[0]!.get(byte) ?? 0;
      next[byte] = child;
      if (child !== 0) queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let byte = 0; byte < 256; byte++) {
        const child = children[state]!.get(byte);
        if (child === undefined) {
          next[state * 256 + byte] = next[fail[state]! * 256 + byte]!;
        } else {
          fail[child] = next[fail[state]! * 256 + byte]!;
          next[state * 256 + byte] = child;
          queue.push(child);
        }
      }
    }
    this.next = next;
    this.outputs = outputs;
    this.accepting = Uint8Array.from(outputs, (found) => (found.length > 0 ? 1 : 0));
  }

  get stateCount(): number {
    return this.outputs.length;
  }

  /**
   * Every occurrence of every pattern in `bytes` seen through `decode` (byte b reads as
   * decode[b]), as flat pairs [patternIndex, endOffset (exclusive), ...].
   */
  search(bytes: Uint8Array, decode: Uint8Array = IDENTITY): number[] {
    const { next, accepting } = this;
    const hits: number[] = [];
    let state = 0;
    for (let i = 0; i < bytes.length; i++) {
      state = next[(state << 8) | decode[bytes[i]!]!]!;
      if (accepting[state] === 1) {
        for (const pattern of this.outputs[state]!) hits.push(pattern, i + 1);
      }
    }
    return hits;
  }

  /**
   * The anchor of a pattern with wildcards (-1): its longest run of literal bytes, at most
   * MAX_ANCHOR long. Returns where the anchor starts in the pattern and its bytes.
   */
  static anchorOf(pattern: number[]): { start: number; bytes: Uint8Array } {
    let bestStart = 0;
    let bestLength = 0;
    let runStart = 0;
    for (let i = 0; i <= pattern.length; i++) {
      if (i === pattern.length || pattern[i]! < 0) {
        if (i - runStart > bestLength) {
          bestStart = runStart;
          bestLength = i - runStart;
        }
        runStart = i + 1;
      }
    }
    if (bestLength === 0) throw new Error('a pattern needs at least one literal byte');
    const length = Math.min(bestLength, AhoCorasick.MAX_ANCHOR);
    return { start: bestStart, bytes: Uint8Array.from(pattern.slice(bestStart, bestStart + length)) };
  }
}
