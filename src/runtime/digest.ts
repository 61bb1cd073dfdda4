/**
 * The build's digest, which both sides compute over their own files: a clone running another
 * build than the device's would answer for other code. Every JavaScript file under the build
 * folder counts (node_modules and hidden folders aside), by path and content.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const CODE = /\.(?:[cm]?js)$/;

export function buildDigest(buildDir: string): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (entry.isFile() && CODE.test(entry.name)) files.push(join(dir, entry.name));
    }
  };
  walk(buildDir);
  const hash = createHash('sha256');
  for (const file of files.map((f) => relative(buildDir, f).split(sep).join('/')).sort()) {
    hash.update(`${file}\0${createHash('sha256').update(readFileSync(join(buildDir, file))).digest('hex')}\n`);
  }
  return hash.digest('hex');
}
