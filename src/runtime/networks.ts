/** The bundled network profiles (profiles/networks/*.yaml), for `--network auto` and `serve --emulate-network`. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNetwork, type Network } from '../model/environment.js';

const NETWORKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'profiles', 'networks');

export function bundledNetworks(): Network[] {
  return readdirSync(NETWORKS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseNetwork(readFileSync(join(NETWORKS_DIR, f), 'utf8'), `profiles/networks/${f}`));
}
