// Removes the run's temporary folder (see jest.config.js).
import { rmSync } from 'node:fs';

export default function teardown() {
  const dir = process.env.CLONECLOUD_TEST_TMP;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
