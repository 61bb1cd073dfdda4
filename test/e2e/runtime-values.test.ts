/**
 * The run-time end to end, for the values a call moves: class instances coming back (default
 * exported ones, and one whose class the point imports only as a type), an exception thrown on
 * the clone. Each fixture app runs all on the device and partitioned (real serve and run), and
 * the two runs must print the same bytes. (The calls' own forms: runtime-calls.test.ts.)
 */
import { describeMechanisms, type Mechanism } from '../helpers/mechanisms.js';

describeMechanisms([
  { fixture: 'runtime-class-return', point: 'src/shapes.ts#buildShape', migrated: 1, what: "class instances (and Map, Set, Date, typed arrays) coming back as the app's classes" },
  { fixture: 'runtime-exception', point: 'src/parse.ts#parseAll', migrated: 2, what: 'an exception thrown on the clone caught on the device, with its class, cause and fields' },
  { fixture: 'runtime-default-class', point: 'src/bag.ts#default.add', migrated: 2, what: 'instances of default-exported classes, named (returned) and anonymous (`this`)' },
  { fixture: 'runtime-type-only-import', point: 'src/route.ts#routeCost', migrated: 1, what: 'an instance of a class the migration point imports only as a type (its module is loaded on the clone when one comes)' },
] satisfies Mechanism[]);
