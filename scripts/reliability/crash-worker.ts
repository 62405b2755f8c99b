/**
 * The process crash.ts kills. It opens the store the way `isnad serve` does, builds the HTTP
 * app over it, and at the same time (1) imports document files one after another the way
 * `isnad import` does (read + validate, then one `importDataset` transaction per file) and
 * (2) edits claims through the API (`GET /api/claims/:id`, then `PATCH` its note or
 * `POST …/accept|reject` with the version it read). After each commit it prints one line:
 *
 *   ACK doc <sourceId> <claims>
 *   ACK edit <claimId> <version> <status> <note as JSON>
 *
 * stdout is a pipe, written synchronously on Linux, so a printed line was acknowledged before
 * any later kill. Usage: crash-worker.ts DB DOCS_DIR EDIT_CLAIM_IDS(comma-separated) SEED
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../../src/interop/native/read-dataset.js';
import { openStore } from '../../src/store/open-store.js';
import { createApp } from '../../src/server/app.js';
import { seeded } from './common.js';

const [db, docsDir, claimList, seedText] = process.argv.slice(2);
if (!db || !docsDir || !claimList) {
  process.stderr.write('usage: crash-worker.ts DB DOCS_DIR CLAIM_IDS SEED\n');
  process.exit(2);
}
const rand = seeded(Number(seedText ?? '1'));
const repo = await openStore(db);
const app = createApp({ repo, log: (e) => process.stderr.write(`server error: ${String(e)}\n`) });
const say = (line: string) => process.stdout.write(line + '\n');
say('READY');

let importing = true;
async function importAll(): Promise<void> {
  const files = readdirSync(docsDir!).filter((f) => f.endsWith('.yaml')).sort();
  for (const f of files) {
    const file = join(docsDir!, f);
    const ds = readDataset(readFileSync(file, 'utf8'), { file });
    const summary = await repo.importDataset(ds, { actor: 'crash-import' });
    say(`ACK doc ${ds.sources[0]!.id} ${summary.claims}`);
    // SQLite writes are synchronous: leave the edits room between documents.
    await new Promise((r) => setTimeout(r, 25));
  }
  importing = false;
}

async function editLoop(): Promise<void> {
  const ids = claimList!.split(',');
  let n = 0;
  // Keep editing while the import runs, and a little after, so kills land on either.
  let after = 20;
  while (importing || after-- > 0) {
    const id = ids[Math.floor(rand() * ids.length)]!;
    const got = await app.request(`/api/claims/${encodeURIComponent(id)}`);
    if (got.status !== 200) throw new Error(`GET claim ${id}: ${got.status}`);
    const claim = (await got.json()) as { version: number; status: string };
    let res: Response;
    if (rand() < 0.5) {
      const note = `crash-edit-${process.pid}-${++n}`;
      res = await app.request(`/api/claims/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note, expectedVersion: claim.version }) });
    } else {
      const action = claim.status === 'accepted' ? 'reject' : 'accept';
      res = await app.request(`/api/claims/${encodeURIComponent(id)}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expectedVersion: claim.version }) });
    }
    if (res.status !== 200) throw new Error(`edit ${id}: ${res.status} ${await res.text()}`);
    const saved = (await res.json()) as { version: number; status: string; note?: string };
    say(`ACK edit ${id} ${saved.version} ${saved.status} ${JSON.stringify(saved.note ?? null)}`);
    // Let the import's awaits interleave with the edits.
    await new Promise((r) => setImmediate(r));
  }
}

await Promise.all([importAll(), editLoop()]);
say('DONE');
await repo.close();
