// The scan engine: pure computation on plain data, no storage, no terminal. It can run on the
// device or on its clone; what goes in (files, database) and out (reports) is plain data.

import { encodingViews, type EncodingView } from './encodings.js';
import { sha256, toHex } from './hash.js';
import { AhoCorasick } from './matcher.js';
import type { BodySignature, HashSignature, SignatureDatabase } from './signatures.js';

export interface ScanFile {
  /** Path relative to the scanned folder. */
  name: string;
  bytes: Uint8Array;
}

export interface Finding {
  signature: string;
  /** How it matched: a whole-file hash, or a byte pattern. */
  kind: 'hash' | 'body';
  /** The encoding the payload was hidden under ("xor 0x5a"), or null for plain bytes. */
  encoding: string | null;
  offset: number;
}

export interface FileReport {
  name: string;
  size: number;
  /** Lets the caller cache verdicts of unchanged files. */
  sha256: string;
  findings: Finding[];
}

export interface ScanOptions {
  /** Also look for payloads hidden under single-byte encodings (default true). */
  deep?: boolean;
}

/** For each automaton pattern: which body signature it anchors, and where in its first segment. */
interface Anchor {
  signature: number;
  start: number;
  length: number;
}

export class Scanner {
  private readonly hashes: Map<string, HashSignature>;
  private readonly bodies: BodySignature[];
  private readonly anchors: Anchor[];
  private readonly matcher: AhoCorasick;
  private readonly views: EncodingView[];

  constructor(database: SignatureDatabase, options: ScanOptions = {}) {
    this.hashes = new Map(database.hashes.map((h) => [h.sha256, h]));
    this.bodies = database.bodies;
    const patterns: Uint8Array[] = [];
    this.anchors = this.bodies.map((signature, index) => {
      const anchor = AhoCorasick.anchorOf(signature.segments[0]!.bytes);
      patterns.push(anchor.bytes);
      return { signature: index, start: anchor.start, length: anchor.bytes.length };
    });
    this.matcher = new AhoCorasick(patterns);
    this.views = options.deep === false ? [] : encodingViews();
  }

  /** What the engine knows, for the banner. */
  describe(): { hashSignatures: number; bodySignatures: number; states: number; encodings: number } {
    return {
      hashSignatures: this.hashes.size,
      bodySignatures: this.bodies.length,
      states: this.matcher.stateCount,
      encodings: this.views.length,
    };
  }

  /** Scans every file; one report per file, in order. */
  scanAll(files: ScanFile[]): FileReport[] {
    return files.map((file) => this.scanFile(file));
  }

  scanFile(file: ScanFile): FileReport {
    const digest = toHex(sha256(file.bytes));
    const report: FileReport = { name: file.name, size: file.bytes.length, sha256: digest, findings: [] };
    const known = this.hashes.get(digest);
    if (known && (known.size === null || known.size === file.bytes.length)) {
      report.findings.push({ signature: known.name, kind: 'hash', encoding: null, offset: 0 });
      return report;
    }
    report.findings = this.matchBodies(file.bytes, null);
    // A payload in plain sight is enough; otherwise look under every encoding.
    for (let i = 0; i < this.views.length && report.findings.length === 0; i++) {
      report.findings = this.matchBodies(file.bytes, this.views[i]!);
    }
    return report;
  }

  /** Body signatures found in `bytes` read through `view` (null: as they are). */
  private matchBodies(bytes: Uint8Array, view: EncodingView | null): Finding[] {
    const decode = view?.decode;
    const hits = this.matcher.search(bytes, decode);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (let h = 0; h < hits.length; h += 2) {
      const anchor = this.anchors[hits[h]!]!;
      const signature = this.bodies[anchor.signature]!;
      const start = hits[h + 1]! - anchor.length - anchor.start;
      if (start < 0 || seen.has(signature.name) || !this.offsetAllows(signature, start, bytes.length)) continue;
      if (this.matchFrom(bytes, decode, signature, 0, start) >= 0) {
        seen.add(signature.name);
        findings.push({ signature: signature.name, kind: 'body', encoding: view?.name ?? null, offset: start });
      }
    }
    return findings;
  }

  private offsetAllows(signature: BodySignature, start: number, size: number): boolean {
    switch (signature.offset.kind) {
      case 'any':
        return true;
      case 'start':
        return start === signature.offset.at;
      case 'end':
        return start === size - signature.offset.at;
    }
  }

  /**
   * Whether segments[index..] of `signature` match at `position` (segment `index` starting
   * exactly there); returns the end offset of the match, or -1. Gaps are tried shortest first.
   */
  private matchFrom(
    bytes: Uint8Array,
    decode: Uint8Array | undefined,
    signature: BodySignature,
    index: number,
    position: number,
  ): number {
    const segment = signature.segments[index]!;
    if (position + segment.bytes.length > bytes.length) return -1;
    for (let i = 0; i < segment.bytes.length; i++) {
      const expected = segment.bytes[i]!;
      const raw = bytes[position + i]!;
      if (expected >= 0 && (decode ? decode[raw]! : raw) !== expected) return -1;
    }
    const end = position + segment.bytes.length;
    const following = signature.segments[index + 1];
    if (!following) return end;
    const last = Math.min(end + following.maxGap, bytes.length - following.bytes.length);
    for (let next = end + following.minGap; next <= last; next++) {
      const matched = this.matchFrom(bytes, decode, signature, index + 1, next);
      if (matched >= 0) return matched;
    }
    return -1;
  }

  /** Names of the infected files and how many files each signature hit. */
  static summarize(reports: FileReport[]): { infected: string[]; bySignature: Record<string, number> } {
    const infected = reports.filter((r) => r.findings.length > 0).map((r) => r.name);
    const bySignature: Record<string, number> = {};
    for (const report of reports) {
      for (const finding of report.findings) {
        bySignature[finding.signature] = (bySignature[finding.signature] ?? 0) + 1;
      }
    }
    return { infected, bySignature };
  }
}
