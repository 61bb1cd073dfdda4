// Sessions: runs of events with no pause longer than the gap. Each session becomes one
// document (its words, its apps, its places) for TF-IDF and clustering.

import type { ActivityEvent } from './log.js';
import type { Tokenizer } from './text.js';

export interface Session {
  start: number;
  end: number;
  events: number;
  /** Seconds of reading/watching plus one minute per other event: how engaged the user was. */
  engagement: number;
  terms: string[];
  places: string[];
}

export function sessionize(events: ActivityEvent[], tokenizer: Tokenizer, gapMs: number): Session[] {
  const sessions: Session[] = [];
  let current: Session | undefined;
  for (const event of events) {
    if (event.kind === 'steps') continue; // sensor readings are not activity
    if (!current || event.time - current.end > gapMs) {
      current = { start: event.time, end: event.time, events: 0, engagement: 0, terms: [], places: [] };
      sessions.push(current);
    }
    current.end = event.time;
    current.events++;
    current.engagement += event.kind === 'view' ? event.amount : 60;
    if (event.kind === 'checkin') {
      current.places.push(event.text);
      current.terms.push(...tokenizer.tokens(event.text));
    } else {
      current.terms.push(...tokenizer.tokens(event.text));
      // Searches and purchases say more about intent than views: count their words twice.
      if (event.kind !== 'view') current.terms.push(...tokenizer.tokens(event.text));
      if (event.app) current.terms.push(`app:${event.app}`);
    }
  }
  return sessions;
}
