// The activity log and the saved profile live on the device's storage: the phone records what
// its user does and what its sensors read; nothing of it leaves the device unless migrated.

import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function readLog(path: string): string {
  return readFileSync(path, 'utf8');
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Saves the profile as JSON next to the app's other data on the device. */
export function saveProfile(path: string, profile: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(profile, null, 2) + '\n');
}
