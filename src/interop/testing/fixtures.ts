/** Test helpers shared by the format tests: the invented mini dataset, read the native way. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../core/model.js';
import { readDataset } from '../native/read-dataset.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const MINI_PATH = join(ROOT, 'test', 'fixtures', 'mini.yaml');

/** test/fixtures/mini.yaml as a dataset (fixed `now`, so results are stable). */
export function mini(): Dataset {
  return readDataset(readFileSync(MINI_PATH, 'utf8'), { file: MINI_PATH, now: '2020-01-01T00:00:00Z' });
}
