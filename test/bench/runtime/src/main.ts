// Times calls of `digest` (migrated when run under `clonecloud run`), and in the same process the
// raw cost of the same payload through v8.serialize + v8.deserialize, an empty HTTP round trip to
// the clone over loopback, and one carrying as many bytes up. Prints one JSON line per case.
import http from 'node:http';
import { deserialize, serialize } from 'node:v8';
import { digest, type FileArg, type RecordArg } from './sink.js';

const clone = process.env.CLONECLOUD_CLONE ?? '';
const agent = new http.Agent({ keepAlive: true });

function files(bytes: number): FileArg[] {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 2654435761) >>> 24;
  return [{ name: 'payload.bin', bytes: data }];
}

/** Records of about 60 bytes each under v8.serialize: ids, a name, a score, two tags. */
function records(bytes: number): RecordArg[] {
  const out: RecordArg[] = [];
  for (let i = 0; out.length * 60 < bytes || out.length === 0; i++) out.push({ id: i, name: `item-${i % 1000}`, score: (i % 97) / 7, tags: ['a', i % 2 ? 'odd' : 'even'] });
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** An HTTP round trip to the clone carrying `bytes` up (its bandwidth probe, which drops them): what moving the payload costs by itself. */
function roundTrip(bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = new Uint8Array(bytes);
    const t = performance.now();
    const req = http.request(new URL('/v1/probe', clone), { method: 'POST', agent, headers: { 'content-length': bytes } }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - t));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sizes: [string, number, number][] = [
  ['empty', 0, 300],
  ['1 KB', 1024, 300],
  ['1 MB', 1024 * 1024, 30],
  ['10 MB', 10 * 1024 * 1024, 8],
];

for (const [label, bytes, runs] of sizes) {
  for (const [shape, make] of [['typed array', files], ['records', records]] as const) {
    if (bytes === 0 && shape === 'records') continue;
    const payload = bytes === 0 ? [] : make(bytes);
    const call: number[] = [];
    const raw: number[] = [];
    const rtt: number[] = [];
    const carry: number[] = [];
    const size = serialize(payload).length;
    for (let i = 0; i < runs + 2; i++) {
      let t = performance.now();
      digest(payload);
      const c = performance.now() - t;
      t = performance.now();
      deserialize(serialize(payload));
      const r = performance.now() - t;
      const trip = clone ? await roundTrip(0) : 0;
      const carried = clone ? await roundTrip(size) : 0;
      if (i < 2) continue; // warm-up: the helper thread, the clone's workers, the JIT
      call.push(c);
      raw.push(r);
      rtt.push(trip);
      carry.push(carried);
    }
    console.log(JSON.stringify({ size: label, shape, bytes: size, runs, callMs: median(call), rawMs: median(raw), rttMs: median(rtt), carryMs: median(carry) }));
  }
}
