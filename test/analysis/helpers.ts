import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalog } from '../../src/analysis/catalog.js';
import type { PlatformCatalog } from '../../src/analysis/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string): string => join(here, '..', 'fixtures', name);

export function bundledCatalog(name: 'browser' | 'node-device' | 'react-native'): PlatformCatalog {
  const file = join(here, '..', '..', 'profiles', 'platforms', `${name}.yaml`);
  return parseCatalog(readFileSync(file, 'utf8'), `profiles/platforms/${name}.yaml`);
}
