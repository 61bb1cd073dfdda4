/**
 * Wire format micro benchmark (`npm run build && node test/bench/wire.mjs`): request encode+decode
 * against v8.serialize+deserialize of the same value, for an empty call and 1 KB / 1 MB / 10 MB
 * payloads of three shapes (files as {name, bytes: Uint8Array}[], small records with repeated
 * keys, and records that each hold a small array, the shape of test/bench/runtime.mjs); a reply
 * (snapshot + encodeReply + decodeReply + apply) when nothing changed and when one field changed;
 * and the codec's whole share of a migrated call (the request both ways, the snapshot, the reply
 * when nothing changed, decoding and applying it), which the run-time's goal compares with one
 * v8 ser+de of the payload (a call should cost at most twice that, plus a round trip).
 *
 * Each figure is measured interleaved with v8's, run for run, so that both see the same load on a
 * shared machine: medians of each, and the median of the per-run ratios.
 *
 *   node test/bench/wire.mjs [--sizes 1k,1m,10m] [--min-runs 7] [--seconds 1]
 */
import { cpus, totalmem } from 'node:os';
import v8 from 'node:v8';
import { decodeReply, decodeRequest, encodeReply, encodeRequest, snapshot } from '../../dist/runtime/wire/index.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const parseSize = (s) => Math.round(parseFloat(s) * ({ k: 1024, m: 1024 * 1024 }[s.slice(-1).toLowerCase()] ?? 1));
const sizes = flag('sizes', '1k,1m,10m').split(',');
const minRuns = Number(flag('min-runs', '7'));
const seconds = Number(flag('seconds', '1'));

const registry = { keyOfPrototype: () => undefined, prototypeOf: () => undefined, keyOfFunction: () => undefined, functionOf: () => undefined };

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

/**
 * Runs `ours` and `theirs` alternately (which goes first alternates too), at least minRuns times
 * and for about `seconds`; each returns the milliseconds it measured. Medians and the median ratio.
 */
function interleaved(ours, theirs) {
  const a = [];
  const b = [];
  const r = [];
  const start = performance.now();
  for (let i = 0; a.length < minRuns || (performance.now() - start < seconds * 1000 && a.length < 200); i++) {
    let x;
    let y;
    if (i % 2 === 0) {
      x = ours();
      y = theirs();
    } else {
      y = theirs();
      x = ours();
    }
    a.push(x);
    b.push(y);
    r.push(x / y);
  }
  return { ours: median(a), theirs: median(b), ratio: median(r) };
}

const timed = (fn) => () => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

function files(total) {
  const each = Math.min(total, 64 * 1024);
  const out = [];
  for (let left = total, i = 0; left > 0; left -= each, i++) {
    const bytes = new Uint8Array(Math.min(each, left));
    for (let j = 0; j < bytes.length; j += 97) bytes[j] = (i + j) & 255;
    out.push({ name: `src/file-${i}.js`, bytes });
  }
  return out;
}

const TAGS = ['red', 'green', 'blue', 'amber'];
function records(total) {
  const out = [];
  // About 48 bytes each under v8.serialize.
  for (let i = 0; i < Math.max(1, Math.round(total / 48)); i++) out.push({ id: i, name: `item${i % 1000}`, price: i * 1.25, qty: i % 7, tag: TAGS[i % 4] });
  return out;
}

/** As test/bench/runtime.mjs: about 60 bytes each, two objects each (a record and its tags). */
function tagged(total) {
  const out = [];
  for (let i = 0; out.length * 60 < total || out.length === 0; i++) out.push({ id: i, name: `item-${i % 1000}`, score: (i % 97) / 7, tags: ['a', i % 2 ? 'odd' : 'even'] });
  return out;
}

const v8RoundTrip = (roots) => timed(() => v8.deserialize(v8.serialize(roots)));

/** One call's reply: the clone decodes (not timed), snapshots, maybe changes a field, replies; the device applies. */
function replyCase(roots, change) {
  const req = encodeRequest(roots, registry);
  return () => {
    const clone = decodeRequest(req.bytes, registry);
    const t = performance.now();
    const snap = snapshot(clone.objects, clone.baseline);
    if (change) change(clone.roots);
    const reply = encodeReply([], { objects: clone.objects, snapshot: snap }, registry);
    decodeReply(reply, req.objects, registry).apply();
    return performance.now() - t;
  };
}

/** The codec's whole share of a call on which nothing changed: what both sides do, in one process. */
function callCase(roots) {
  return timed(() => {
    const req = encodeRequest(roots, registry);
    const clone = decodeRequest(req.bytes, registry);
    const snap = snapshot(clone.objects, clone.baseline);
    const reply = encodeReply([0, undefined, [], [], []], { objects: clone.objects, snapshot: snap }, registry);
    decodeReply(reply, req.objects, registry).apply();
  });
}

const fmt = (ms) => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const kb = (n) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`);

console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length} cores (nproc), ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`);
const cases = [['empty call', ['scan', 42, { id: 1, dryRun: false }]]];
for (const s of sizes) {
  cases.push([`files ${s}`, [files(parseSize(s))]]);
  cases.push([`records ${s}`, [records(parseSize(s))]]);
  cases.push([`tagged records ${s}`, [tagged(parseSize(s))]]);
}

console.log('\nRequest: encodeRequest + decodeRequest\n');
console.log('| case | wire enc+dec | v8 ser+de | ratio | wire bytes | v8 bytes |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, roots] of cases) {
  const m = interleaved(
    timed(() => decodeRequest(encodeRequest(roots, registry).bytes, registry)),
    v8RoundTrip(roots),
  );
  console.log(`| ${name} | ${fmt(m.ours)} | ${fmt(m.theirs)} | ${m.ratio.toFixed(2)} | ${kb(encodeRequest(roots, registry).bytes.length)} | ${kb(v8.serialize(roots).length)} |`);
}

console.log('\nReply: snapshot + encodeReply + decodeReply + apply (v8: the payload serialized back whole)\n');
console.log('| case | nothing changed | one field changed | v8 ser+de | ratio (nothing) | ratio (changed) | reply bytes (changed) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const changeOne = (r) => {
  const first = r[0][0];
  if (first.bytes) first.bytes[0] ^= 1;
  else if ('qty' in first) first.qty += 1;
  else first.score += 1;
};
for (const [name, roots] of cases.slice(1)) {
  const same = interleaved(replyCase(roots, null), v8RoundTrip(roots));
  const one = interleaved(replyCase(roots, changeOne), v8RoundTrip(roots));
  const req = encodeRequest(roots, registry);
  const clone = decodeRequest(req.bytes, registry);
  const snap = snapshot(clone.objects, clone.baseline);
  changeOne(clone.roots);
  const size = encodeReply([], { objects: clone.objects, snapshot: snap }, registry).length;
  console.log(`| ${name} | ${fmt(same.ours)} | ${fmt(one.ours)} | ${fmt(median([same.theirs, one.theirs]))} | ${same.ratio.toFixed(2)} | ${one.ratio.toFixed(2)} | ${kb(size)} |`);
}

console.log('\nThe codec in a whole call (nothing changed): request both ways, snapshot, reply, decode and apply it\n');
console.log('| case | codec per call | v8 ser+de | ratio (goal: the call within 2 + a round trip) |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, roots] of cases) {
  const m = interleaved(callCase(roots), v8RoundTrip(roots));
  console.log(`| ${name} | ${fmt(m.ours)} | ${fmt(m.theirs)} | ${m.ratio.toFixed(2)} |`);
}
