/**
 * Wire format micro benchmark (`npm run build && node test/bench/wire.mjs`): request encode+decode
 * against v8.serialize+deserialize of the same value in the same run, for an empty call and
 * 1 KB / 1 MB / 10 MB payloads of two shapes (files as {name, bytes: Uint8Array}[], and small
 * records with repeated keys); and a reply (snapshot + encodeReply + decodeReply + apply) when
 * nothing changed and when one field changed. Medians of repeated runs.
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

/** Median milliseconds of fn, run at least minRuns times and for about `seconds`. */
function median(fn) {
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < seconds * 1000 && times.length < 200)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

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

function request(roots) {
  const { bytes } = encodeRequest(roots, registry);
  decodeRequest(bytes, registry);
  return bytes.length;
}
function v8RoundTrip(roots) {
  const b = v8.serialize(roots);
  v8.deserialize(b);
  return b.length;
}

/** One call's reply: the clone snapshots, maybe changes a field, replies; the device applies. */
function replyCase(roots, change) {
  const req = encodeRequest(roots, registry);
  return () => {
    const clone = decodeRequest(req.bytes, registry);
    const t = performance.now();
    const snap = snapshot(clone.objects);
    if (change) change(clone.roots);
    const reply = encodeReply([], { objects: clone.objects, snapshot: snap }, registry);
    decodeReply(reply, req.objects, registry).apply();
    return [performance.now() - t, reply.length];
  };
}
function medianOf(run) {
  const times = [];
  let size = 0;
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < seconds * 1000 && times.length < 100)) {
    const [t, n] = run();
    times.push(t);
    size = n;
  }
  times.sort((a, b) => a - b);
  return [times[times.length >> 1], size];
}

const fmt = (ms) => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const kb = (n) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`);

console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length} cores (nproc), ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`);
console.log('\n| case | wire enc+dec | v8 ser+de | ratio | wire bytes | v8 bytes |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const cases = [['empty call', ['scan', 42, { id: 1, dryRun: false }]]];
for (const s of sizes) {
  cases.push([`files ${s}`, [files(parseSize(s))]]);
  cases.push([`records ${s}`, [records(parseSize(s))]]);
}
for (const [name, roots] of cases) {
  const ours = median(() => request(roots));
  const theirs = median(() => v8RoundTrip(roots));
  console.log(`| ${name} | ${fmt(ours)} | ${fmt(theirs)} | ${(ours / theirs).toFixed(2)} | ${kb(request(roots))} | ${kb(v8RoundTrip(roots))} |`);
}

console.log('\nReply: snapshot + encodeReply + decodeReply + apply (v8: the payload serialized back whole)\n');
console.log('| case | nothing changed | one field changed | v8 ser+de | ratio (changed) | reply bytes (changed) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, roots] of cases.slice(1)) {
  const [same] = medianOf(replyCase(roots, null));
  const [one, size] = medianOf(
    replyCase(roots, (r) => {
      const first = r[0][0];
      if (first.bytes) first.bytes[0] ^= 1;
      else first.qty += 1;
    }),
  );
  const theirs = median(() => v8RoundTrip(roots));
  console.log(`| ${name} | ${fmt(same)} | ${fmt(one)} | ${fmt(theirs)} | ${(one / theirs).toFixed(2)} | ${kb(size)} |`);
}
