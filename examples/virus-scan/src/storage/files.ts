// Device storage: the files to scan and the signature database live on the device.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Regular files under `dir`, recursively, in a stable (sorted) order. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** The whole file, as a plain Uint8Array (not a Buffer). */
export function readBytes(path: string): Uint8Array {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
