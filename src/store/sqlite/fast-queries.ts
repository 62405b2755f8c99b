/**
 * The hot reads of the SQLite store as cached better-sqlite3 prepared statements: claims by
 * any `ClaimFilter` with their evidence and attribution fetched in one batch, entities by id
 * with their names, names by folded key, sources by id. Results are built by `rows.ts`, so
 * they are exactly what the generic Kysely path returns (`fast-queries.test.ts` checks it).
 */
import type Database from 'better-sqlite3';
import { inOrderAsked } from '../../core/collections.js';
import type { Claim, Dispute, Entity, EntityLabel, Source } from '../../core/model.js';
import type { ClaimFilter, ClaimReadFilter, NameHit, ReachOptions } from '../repository.js';
import { rowsToClaim, rowsToEntity, rowToSource } from '../rows.js';
import type { AttributionRow, ClaimRow, EntityRow, EvidenceRow, SourceRow } from '../schema.js';

/** Batches at or below this size are fetched row by row; bigger ones in one json_each join (faster from two rows on). */
const SMALL = 1;
const PREFIX_END = '\u{10FFFF}';

/**
 * Each claim's evidence and attribution as JSON arrays in its own row, so a read is one
 * statement however many claims it returns. Each item carries its `seq` and `rowsToClaim`
 * orders by it (an `order by` inside the aggregate would cost SQLite a sort per claim).
 */
const WITH_EVIDENCE = [
  `(select json_group_array(json_array(seq, source_id, quote, page, start_pos, end_pos, section)) from evidence where evidence.claim_id = claim.id) as evidence_json`,
  `(select json_group_array(json_array(seq, entity_id, source_id, via, date)) from attribution where attribution.claim_id = claim.id) as attribution_json`,
].join(', ');

interface Nested { evidence_json: string; attribution_json: string }

/** A claim from its row with the nested evidence and attribution of {@link WITH_EVIDENCE}. */
function claimOf(r: ClaimRow & Nested): Claim {
  const ev = (JSON.parse(r.evidence_json) as [number, string, string, string | null, number | null, number | null, string | null][]).map(
    ([seq, source_id, quote, page, start_pos, end_pos, section]): EvidenceRow => ({ claim_id: r.id, seq, source_id, quote, page, start_pos, end_pos, section }),
  );
  const at = (JSON.parse(r.attribution_json) as [number, string | null, string | null, string | null, string | null][]).map(
    ([seq, entity_id, source_id, via, date]): AttributionRow => ({ claim_id: r.id, seq, entity_id, source_id, via, date }),
  );
  return rowsToClaim(r, ev, at);
}

/** An entity's names as a JSON array in its row, so an entity is read in one statement. */
const WITH_NAMES = `(select json_group_array(json_array(seq, name, kind, lang, note, sources)) from entity_name n where n.entity_id = entity.id) as names_json`;

/** An entity from its row with the nested names of {@link WITH_NAMES}. */
function entityOf(r: EntityRow & { names_json: string }): Entity {
  const names = (JSON.parse(r.names_json) as [number, string, string, string | null, string | null, string][]).map(
    ([seq, name, kind, lang, note, sources]) => ({ seq, name, kind, lang, note, sources }),
  );
  return rowsToEntity(r, names);
}


export class FastQueries {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private readonly rowBuilders = new Map<string, (values: unknown[]) => unknown>();

