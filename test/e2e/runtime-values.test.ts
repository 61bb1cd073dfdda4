/**
 * The run-time end to end, for the values a call moves: class instances coming back, an
 * exception thrown on the clone, console output, a call made after an await. Each fixture app
 * runs all on the device and partitioned (real serve and run), and the two runs must print the
 * same bytes.
 */
import { describeMechanisms, type Mechanism } from '../helpers/mechanisms.js';

describeMechanisms([
  { fixture: 'runtime-class-return', point: 'src/shapes.ts#buildShape', migrated: 1, what: "class instances (and Map, Set, Date, typed arrays) coming back as the app's classes" },
  { fixture: 'runtime-exception', point: 'src/parse.ts#parseAll', migrated: 2, what: 'an exception thrown on the clone caught on the device, with its class, cause and fields' },
  { fixture: 'runtime-console', point: 'src/crunch.ts#crunch', migrated: 1, what: 'console output under a migrated call, in order' },
  { fixture: 'runtime-async', point: 'src/stats.ts#crunch', migrated: 1, what: 'a synchronous migration point called after an await (the async function calling it is no point)' },
  { fixture: 'runtime-default-class', point: 'src/bag.ts#default.add', migrated: 2, what: 'instances of default-exported classes, named (returned) and anonymous (`this`)' },
  { fixture: 'runtime-default-params', point: 'src/ids.ts#tag', migrated: 3, what: 'a parameter default with effects (`id = nextId++`) runs once, on the device' },
  { fixture: 'runtime-unused-this', point: 'src/tally.ts#makeTally.add', migrated: 3, what: "an object literal's method that never says `this` (its object, which holds functions, stays home)" },
  { fixture: 'runtime-type-only-import', point: 'src/route.ts#routeCost', migrated: 1, what: 'an instance of a class the migration point imports only as a type (its module is loaded on the clone when one comes)' },
] satisfies Mechanism[]);
