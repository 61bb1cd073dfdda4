/**
 * Bad input from the user (files, flags, config). The CLI prints `message` as one line and
 * exits 2. `where` is "file:line" or "file" when known, `field` the offending key path.
 */
export class InputError extends Error {
  constructor(
    readonly what: string,
    readonly where?: string,
    readonly field?: string,
  ) {
    // An empty path is shown as '' (it is what the user gave), never left out.
    super([where === '' ? "''" : where, field ? `field '${field}'` : undefined, what].filter((p) => p !== undefined && p !== '').join(': '));
    this.name = 'InputError';
  }
}

/**
 * A command that ran correctly and found a problem it reports itself (a stale manifest):
 * the CLI exits 1 without printing anything more.
 */
export class CheckFailed extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'CheckFailed';
  }
}

/** The program a command ran (`clonecloud run -- ...`) ended with this code: the CLI exits with it too. */
export class ProgramExit extends Error {
  constructor(readonly code: number) {
    super(`the program exited with code ${code}`);
    this.name = 'ProgramExit';
  }
}
