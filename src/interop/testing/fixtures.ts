/** Test helpers shared by the format tests: the invented mini dataset, read the native way. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset, Entity } from '../../core/model.js';
import { readDataset } from '../native/read-dataset.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const MINI_PATH = join(ROOT, 'test', 'fixtures', 'mini.yaml');

/** test/fixtures/mini.yaml as a dataset (fixed `now`, so results are stable). */
export function mini(): Dataset {
  return readDataset(readFileSync(MINI_PATH, 'utf8'), { file: MINI_PATH, now: '2020-01-01T00:00:00Z' });
}

/** A person known by these names (the first is the canonical one), for tests about names. */
export function person(id: string, ...names: string[]): Entity {
  return { id, type: 'person', canonical: names[0]!, names: names.map((name) => ({ name, kind: 'alias', sources: [] })) };
}

/** A dataset of these entities and nothing else. */
export function entitiesOnly(entities: Entity[]): Dataset {
  return { sources: [], entities, claims: [], perspectives: [], disputes: [] };
}