  /**
   * All rows of a query as objects keyed by column, built here from better-sqlite3's raw arrays:
   * a third faster than its own row objects on the hot reads (fewer native property sets).
   */
  private rows<T>(sql: string, ...args: unknown[]): T[] {
    const s = this.stmt(sql);
    let build = this.rowBuilders.get(sql);
    if (!build) {
      const names = s.columns().map((c) => c.name);
      build = (values) => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) o[names[i]!] = values[i];
        return o;
      };
      this.rowBuilders.set(sql, build);
    }
    const raw = s.raw(true).all(...args) as unknown[][];
    s.raw(false);
    return raw.map(build) as T[];
  }

  /** Forgets prepared statements (after schema changes). */
  reset(): void {
    this.cache.clear();
    this.rowBuilders.clear();
  }

  // ---- entities ----

  /** As `KyselyRepository.getEntities`: unique ids, ordered as asked, missing ones left out. */
  entities(ids: readonly string[]): Entity[] {
    const unique = [...new Set(ids)];
    const rows =
      unique.length <= SMALL
        ? unique.flatMap((id) => this.rows<EntityRow & { names_json: string }>(`select entity.*, ${WITH_NAMES} from entity where id = ?`, id))
        : this.rows<EntityRow & { names_json: string }>(`select entity.*, ${WITH_NAMES} from entity where id in (select value from json_each(?))`, JSON.stringify(unique));
    const out = rows.map(entityOf);
    return out.length > 1 ? inOrderAsked(out, ids) : out;
  }

  /** Entities with ids after `afterId`, in id order, at most `limit`: a build reading them page by page. */
  entitiesAfter(afterId: string, limit: number): Entity[] {
    return this.rows<EntityRow & { names_json: string }>(`select entity.*, ${WITH_NAMES} from entity where id > ? order by id limit ?`, afterId, limit).map(entityOf);
  }

  labels(ids: readonly string[]): EntityLabel[] {
    if (ids.length === 0) return [];
    return this.rows<EntityLabel>('select entity.id, entity.type, entity.canonical from json_each(?) asked join entity on entity.id = asked.value order by asked.key', JSON.stringify([...new Set(ids)]));
  }

  findNames(foldedQuery: string, opts: { prefix?: boolean; limit?: number } = {}): NameHit[] {
    const rows = (opts.prefix
      ? this.stmt('select entity_id, name, kind from entity_name where folded >= ? and folded < ? order by folded, entity_id, seq limit ?').all(foldedQuery, foldedQuery + PREFIX_END, opts.limit ?? 100)
      : this.stmt('select entity_id, name, kind from entity_name where folded = ? order by folded, entity_id, seq limit ?').all(foldedQuery, opts.limit ?? 100)) as { entity_id: string; name: string; kind: string }[];
    return rows.map((r) => ({ entityId: r.entity_id, name: r.name, kind: r.kind }));
  }

  /** Every name with its entity id, in store order, for building a name index. */
  *allNames(): Iterable<{ entityId: string; name: string }> {
    for (const r of this.stmt('select entity_id, name from entity_name order by entity_id, seq').raw().iterate() as Iterable<[string, string]>) {
      yield { entityId: r[0], name: r[1] };
    }
  }

  source(id: string): Source | undefined {
    const r = this.stmt('select * from source where id = ?').get(id) as SourceRow | undefined;
    return r && rowToSource(r);
  }

  sources(ids: readonly string[]): Source[] {
    if (ids.length === 0) return [];
    return this.rows<SourceRow>('select source.* from json_each(?) asked join source on source.id = asked.value order by asked.key', JSON.stringify([...new Set(ids)])).map(rowToSource);
  }

  disputes(ids: readonly string[]): Dispute[] {
    if (ids.length === 0) return [];
    const rows = this.stmt('select id, question from dispute where id in (select value from json_each(?)) order by id').all(JSON.stringify([...ids])) as Dispute[];
    return rows.map((d) => ({ id: d.id, question: d.question }));
  }

  // ---- claims ----

  /**
   * As `KyselyRepository.reachable`, in one recursive statement: breadth first (SQLite's queue
   * order), each node once, at most `maxNodes + 1` of them.
   */
  reachable(start: string, opts: ReachOptions): string[] {
    const step = (to: 'object_id' | 'subject_id', from: 'object_id' | 'subject_id') =>
      `select c.${to} from reach r join claim c on c.${from} = r.id${opts.type ? ` join entity t on t.id = c.${to} and t.type = ?` : ''}
       where c.object_id is not null and +c.predicate in (select value from json_each(?)) and +c.status in (select value from json_each(?))`;
    const sql = `with recursive reach(id) as (select ? union ${step('object_id', 'subject_id')} union ${step('subject_id', 'object_id')} limit ?) select id from reach`;
    const preds = JSON.stringify(opts.predicates);
    const statuses = JSON.stringify(opts.statuses);
    const one = [...(opts.type ? [opts.type] : []), preds, statuses];
    return this.stmt(sql).pluck().all(start, ...one, ...one, opts.maxNodes + 1) as string[];
  }

  /** As `KyselyRepository.listClaims` for every filter it takes: ordered by id, hydrated. */
  claims(f: ClaimReadFilter): Claim[] {
    const where: string[] = [];
    const args: unknown[] = [];
    const list = (col: string, xs: readonly string[], indexed: boolean) => {
      const c = indexed ? col : `+${col}`;
      if (xs.length === 1) {
        where.push(`${c} = ?`);
        args.push(xs[0]);
      } else {
        where.push(`${c} in (select value from json_each(?))`);
        args.push(JSON.stringify(xs));
      }
    };
    if (f.ids) {
      if (f.ids.length === 0) return [];
      list('id', f.ids, true);
    }
    if (f.entities?.length) {
      if (f.entities.length === 1) {
        where.push('(subject_id = ? or object_id = ?)');
        args.push(f.entities[0], f.entities[0]);
      } else {
        const json = JSON.stringify(f.entities);
        where.push('(subject_id in (select value from json_each(?)) or object_id in (select value from json_each(?)))');
        args.push(json, json);
      }
    }
    if (f.subject) {
      where.push('subject_id = ?');
      args.push(f.subject);
    }
    if (f.subjects) {
      if (f.subjects.length === 0) return [];
      list('subject_id', f.subjects, true);
    }
    if (f.objects) {
      if (f.objects.length === 0) return [];
      list('object_id', f.objects, true);
    }
    if (f.object) {
      where.push('object_id = ?');
      args.push(f.object);
    }
    if (f.predicates?.length) list('predicate', f.predicates, false);
    if (f.statuses?.length) list('status', f.statuses, false);
    if (f.claimants?.length) list('claimant_id', f.claimants, true);
    if (f.dispute) {
      where.push('dispute_id = ?');
      args.push(f.dispute);
    }
    if (f.source) {
      where.push('exists (select 1 from evidence e where e.claim_id = claim.id and e.source_id = ?)');
      args.push(f.source);
    }
    if (f.contested) where.push("(dispute_id is not null or exists (select 1 from claim other where other.proposition = claim.proposition and other.stance <> claim.stance and other.status <> 'rejected'))");
    if (f.fromDay !== undefined || f.toDay !== undefined) {
      // Undated claims have no day bounds, so with includeUndated the bounds alone decide (and the read indexes can).
      const bounds = f.includeUndated ? [] : ['time is not null'];
      if (f.fromDay !== undefined) {
        bounds.push('(t_hi is null or t_hi >= ?)');
        args.push(f.fromDay);
      }
      if (f.toDay !== undefined) {
        bounds.push('(t_lo is null or t_lo <= ?)');
        args.push(f.toDay);
      }
      where.push(bounds.join(' and '));
    }
    let sql = `select claim.*, ${WITH_EVIDENCE} from claim${where.length ? ` where ${where.join(' and ')}` : ''} order by id`;
    if (f.limit !== undefined) {
      sql += ' limit ? offset ?';
      args.push(f.limit, f.offset ?? 0);
    }
    return this.rows<ClaimRow & Nested>(sql, ...args).map(claimOf);
  }
}
