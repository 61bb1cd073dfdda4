/**
 * What the solver's deadlines are compared to: performance.now()'s milliseconds. Options take a
 * clock so that tests can say what time it is, instead of waiting for it.
 */
export type Clock = () => number;

export const wallClock: Clock = () => performance.now();
