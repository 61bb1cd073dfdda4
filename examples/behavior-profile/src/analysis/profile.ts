// Builds the interest profile from the log's text: parse, sessionize, TF-IDF, k-means over the
// sessions (the number of interests chosen by silhouette), then score each interest with decay
// and trend. Pure computation on plain data (a string in, plain objects out): it can run on the
// device or on its clone.

import { dayIndex, decayWeight } from './decay.js';
import { distanceMatrix, kMeans, Rng, silhouette, type Clustering } from './kmeans.js';
import { parseLog, type ActivityEvent } from './log.js';
import { sessionize, type Session } from './sessions.js';
import { TfIdf } from './tfidf.js';
import { Tokenizer } from './text.js';

export interface ProfileOptions {
  /** Pause that ends a session, in minutes (default 15). */
  sessionGapMinutes?: number;
  /** Half-life of an interest, in days (default 14). */
  halfLifeDays?: number;
  /** Range of interest counts tried (default 4..12). */
  minInterests?: number;
  maxInterests?: number;
  /** k-means restarts per interest count (default 8). */
  restarts?: number;
  seed?: number;
}

export interface Interest {
  /** The cluster's strongest words. */
  label: string[];
  /** Decayed engagement, as a share of all interests' (sums to 1). */
  score: number;
  /** Share of the last 14 days against the share before: > 1 rising, < 1 fading. */
  trend: number;
  sessions: number;
  apps: string[];
  places: string[];
  /** Hour of day (UTC) when this interest is most active. */
  peakHour: number;
}

export interface InterestProfile {
  events: number;
  rejectedLines: string[];
  sessions: number;
  vocabulary: number;
  days: number;
  interestsTried: { k: number; silhouette: number; inertia: number }[];
  interests: Interest[];
  /** Terms by decayed frequency, strongest first. */
  topTerms: { term: string; weight: number }[];
  averageDailySteps: number;
  mostActiveHour: number;
}

interface Settings {
  sessionGapMinutes: number;
  halfLifeDays: number;
  minInterests: number;
  maxInterests: number;
  restarts: number;
  seed: number;
}

export class ProfileBuilder {
  private readonly settings: Settings;

  constructor(options: ProfileOptions = {}) {
    this.settings = {
      sessionGapMinutes: options.sessionGapMinutes ?? 15,
      halfLifeDays: options.halfLifeDays ?? 14,
      minInterests: options.minInterests ?? 4,
      maxInterests: options.maxInterests ?? 12,
      restarts: options.restarts ?? 8,
      seed: options.seed ?? 1,
    };
  }

  describe(): Settings {
    return { ...this.settings };
  }

  /** The whole profile from the log's text. `now` defaults to the last event's time. */
  build(logText: string, now?: number): InterestProfile {
    const { events, rejected } = parseLog(logText);
    const tokenizer = new Tokenizer();
    const sessions = sessionize(events, tokenizer, this.settings.sessionGapMinutes * 60_000);
    const end = now ?? events[events.length - 1]?.time ?? 0;
    const start = events[0]?.time ?? end;

    const tfidf = new TfIdf(sessions.map((s) => s.terms), 2);
    const vectors = sessions.map((s) => tfidf.vector(s.terms));
    const { best, tried } = this.cluster(vectors);

    return {
      events: events.length,
      rejectedLines: rejected,
      sessions: sessions.length,
      vocabulary: tfidf.dimensions,
      days: dayIndex(end, start) + 1,
      interestsTried: tried,
      interests: best ? this.describeInterests(best, sessions, tfidf, end) : [],
      topTerms: this.topTerms(sessions, end),
      ...ProfileBuilder.routine(events, start),
    };
  }

