/**
 * A process that starts a large bulk import into PostgreSQL and stalls halfway, for a test to
 * kill: it opens the store at argv[2], imports a generated knowledge base's entities and then
 * its claims in chunks (indexes and foreign keys dropped for the rebuild), and when the import
 * asks for the third chunk (the first two written inside the open transaction) prints
 * `stalled` and blocks until it is killed.
 */
import { generateDataset } from '../../bench/generate/kb.js';
import type { Dataset } from '../../src/core/model.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.js';

const url = process.argv[2];
if (!url) throw new Error('usage: bulk-import-child.ts POSTGRES_URL');
const generated = generateDataset('tiny', 42);
const repo = await openPostgresStore({ url, applicationName: 'isnad-bulk-import-child' });
repo.rebuildIndexesAt = 1;

function* chunks(): Generator<Dataset> {
  yield { ...generated, claims: [], disputes: [] };
  yield { sources: [], entities: [], perspectives: [], disputes: generated.disputes, claims: generated.claims.slice(0, 1000) };
  process.stdout.write('stalled\n');
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(sleeper, 0, 0, 60_000);
}

await repo.importMany(chunks(), { actor: 'killed', claims: generated.claims.length });
