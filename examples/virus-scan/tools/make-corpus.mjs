#!/usr/bin/env node
// Writes a deterministic test corpus for the virus scanner: documents, scripts, executables
// and media-like files made from a seeded PRNG, a few of them carrying planted signatures
// (in plain bytes and hidden under single-byte encodings), plus two "known samples" whose
// SHA-256 digests are in signatures/sample.hsb.
//
//   node tools/make-corpus.mjs [--out DIR] [--files N] [--min-kb N] [--max-kb N] [--seed N]
//
// Same arguments, same bytes. The default output folder (.corpus/) is git-ignored.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../tools/random.mjs';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULTS = { files: 32, minKb: 10, maxKb: 40, seed: 2011 };

const WORDS = ('the of and to in is was for on that with as by at from this be are or an have not ' +
  'report quarter revenue meeting project status notes phone battery network photo album travel ' +
  'invoice customer order delivery schedule update release build test server client message')
  .split(' ');

function makeFile(kind, size, rnd) {
  const bytes = new Uint8Array(size);
  const int = (n) => Math.floor(rnd() * n);
  if (kind === 'text' || kind === 'script') {
    let i = 0;
    while (i < size) {
      const word = kind === 'script' && int(8) === 0 ? 'var x = f(y);\n' : WORDS[int(WORDS.length)] + (int(12) === 0 ? '.\n' : ' ');
      for (let j = 0; j < word.length && i < size; j++) bytes[i++] = word.charCodeAt(j);
    }
  } else if (kind === 'exe') {
    // A header, code-like bytes (skewed towards common opcodes) and string tables.
    bytes.set([0x4d, 0x5a, 0x90, 0x00], 0);
    for (let i = 64; i < size; i++) {
      bytes[i] = (i & 4095) < 3072 ? [0x8b, 0x89, 0xe8, 0x55, 0x00, 0xff, 0x48][int(7)] ^ (int(4) === 0 ? int(256) : 0)
        : 0x20 + int(95);
    }
  } else {
    for (let i = 0; i < size; i++) bytes[i] = int(256); // compressed media: high entropy
  }
  return bytes;
}

/** Concrete bytes for a hex signature: wildcards and gaps filled from the PRNG. */
function instantiate(hex, rnd) {
  const out = [];
  for (let i = 0; i < hex.length;) {
    if (hex[i] === '*') { out.push(...Array.from({ length: 5 }, () => 0x41 + Math.floor(rnd() * 26))); i += 1; continue; }
    if (hex[i] === '{') {
      const end = hex.indexOf('}', i);
      const n = Number(hex.slice(i + 1, end).split('-')[0] || 0); // the shortest gap
      out.push(...Array.from({ length: n }, () => Math.floor(rnd() * 256)));
      i = end + 1;
      continue;
    }
    const pair = hex.slice(i, i + 2);
    out.push(pair === '??' ? Math.floor(rnd() * 256) : parseInt(pair, 16));
    i += 2;
  }
  return Uint8Array.from(out);
}

const ENCODERS = {
  plain: () => (b) => b,
  xor: (key) => (b) => b ^ key,
  rol: (bits) => (b) => ((b << bits) | (b >>> (8 - bits))) & 0xff,
};

// What to plant, and where: [file index, signature, encoding, key]. Indices are taken modulo
// the number of files, so smaller corpora keep their planted files.
const PLANTS = [
  [3, 'Example.Ransom.Locker-1', 'plain', 0],
  [7, 'Example.Trojan.Dropper-1', 'plain', 0],
  [12, 'Example.Worm.Mailer-1', 'plain', 0],
  [18, 'Example.Ransom.Locker-3', 'plain', 0],
  [22, 'Example.Backdoor.Shell-2', 'xor', 0x5a],
  [27, 'Example.Spyware.Sms-1', 'xor', 0xc3],
  [31, 'Example.Downloader.Ps-1', 'xor', 0x17],
  [36, 'Example.Miner.Coin-1', 'rol', 3],
];

/** Two fixed "known samples", independent of the corpus arguments. */
export function knownSamples() {
  return [
    { name: 'downloads/invoice-scan.pdf.exe', size: 24_576, seed: 0x5eed01, kind: 'exe' },
    { name: 'downloads/free-battery-saver.apk', size: 40_960, seed: 0x5eed02, kind: 'binary' },
  ].map((s) => ({ ...s, bytes: makeFile(s.kind, s.size, mulberry32(s.seed)) }));
}

export function makeCorpus({ files, minKb, maxKb, seed }) {
  const rnd = mulberry32(seed);
  const signatures = new Map(
    readFileSync(join(exampleDir, 'signatures/sample.ndb'), 'utf8').split('\n')
      .filter((l) => l && !l.startsWith('#')).map((l) => { const f = l.split(':'); return [f[0], f[3]]; }),
  );
  const kinds = [['text', 'docs', 'txt'], ['script', 'web', 'js'], ['exe', 'apps', 'bin'], ['binary', 'media', 'dat']];
  const out = [];
  for (let i = 0; i < files; i++) {
    const [kind, folder, ext] = kinds[i % kinds.length];
    // Log-uniform sizes: many small files, a few large ones.
    const size = Math.round(1024 * minKb * Math.pow(maxKb / minKb, rnd()));
    out.push({ name: `${folder}/${kind}-${String(i).padStart(3, '0')}.${ext}`, bytes: makeFile(kind, size, rnd) });
  }
  for (const [index, name, encoding, key] of PLANTS) {
    const file = out[index % files];
    const payload = instantiate(signatures.get(name), rnd).map(ENCODERS[encoding](key));
    const at = name.endsWith('Locker-3') ? file.bytes.length - payload.length
      : Math.floor(rnd() * (file.bytes.length - payload.length));
    file.bytes.set(payload, at);
    file.planted = `${name} (${encoding}${encoding === 'plain' ? '' : ` ${key}`}) @ ${at}`;
  }
  return [...out, ...knownSamples()];
}

function checkKnownSamples() {
  const hsb = readFileSync(join(exampleDir, 'signatures/sample.hsb'), 'utf8');
  for (const sample of knownSamples()) {
    const digest = createHash('sha256').update(sample.bytes).digest('hex');
    if (!hsb.includes(`${digest}:${sample.size}:`)) {
      console.error(`warning: ${sample.name} (${digest}:${sample.size}) is not in signatures/sample.hsb`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const outDir = opt('--out', join(exampleDir, '.corpus'));
  const params = {
    files: Number(opt('--files', DEFAULTS.files)),
    minKb: Number(opt('--min-kb', DEFAULTS.minKb)),
    maxKb: Number(opt('--max-kb', DEFAULTS.maxKb)),
    seed: Number(opt('--seed', DEFAULTS.seed)),
  };
  const corpus = makeCorpus(params);
  rmSync(outDir, { recursive: true, force: true });
  let total = 0;
  for (const file of corpus) {
    mkdirSync(join(outDir, dirname(file.name)), { recursive: true });
    writeFileSync(join(outDir, file.name), file.bytes);
    total += file.bytes.length;
    if (file.planted) console.log(`planted ${file.planted} in ${file.name}`);
  }
  checkKnownSamples();
  console.log(`${corpus.length} files, ${total} bytes in ${outDir} (${JSON.stringify(params)})`);
}
