#!/usr/bin/env node
// Cost of the clone's zone/locale guards (src/runtime/clone/locale.ts) on a call whose device
// shares the clone's zone and locale: the same Date- and Intl-heavy functions in two worker
// threads, one with the guards installed and watching (as during a call), one without, taking
// turns round by round (interleaved, so the machine's noise falls on both), medians of the rounds.
//
//   npm run build && node test/bench/place-guards.mjs [rounds]

import { cpus, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const CASES = {
  // ns per iteration below: each iteration makes a date and reads six local fields.
  'Date getters': (n) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const d = new Date(1767225600000 + i * 3_600_000);
      s += d.getFullYear() + d.getMonth() + d.getDate() + d.getDay() + d.getHours() + d.getMinutes();
    }
    return s;
  },
  'Date setters + toString': (n) => {
    let s = 0;
    const d = new Date(1767225600000);
    for (let i = 0; i < n; i++) {
      d.setHours(i % 24, i % 60);
      s += d.toString().length;
    }
    return s;
  },
  'toLocaleString (number)': (n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (i * 1.5).toLocaleString().length;
    return s;
  },
  'Intl.NumberFormat made once, format': (n) => {
    const nf = new Intl.NumberFormat();
    let s = 0;
    for (let i = 0; i < n; i++) s += nf.format(i * 1.5).length;
    return s;
  },
  'new Intl.DateTimeFormat each time': (n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' }).format(i * 86_400_000).length;
    return s;
  },
  'localeCompare sort': (n) => {
    const words = Array.from({ length: n }, (_, i) => `w${(i * 7919) % n}`);
    return words.sort((a, b) => a.localeCompare(b)).length;
  },
};
const N = { 'Date getters': 200_000, 'Date setters + toString': 20_000, 'toLocaleString (number)': 20_000, 'Intl.NumberFormat made once, format': 50_000, 'new Intl.DateTimeFormat each time': 2_000, 'localeCompare sort': 5_000 };

if (isMainThread) {
  const rounds = Number(process.argv[2] ?? 15);
  const start = (guarded) =>
    new Promise((ready) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { guarded } });
      w.once('message', () => ready(w));
    });
  const ask = (w, name) => new Promise((done) => (w.once('message', done), w.postMessage(name)));
  const plain = await start(false);
  const guarded = await start(true);
  const times = Object.fromEntries(Object.keys(CASES).map((k) => [k, { plain: [], guarded: [], ratio: [] }]));
  for (let r = 0; r < rounds; r++) {
    for (const name of Object.keys(CASES)) {
      // Alternate which goes first, so neither always runs on a warmer or quieter machine.
      const order = r % 2 ? [guarded, plain] : [plain, guarded];
      const a = await ask(order[0], name);
      const b = await ask(order[1], name);
      const [p, g] = r % 2 ? [b, a] : [a, b];
      times[name].plain.push(p);
      times[name].guarded.push(g);
      times[name].ratio.push(g / p);
    }
  }
  await plain.terminate();
  await guarded.terminate();
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(`machine: ${cpus().length} x ${cpus()[0].model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${rounds} rounds`);
  console.log('| case | ns/iteration, no guards | ns/iteration, guards | median of per-round ratios |');
  console.log('|---|---|---|---|');
  for (const [name, t] of Object.entries(times)) {
    const ns = (ms) => ((ms * 1e6) / N[name]).toFixed(1);
    console.log(`| ${name} | ${ns(median(t.plain))} | ${ns(median(t.guarded))} | ${median(t.ratio).toFixed(2)}x |`);
  }
} else {
  let watch;
  if (workerData.guarded) {
    const { installPlaceGuards, placeOf, watchPlace } = await import('../../dist/runtime/clone/locale.js');
    installPlaceGuards();
    watch = () => watchPlace(placeOf());
  }
  // Warm up: let both reach optimised code before the first timed round.
  for (const [name, f] of Object.entries(CASES)) f(N[name]);
  parentPort.on('message', (name) => {
    const w = watch?.();
    const t0 = performance.now();
    CASES[name](N[name]);
    const ms = performance.now() - t0;
    w?.stop();
    parentPort.postMessage(ms);
  });
  parentPort.postMessage('ready');
}
