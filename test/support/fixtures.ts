/** Loads the invented test datasets of test/fixtures. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset, Entity } from '../../src/core/model.js';
import { readDataset } from '../../src/interop/native/read-dataset.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const MINI = join(FIXTURES, 'mini.yaml');

export function loadMini(): Dataset {
  return readDataset(readFileSync(MINI, 'utf8'), { file: MINI, now: '2020-01-01T00:00:00Z' });
}

export function lookupOf(ds: Dataset): (id: string) => Entity | undefined {
  const m = new Map(ds.entities.map((e) => [e.id, e]));
  return (id) => m.get(id);
}
