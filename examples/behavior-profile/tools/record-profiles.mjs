#!/usr/bin/env node
// Records this example's profiles with `clonecloud record` (see ../../tools/record-example.mjs):
//
//   node examples/behavior-profile/tools/record-profiles.mjs [--runs 3] [--max-load 2.5] [--max-wait 300]

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordExample } from '../../tools/record-example.mjs';

await recordExample({
  dir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  dataScript: 'tools/make-data.mjs',
  args: (app) => [`${app}/.data/activity.log`],
});
