#!/usr/bin/env node
// Writes a deterministic activity log for the behavior profile: one tab-separated event a line,
// as a phone's activity history and sensors would record them over some weeks:
//   <ISO time>\tview\t<app>\t<seconds>\t<title>      an article, video or product page
//   <ISO time>\tsearch\t<app>\t<query>
//   <ISO time>\tpurchase\t<app>\t<price>\t<item>
//   <ISO time>\tcheckin\t<place>                     location sensor
//   <ISO time>\tsteps\t<count>                        step counter, about hourly
// The simulated user has interests in a few of the topics below that drift over time (the
// app should find them, and which are rising); each session is mostly about one topic.
//
//   node tools/make-data.mjs [--out FILE] [--days N] [--sessions-per-day N] [--seed N]
//
// Same arguments, same bytes. The default output (.data/activity.log) is git-ignored.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../tools/random.mjs';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULTS = { days: 56, sessionsPerDay: 9, seed: 2011 };

const TOPICS = {
  running: { apps: ['stravo', 'newsly'], places: ['riverside park', 'city stadium', 'sports store'],
    words: 'marathon running runner trail shoes pace interval training tempo race half kilometer split stretching injury knee recovery hydration carb cadence track hill sprint coach plan weekly mileage endurance heart rate zone watch gps split finish medal' },
  cooking: { apps: ['recipebox', 'shopit', 'tubeview'], places: ['farmers market', 'grocery store', 'kitchen supply'],
    words: 'recipe pasta sauce garlic tomato basil oven roast chicken bread sourdough starter flour yeast knead bake dough soup stew spices curry lentil vegetarian dinner lunch quick easy homemade cast iron skillet braise' },
  travel: { apps: ['tripnest', 'newsly', 'tubeview'], places: ['airport terminal', 'train station', 'travel agency'],
    words: 'flight hotel booking itinerary beach island lisbon kyoto iceland hiking backpack passport visa luggage airline cheap deals weekend getaway museum old town ferry rental car road trip guide map hostel' },
  gardening: { apps: ['greenthumb', 'shopit'], places: ['garden center', 'allotment', 'hardware store'],
    words: 'garden tomatoes seedlings compost soil raised bed pruning roses perennials mulch watering drip irrigation greenhouse pests aphids organic fertilizer seeds sowing harvest herbs lawn shade planting bulbs' },
  finance: { apps: ['moneyview', 'newsly'], places: ['bank branch', 'office tower'],
    words: 'stocks index fund etf dividend portfolio savings interest rate inflation mortgage budget retirement pension bonds market earnings tax return expense credit score loan refinance yield broker allocation' },
  gaming: { apps: ['tubeview', 'playstore'], places: ['game store', 'arcade'],
    words: 'game console controller rpg quest level boss speedrun patch update multiplayer co-op strategy indie trailer review walkthrough build character skill tree loot raid esports stream pixel remaster' },
  photography: { apps: ['lensclub', 'shopit', 'tubeview'], places: ['camera shop', 'botanical garden', 'old harbor'],
    words: 'camera lens aperture shutter exposure iso portrait landscape golden hour tripod mirrorless prime zoom bokeh composition editing raw lightroom film grain street night sky astrophotography filter' },
  music: { apps: ['tunein', 'tubeview'], places: ['concert hall', 'record shop', 'music school'],
    words: 'guitar chords song album vinyl concert tour jazz piano practice scales band live acoustic synth playlist lyrics drummer bass amplifier pedal tabs melody rhythm festival tickets' },
};

const GENERAL = 'the best how to why new top guide for your with and in of a on this week review vs tips ideas'.split(' ');
const TOPIC_NAMES = Object.keys(TOPICS);

// Interest of the simulated user per topic, at the start and at the end of the log.
const INTEREST_START = { running: 3, cooking: 2, travel: 4, gardening: 0.3, finance: 1, gaming: 0.3, photography: 1.5, music: 0.5 };
const INTEREST_END = { running: 5, cooking: 3, travel: 0.5, gardening: 2.5, finance: 1, gaming: 0.3, photography: 0.5, music: 0.5 };

export function makeLog({ days, sessionsPerDay, seed }) {
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = Object.fromEntries(TOPIC_NAMES.map((t) => [t, TOPICS[t].words.split(' ')]));
  const phrase = (topic, n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(rnd() < 0.25 ? pick(GENERAL) : pick(words[topic]));
    return out.join(' ');
  };
  const start = Date.UTC(2026, 0, 5, 0, 0, 0);
  const lines = [];
  const stamp = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (let day = 0; day < days; day++) {
    const progress = day / Math.max(1, days - 1);
    const weights = TOPIC_NAMES.map((t) => INTEREST_START[t] * (1 - progress) + INTEREST_END[t] * progress);
    const total = weights.reduce((a, b) => a + b, 0);
    const dayStart = start + day * 86_400_000;
    const events = [];
    // Step counter: hourly from 7:00 to 22:00.
    for (let hour = 7; hour <= 22; hour++) {
      events.push([dayStart + hour * 3_600_000 + Math.floor(rnd() * 60_000), `steps\t${Math.floor(200 + rnd() * 900 * (hour % 6 === 0 ? 3 : 1))}`]);
    }
    const sessions = Math.max(1, Math.round(sessionsPerDay * (0.6 + rnd() * 0.8)));
    for (let s = 0; s < sessions; s++) {
      let r = rnd() * total;
      let topic = TOPIC_NAMES[0];
      for (let i = 0; i < TOPIC_NAMES.length; i++) {
        r -= weights[i];
        if (r <= 0) { topic = TOPIC_NAMES[i]; break; }
      }
      const info = TOPICS[topic];
      let t = dayStart + Math.floor((7 + rnd() * 16) * 3_600_000);
      if (rnd() < 0.3) events.push([t, `checkin\t${pick(info.places)}`]);
      const count = 3 + Math.floor(rnd() * 14);
      for (let e = 0; e < count; e++) {
        t += Math.floor(20_000 + rnd() * 240_000);
        // A session drifts to another topic now and then.
        const about = rnd() < 0.12 ? pick(TOPIC_NAMES) : topic;
        const app = pick(TOPICS[about].apps);
        const kind = rnd();
        if (kind < 0.6) events.push([t, `view\t${app}\t${Math.floor(5 + rnd() * 400)}\t${phrase(about, 5 + Math.floor(rnd() * 6))}`]);
        else if (kind < 0.92) events.push([t, `search\t${app}\t${phrase(about, 2 + Math.floor(rnd() * 3))}`]);
        else events.push([t, `purchase\tshopit\t${(5 + rnd() * 120).toFixed(2)}\t${phrase(about, 3)}`]);
      }
    }
    events.sort((a, b) => a[0] - b[0]);
    for (const [t, text] of events) lines.push(`${stamp(t)}\t${text}`);
  }
  return lines.join('\n') + '\n';
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = option(args, '--out', join(exampleDir, '.data', 'activity.log'));
  const text = makeLog({
    days: Number(option(args, '--days', DEFAULTS.days)),
    sessionsPerDay: Number(option(args, '--sessions-per-day', DEFAULTS.sessionsPerDay)),
    seed: Number(option(args, '--seed', DEFAULTS.seed)),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`wrote ${text.split('\n').length - 1} events (${Buffer.byteLength(text)} bytes) to ${out}\n`);
}
