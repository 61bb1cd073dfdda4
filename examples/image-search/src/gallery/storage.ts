// The gallery: pictures on the device's storage (what a phone's camera roll is to the app).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const IMAGE_EXTENSIONS = ['.pgm'];

/** Image files under `dir`, recursively, in a stable (sorted) order. */
export function listImages(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listImages(path));
    else if (entry.isFile() && IMAGE_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) found.push(path);
  }
  return found;
}

/** The whole file, as a plain Uint8Array (not a Buffer). */
export function readImage(path: string): Uint8Array {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A JSON side file of the gallery (e.g. its ground truth), or undefined when there is none. */
export function readJsonIfPresent(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
