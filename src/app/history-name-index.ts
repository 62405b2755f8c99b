/**
 * A name index for a store that keeps none itself (PostgreSQL, the shared mode): built in memory
 * from the store's names on the first search, then kept current from the store's history, which
 * every write appends to, whoever wrote it (another user, another server process). Before each
 * search the entries since the last one are read (one query, usually empty); the entities they
 * touched get their stored names again; an entry whose entities cannot be told (a reverted import)
 * or a long run of entries makes the index rebuild instead.
 */
import { NameIndex } from '../names/index.js';
import type { ChangeEntry, Repository } from '../store/repository.js';

/** Past this many history entries or touched entities since the last search, rebuild instead. */
const MAX_ENTRIES = 1000;
const MAX_ENTITIES = 20_000;

interface Kept {
  index: NameIndex;
  /** Id of the newest history entry the index reflects. */
  seen: number;
}

/**
 * The entities whose names these history entries may have changed; undefined when some entry
 * does not say (the index must then be rebuilt).
 */
export function entitiesTouched(entries: readonly ChangeEntry[]): Set<string> | undefined {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.targetKind === 'claim' || e.targetKind === 'source') continue;
    if (e.targetKind === 'entity') ids.add(e.targetId);
    else if (e.targetKind === 'dataset' && e.action === 'import') {
      const written = (e.after as { ids?: { entities?: unknown } } | null)?.ids?.entities;
      if (!Array.isArray(written)) return undefined;
      for (const id of written) if (typeof id === 'string') ids.add(id);
    } else return undefined;
  }
  return ids;
}

async function build(repo: Repository): Promise<Kept> {
  // The history id is read first: a write landing during the build is replayed on the next search.
  const seen = await repo.latestChangeId();
  const index = new NameIndex();
  for await (const n of repo.allNames()) index.add(n.entityId, n.name);
  return { index, seen };
}

async function refresh(repo: Repository, kept: Kept): Promise<Kept> {
  const entries = await repo.listChanges({ afterId: kept.seen, limit: MAX_ENTRIES });
  if (entries.length === 0) return kept;
  const touched = entitiesTouched(entries);
  if (!touched || entries.length === MAX_ENTRIES || touched.size > MAX_ENTITIES || kept.index.worthRebuilding) return build(repo);
  kept.index.replaceEntities(touched, await repo.getEntities([...touched]));
  kept.seen = entries.at(-1)!.id;
  return kept;
}

const kept = new WeakMap<Repository, Promise<Kept>>();

/** The store's name index, current as of the store's newest history entry. */
export async function historyNameIndex(repo: Repository): Promise<NameIndex> {
  // One chain per store, so concurrent searches neither build twice nor replay an entry twice.
  const next = (kept.get(repo) ?? build(repo)).then(
    (k) => refresh(repo, k),
    () => build(repo),
  );
  kept.set(repo, next);
  return (await next).index;
}
