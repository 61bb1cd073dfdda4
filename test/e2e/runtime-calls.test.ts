/**
 * The run-time end to end, for the forms of a call: console output under it, a call made after
 * an await, a parameter default with effects, destructured parameters, an object literal's method. Each fixture app runs
 * all on the device and partitioned (real serve and run), and the two runs must print the same
 * bytes. (Split from runtime-values.test.ts so that the two run side by side.)
 */
import { describeMechanisms, type Mechanism } from '../helpers/mechanisms.js';

describeMechanisms([
  { fixture: 'runtime-console', point: 'src/crunch.ts#crunch', migrated: 1, what: 'console output under a migrated call, in order' },
  { fixture: 'runtime-async', point: 'src/stats.ts#crunch', migrated: 1, what: 'a synchronous migration point called after an await (the async function calling it is no point)' },
  { fixture: 'runtime-default-params', point: 'src/ids.ts#tag', migrated: 3, what: 'a parameter default with effects (`id = nextId++`) runs once, on the device' },
  // labels.<anonymous 1> migrates too (same output): its destructured default with an effect runs once, on the device.
  { fixture: 'runtime-destructured-params', point: 'src/rows.ts#totals.<anonymous 1>', migrated: 3, what: "an arrow's destructured parameters, sent rebuilt from the names they bound" },
  { fixture: 'runtime-unused-this', point: 'src/tally.ts#makeTally.add', migrated: 3, what: "an object literal's method that never says `this` (its object, which holds functions, stays home)" },
] satisfies Mechanism[]);
