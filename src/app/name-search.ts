/**
 * Transliteration-aware name search over a store: the names module's blocking index (the
 * store's own when it keeps one, as SQLite and PostgreSQL's read model do; else one kept
 * current from the store's history, `history-name-index.ts`), ranked with reasons; exact and prefix matches of the folded
 * name fill in for partial queries the matcher cannot score.
 */
import type { Entity } from '../core/model.js';
import { basicFold } from '../core/text.js';
import type { NameIndex } from '../names/index.js';
import type { Repository } from '../store/repository.js';
import { historyNameIndex } from './history-name-index.js';
import type { NameSearcher, SearchHit } from './knowledge-base.js';

/** A store that keeps a name index of its own (SQLite's; PostgreSQL's read model), undefined when it has none at hand. */
interface WithNameIndex {
  nameIndex(): NameIndex | undefined | Promise<NameIndex | undefined>;
}

const hasIndex = (repo: unknown): repo is WithNameIndex => typeof (repo as Partial<WithNameIndex>).nameIndex === 'function';

async function indexFor(repo: Repository): Promise<NameIndex> {
  return (hasIndex(repo) ? await repo.nameIndex() : undefined) ?? historyNameIndex(repo);
}

const DECISION_SCORE = { same: 1, undecided: 0.5, different: 0 } as const;

/**
 * A searcher for the store: name-index matches, then exact and prefix matches of the folded
 * name, with every entity they name loaded in one call of `load` (one by one, each would be a
 * round trip on PostgreSQL); the knowledge base passes its own loader, which keeps them.
 */
export function nameSearcher(repo: Repository, load: (ids: readonly string[]) => Promise<Entity[]> = (ids) => repo.getEntities(ids)): NameSearcher {
  return {
    async search(query: string, limit: number): Promise<SearchHit[]> {
      const index = await indexFor(repo);
      const folded = basicFold(query);
      const [exact, prefix] = await Promise.all([repo.findNames(folded, { limit: 100 }), repo.findNames(folded, { prefix: true, limit: 100 })]);
      const hits = new Map<string, Omit<SearchHit, 'entity'>>();
      for (const r of index.lookup(query, { limit: limit * 2 })) {
        const why = r.decision === 'same' ? 'same name' : 'shares name parts, not enough to say it is the same';
        hits.set(r.entityId, { matchedName: r.name, score: Math.min(1, 0.5 * DECISION_SCORE[r.decision] + 0.5 * r.score), reasons: [why, ...r.reasons] });
      }
      for (const [list, score, why] of [[exact, 1, 'exact name (case and diacritics ignored)'], [prefix, 0.55, 'a name starts with the query']] as const) {
        for (const h of list) {
          const prev = hits.get(h.entityId);
          if (prev && prev.score >= score) continue;
          hits.set(h.entityId, { matchedName: h.name, score, reasons: [why, ...(prev?.reasons.slice(1) ?? [])] });
        }
      }
      // Ranked before loading (equal scores by the name that matched), so only the entities
      // shown are loaded: a short query can match hundreds of names by prefix.
      const ranked = [...hits.entries()].sort(([ia, a], [ib, b]) => b.score - a.score || a.matchedName.localeCompare(b.matchedName) || (ia < ib ? -1 : ia > ib ? 1 : 0));
      const out: SearchHit[] = [];
      // A hit whose entity is gone (deleted since the index last saw it) gives its place to the next.
      for (let next = 0; out.length < limit && next < ranked.length; ) {
        const page = ranked.slice(next, next + limit - out.length);
        next += page.length;
        const entities = new Map((await load(page.map(([id]) => id))).map((e) => [e.id, e]));
        for (const [id, hit] of page) {
          const entity = entities.get(id);
          if (entity) out.push({ entity, ...hit });
        }
      }
      return out;
    },
  };
}
