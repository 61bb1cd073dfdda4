/**
 * How deep questions may nest one inside another (a chain through callers' arguments, returns
 * and literals' members), counting each question refused at the limit: a refused question is a
 * cut, as a cycle's is, so no walk keeps an answer built on one.
 */
export class NestingLimit {
  private depth = 0;
  /** Questions refused at the limit. */
  cuts = 0;

  constructor(private readonly max: number) {}

  /** `compute()` one level deeper; undefined (refused, counted) once the limit is reached. */
  within<T>(compute: () => T): T | undefined {
    if (this.depth >= this.max) {
      this.cuts++;
      return undefined;
    }
    this.depth++;
    try {
      return compute();
    } finally {
      this.depth--;
    }
  }
}
