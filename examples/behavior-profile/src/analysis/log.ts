// The activity log's format: one tab-separated event a line (see tools/make-data.mjs).

export type EventKind = 'view' | 'search' | 'purchase' | 'checkin' | 'steps';

export interface ActivityEvent {
  /** Milliseconds since the epoch. */
  time: number;
  kind: EventKind;
  app: string;
  /** Title, query, item or place: the words the profile is built from. */
  text: string;
  /** Seconds on the page (view), price (purchase), steps (steps); 0 otherwise. */
  amount: number;
}

export interface ParsedLog {
  events: ActivityEvent[];
  /** "line N: why" for each line that could not be read (kept out of the profile). */
  rejected: string[];
}

const KINDS = new Set<string>(['view', 'search', 'purchase', 'checkin', 'steps']);

export function parseLog(text: string): ParsedLog {
  const events: ActivityEvent[] = [];
  const rejected: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    const time = Date.parse(fields[0] ?? '');
    const kind = fields[1] ?? '';
    if (Number.isNaN(time)) {
      rejected.push(`line ${i + 1}: bad time`);
      continue;
    }
    if (!KINDS.has(kind)) {
      rejected.push(`line ${i + 1}: unknown event ${kind}`);
      continue;
    }
    const event = toEvent(time, kind as EventKind, fields.slice(2));
    if (event) events.push(event);
    else rejected.push(`line ${i + 1}: missing fields for ${kind}`);
  }
  events.sort((a, b) => a.time - b.time);
  return { events, rejected };
}

function toEvent(time: number, kind: EventKind, f: string[]): ActivityEvent | undefined {
  switch (kind) {
    case 'view':
      return f.length >= 3 ? { time, kind, app: f[0]!, amount: Number(f[1]) || 0, text: f[2]! } : undefined;
    case 'search':
      return f.length >= 2 ? { time, kind, app: f[0]!, amount: 0, text: f[1]! } : undefined;
    case 'purchase':
      return f.length >= 3 ? { time, kind, app: f[0]!, amount: Number(f[1]) || 0, text: f[2]! } : undefined;
    case 'checkin':
      return f.length >= 1 ? { time, kind, app: '', amount: 0, text: f[0]! } : undefined;
    case 'steps':
      return f.length >= 1 ? { time, kind, app: '', amount: Number(f[0]) || 0, text: '' } : undefined;
  }
}
