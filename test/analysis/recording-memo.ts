import type { Sunk } from '../../src/analysis/callgraph/value-memo.js';

/**
 * Parameters met, as value following keeps them: each goes to the collection under way (`record`)
 * and to the walks around it, which capture what a computation met and replay it when its answer
 * is reused. Tests give names for parameters.
 */
export abstract class RecordingMemo {
  private sunk: Sunk[] | undefined;

  protected abstract record(name: string): void;

  meet(name: string): void {
    this.sunk?.push({ param: name, property: '' } as unknown as Sunk);
    this.record(name);
  }
  captured<T>(compute: () => T): { result: T; met: Sunk[] } {
    const outer = this.sunk;
    const met: Sunk[] = [];
    this.sunk = met;
    try {
      return { result: compute(), met };
    } finally {
      this.sunk = outer;
      outer?.push(...met);
    }
  }
  replay(met: readonly Sunk[]): void {
    for (const s of met) this.meet(s.param as unknown as string);
  }
}