  /** Best clustering (by silhouette) over the tried interest counts, each the best of its restarts. */
  private cluster(vectors: Float64Array[]): { best: Clustering | undefined; tried: InterestProfile['interestsTried'] } {
    const { minInterests, maxInterests, restarts, seed } = this.settings;
    const tried: InterestProfile['interestsTried'] = [];
    if (vectors.length < minInterests * 2) return { best: undefined, tried };
    const rng = new Rng(seed);
    const distances = distanceMatrix(vectors);
    let best: Clustering | undefined;
    let bestSilhouette = -Infinity;
    for (let k = minInterests; k <= Math.min(maxInterests, vectors.length - 1); k++) {
      let candidate: Clustering | undefined;
      for (let r = 0; r < restarts; r++) {
        const run = kMeans(vectors, k, rng);
        if (!candidate || run.inertia < candidate.inertia) candidate = run;
      }
      const score = silhouette(distances, candidate!);
      tried.push({ k, silhouette: round(score, 4), inertia: round(candidate!.inertia, 3) });
      if (score > bestSilhouette) {
        bestSilhouette = score;
        best = candidate;
      }
    }
    return { best, tried };
  }

  private describeInterests(clustering: Clustering, sessions: Session[], tfidf: TfIdf, now: number): Interest[] {
    const { halfLifeDays } = this.settings;
    const recentFrom = now - 14 * 86_400_000;
    const interests = clustering.centroids.map((centroid, c) => {
      const members = sessions.filter((_, i) => clustering.assignment[i] === c);
      const terms = [...centroid.keys()].sort((a, b) => centroid[b]! - centroid[a]!).map((i) => tfidf.vocabulary[i]!);
      const hours = new Array<number>(24).fill(0);
      let decayed = 0;
      let recent = 0;
      let earlier = 0;
      for (const s of members) {
        const engagement = Math.log1p(s.engagement);
        decayed += decayWeight(now - s.end, halfLifeDays) * engagement;
        if (s.start >= recentFrom) recent += engagement;
        else earlier += engagement;
        hours[new Date(s.start).getUTCHours()]! += 1;
      }
      return {
        label: terms.filter((t) => !t.startsWith('app:')).slice(0, 5),
        decayed,
        recent,
        earlier,
        sessions: members.length,
        apps: topCounts(members.flatMap((s) => s.terms.filter((t) => t.startsWith('app:')).map((t) => t.slice(4))), 3),
        places: topCounts(members.flatMap((s) => s.places), 2),
        peakHour: hours.indexOf(Math.max(...hours)),
      };
    });
    const totalDecayed = interests.reduce((sum, i) => sum + i.decayed, 0) || 1;
    const totalRecent = interests.reduce((sum, i) => sum + i.recent, 0) || 1;
    const totalEarlier = interests.reduce((sum, i) => sum + i.earlier, 0) || 1;
    return interests
      .map(({ decayed, recent, earlier, ...rest }) => ({
        ...rest,
        score: round(decayed / totalDecayed, 4),
        trend: round(earlier > 0 ? recent / totalRecent / (earlier / totalEarlier) : recent > 0 ? 99 : 1, 2),
      }))
      .sort((a, b) => b.score - a.score);
  }

  private topTerms(sessions: Session[], now: number): { term: string; weight: number }[] {
    const weights = new Map<string, number>();
    for (const s of sessions) {
      const w = decayWeight(now - s.end, this.settings.halfLifeDays);
      for (const term of s.terms) if (!term.startsWith('app:')) weights.set(term, (weights.get(term) ?? 0) + w);
    }
    return [...weights.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12)
      .map(([term, weight]) => ({ term, weight: round(weight, 2) }));
  }

  /** Daily steps and the busiest hour, from the step counter's readings. */
  static routine(events: ActivityEvent[], start: number): { averageDailySteps: number; mostActiveHour: number } {
    const perDay = new Map<number, number>();
    const perHour = new Array<number>(24).fill(0);
    for (const e of events) {
      if (e.kind !== 'steps') continue;
      const day = dayIndex(e.time, start);
      perDay.set(day, (perDay.get(day) ?? 0) + e.amount);
      perHour[new Date(e.time).getUTCHours()]! += e.amount;
    }
    const days = [...perDay.values()];
    return {
      averageDailySteps: days.length ? Math.round(days.reduce((a, b) => a + b, 0) / days.length) : 0,
      mostActiveHour: perHour.indexOf(Math.max(...perHour)),
    };
  }
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

function topCounts(values: string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([v]) => v);
}
