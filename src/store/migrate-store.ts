/**
 * Moves a knowledge base from one store to another (SQLite file → PostgreSQL server, or any
 * other pair), losslessly and verifiably: the records (with their versions) and the audit
 * history are copied in one transaction on the target, and before it commits, both sides'
 * counts and the SHA-256 of their canonical JSON export must match, or nothing is written.
 */
import { createHash } from 'node:crypto';
import { IsnadError } from '../core/errors.js';
import { writeDataset } from '../interop/native/write-dataset.js';
import type { Repository, StoreCounts } from './repository.js';

export interface StoreFingerprint {
  readonly engine: 'sqlite' | 'postgres';
  readonly counts: StoreCounts;
  /** Entries in the audit history. */
  readonly changes: number;
  /** `sha256:<hex>` of the canonical JSON export (`isnad export --format json`). */
  readonly checksum: string;
}

export interface MigrationReport {
  readonly from: StoreFingerprint;
  readonly to: StoreFingerprint;
  /** History entries copied (the target then adds one more: the migration's own import). */
  readonly changesCopied: number;
}

/** Counts and checksum of a store's canonical export. */
export async function fingerprint(repo: Repository): Promise<StoreFingerprint> {
  const json = writeDataset(await repo.exportDataset(), 'json');
  let changes = 0;
  for (let after: number | undefined; ; ) {
    const page = await repo.listChanges({ afterId: after, limit: 1000 });
    changes += page.length;
    if (page.length < 1000) break;
    after = page[page.length - 1]!.id;
  }
  return { engine: repo.engine, counts: await repo.counts(), changes, checksum: `sha256:${createHash('sha256').update(json).digest('hex')}` };
}

/**
 * Copies everything in `from` into `to`, which must be empty. Throws (leaving `to` untouched)
 * when the target is not empty or when the copy does not verify.
 */
export async function migrateStore(from: Repository, to: Repository, opts: { actor?: string } = {}): Promise<MigrationReport> {
  const target = await to.counts();
  if (target.sources + target.entities + target.claims + target.perspectives + target.disputes > 0) {
    throw new IsnadError('conflict', `the target store is not empty (${target.entities} entities, ${target.claims} claims); migrate into an empty database`);
  }
  // Read the source in one transaction too, so it is one consistent snapshot.
  return from.transaction((src) => copyInto(src, to, opts.actor ?? `migrate from ${from.engine}`));
}

async function copyInto(from: Repository, to: Repository, actor: string): Promise<MigrationReport> {
  const source = await fingerprint(from);
  const dataset = await from.exportDataset();
  return to.transaction(async (tx) => {
    // History first, oldest first, renumbered; reverts follow their entries' new ids.
    const ids = new Map<number, number>();
    for (let after: number | undefined; ; ) {
      const page = await from.listChanges({ afterId: after, limit: 500 });
      for (const e of page) {
        const reverts = e.reverts === undefined ? undefined : ids.get(e.reverts);
        const [id] = await tx.importHistory([{ ...e, reverts }]);
        ids.set(e.id, id!);
      }
      if (page.length < 500) break;
      after = page[page.length - 1]!.id;
    }
    await tx.importDataset(dataset, { actor });
    const copied = await fingerprint(tx);
    const problems: string[] = [];
    if (copied.checksum !== source.checksum) problems.push(`checksum ${copied.checksum} ≠ ${source.checksum}`);
    if (JSON.stringify(copied.counts) !== JSON.stringify(source.counts)) problems.push(`counts ${JSON.stringify(copied.counts)} ≠ ${JSON.stringify(source.counts)}`);
    if (copied.changes !== source.changes + 1) problems.push(`history has ${copied.changes} entries, expected ${source.changes + 1}`);
    if (problems.length) throw new IsnadError('conflict', `migration did not verify, nothing was written: ${problems.join('; ')}`);
    return { from: source, to: copied, changesCopied: ids.size };
  });
}
