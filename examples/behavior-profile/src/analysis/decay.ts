// Exponential decay of old activity: an interest shown `halfLifeDays` ago counts half.

const DAY_MS = 86_400_000;

export const decayWeight = (ageMs: number, halfLifeDays: number): number =>
  Math.pow(0.5, Math.max(0, ageMs) / (halfLifeDays * DAY_MS));

export function dayIndex(time: number, origin: number): number {
  return Math.floor((time - origin) / DAY_MS);
}
