/**
 * V8's cumulative inlining budget in traced processes. Each traced function carries the
 * recorder's enter and exit, some 290 bytecodes once inlined into it; under V8's default budget
 * (920 bytecodes per optimized function) the compiler then inlined traced functions into each
 * other, recorder code and all, and that ran slower than calling them. Measured on Node 20
 * (2-core EPYC, 7 interleaved runs, CPU time of the traced program): test/fixtures/record-calls
 * 20% less at 500 than at 920 (25% at 250), test/fixtures/record-hot 8% less at 500 (4% more at
 * 250: its hot callee must still inline into its loop); untraced, both ran no slower at 500.
 * A budget the command sets itself is left as it is. It is set when the first instrumented module
 * registers, not at start-up: a V8 flag changed before Node has loaded its own modules (and
 * started the loader thread) cost 45 ms more CPU per traced process (apparently Node's code cache
 * for its own modules is made for the default flags); set this late, a traced process that makes
 * no calls took 242 ms of CPU against 238 for the previous build (medians of 11 interleaved runs).
 */
import { setFlagsFromString } from 'node:v8';

export const INLINE_BUDGET = 500;
const NAME = 'max-inlined-bytecode-size-cumulative';

/** The V8 option, as `node` takes it on its command line. */
export const inliningFlag = (): string => `--${NAME}=${INLINE_BUDGET}`;

/** Whether these options (a command line, NODE_OPTIONS) set the budget (V8 takes `_` for `-`). */
export const setsBudget = (options: string[]): boolean => options.some((a) => a.replaceAll('_', '-').includes(NAME));

/** Sets the budget in this process, unless its command line or NODE_OPTIONS set one. */
export function limitInlining(): void {
  if (!setsBudget([...process.execArgv, process.env.NODE_OPTIONS ?? ''])) setFlagsFromString(inliningFlag());
}
