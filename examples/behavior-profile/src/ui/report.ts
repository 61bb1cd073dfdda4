// Terminal UI: the interests found, strongest first, with what the user does around them.

import type { InterestProfile } from '../analysis/profile.js';

const bar = (share: number): string => '#'.repeat(Math.max(1, Math.round(share * 40)));

const trendWord = (trend: number): string => (trend >= 1.5 ? 'rising' : trend <= 0.67 ? 'fading' : 'steady');

export class ProfileReport {
  constructor(private readonly quiet = false) {}

  reading(path: string, bytes: number): void {
    if (!this.quiet) process.stdout.write(`reading ${path} (${(bytes / 1024).toFixed(1)} KiB)...\n`);
  }

  show(profile: InterestProfile, elapsedMs: number | undefined): void {
    if (this.quiet) return;
    const out: string[] = [];
    out.push(
      `${profile.events} events over ${profile.days} days, ${profile.sessions} sessions, ` +
        `${profile.vocabulary} terms; profile built${elapsedMs === undefined ? '' : ` in ${elapsedMs.toFixed(0)} ms`}`,
    );
    const best = profile.interestsTried.reduce(
      (a, b) => (b.silhouette > a.silhouette ? b : a),
      profile.interestsTried[0] ?? { k: 0, silhouette: 0, inertia: 0 },
    );
    out.push(`interests: ${best.k} (silhouette ${best.silhouette.toFixed(3)}, tried ${profile.interestsTried.map((t) => t.k).join(',')})`);
    profile.interests.forEach((interest, i) => {
      out.push(
        `${String(i + 1).padStart(2)}. ${interest.label.join(' ').padEnd(40)} ${(interest.score * 100).toFixed(1).padStart(5)}% ` +
          `${bar(interest.score)} ${trendWord(interest.trend)} (x${interest.trend})`,
      );
      const where = interest.places.length ? `; at ${interest.places.join(', ')}` : '';
      out.push(`    ${interest.sessions} sessions, apps ${interest.apps.join(', ')}, around ${interest.peakHour}:00${where}`);
    });
    out.push(`recent terms: ${profile.topTerms.map((t) => t.term).join(', ')}`);
    out.push(`activity: ${profile.averageDailySteps} steps a day, busiest at ${profile.mostActiveHour}:00`);
    if (profile.rejectedLines.length) out.push(`skipped ${profile.rejectedLines.length} unreadable line(s), first: ${profile.rejectedLines[0]}`);
    process.stdout.write(out.join('\n') + '\n');
  }

  saved(path: string): void {
    if (!this.quiet) process.stdout.write(`saved to ${path}\n`);
  }

  error(message: string): void {
    process.stderr.write(`behavior-profile: ${message}\n`);
  }
}
