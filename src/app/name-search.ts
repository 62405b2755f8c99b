/**
 * Transliteration-aware name search over a store: the names module's blocking index (the
 * engine's own when it keeps one, as SQLite does; else one kept current from the store's
 * history, `history-name-index.ts`), ranked with reasons; exact and prefix matches of the folded
 * name fill in for partial queries the matcher cannot score.
 */
import type { Entity } from '../core/model.js';
import { basicFold } from '../core/text.js';
import type { NameIndex } from '../names/index.js';
import type { Repository } from '../store/repository.js';
import { historyNameIndex } from './history-name-index.js';
import type { NameSearcher, SearchHit } from './knowledge-base.js';

interface WithNameIndex {
  nameIndex(): NameIndex;
}

const hasIndex = (repo: unknown): repo is WithNameIndex => typeof (repo as Partial<WithNameIndex>).nameIndex === 'function';

async function indexFor(repo: Repository): Promise<NameIndex> {
  return hasIndex(repo) ? repo.nameIndex() : historyNameIndex(repo);
}

const DECISION_SCORE = { same: 1, undecided: 0.5, different: 0 } as const;

/** A searcher for the store; `entity` loads entities (cached by the caller). */
export function nameSearcher(repo: Repository, entity: (id: string) => Promise<Entity | undefined>): NameSearcher {
  return {
    async search(query: string, limit: number): Promise<SearchHit[]> {
      const index = await indexFor(repo);
      const hits = new Map<string, SearchHit>();
      for (const r of index.lookup(query, { limit: limit * 2 })) {
        const e = await entity(r.entityId);
        if (!e) continue;
        const why = r.decision === 'same' ? 'same name' : 'shares name parts, not enough to say it is the same';
        hits.set(e.id, { entity: e, matchedName: r.name, score: Math.min(1, 0.5 * DECISION_SCORE[r.decision] + 0.5 * r.score), reasons: [why, ...r.reasons] });
      }
      const folded = basicFold(query);
      const exact = await repo.findNames(folded, { limit: 100 });
      const prefix = await repo.findNames(folded, { prefix: true, limit: 100 });
      for (const [list, score, why] of [[exact, 1, 'exact name (case and diacritics ignored)'], [prefix, 0.55, 'a name starts with the query']] as const) {
        for (const h of list) {
          const prev = hits.get(h.entityId);
          if (prev && prev.score >= score) continue;
          const e = await entity(h.entityId);
          if (e) hits.set(e.id, { entity: e, matchedName: h.name, score, reasons: [why, ...(prev?.reasons.slice(1) ?? [])] });
        }
      }
      return [...hits.values()].sort((a, b) => b.score - a.score || a.entity.canonical.localeCompare(b.entity.canonical)).slice(0, limit);
    },
  };
}

/** What {@link indexSearcher} needs of a name index (the names module's `NameIndex`). */
export interface NameLookup {
  lookup(name: string, opts?: { limit?: number }): readonly { readonly entityId: string; readonly name: string; readonly score: number; readonly reasons: readonly string[] }[];
}

/**
 * A transliteration-aware {@link NameSearcher} over a name index, e.g. the SQLite store's
 * lazily built one: `new KnowledgeBase(repo, indexSearcher(repo, () => repo.nameIndex()))`.
 */
export function indexSearcher(repo: Repository, index: () => NameLookup): NameSearcher {
  return {
    async search(query: string, limit: number): Promise<SearchHit[]> {
      const found = index().lookup(query, { limit });
      const entities = new Map((await repo.getEntities(found.map((f) => f.entityId))).map((e) => [e.id, e]));
      return found.flatMap((f) => {
        const entity = entities.get(f.entityId);
        return entity ? [{ entity, matchedName: f.name, score: f.score, reasons: f.reasons }] : [];
      });
    },
  };
}
