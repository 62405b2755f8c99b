/**
 * Ingesting a document: extraction's entities and claims become a dataset of one source, new
 * entities and candidate claims (each with its evidence span), written in one transaction. The
 * same text twice adds nothing (content hash). Nothing counts until a reviewer accepts it.
 */
import { createHash } from 'node:crypto';
import type { Claim, Dataset, Entity, Name, Source, SourceKind } from '../core/model.js';
import { IsnadError } from '../core/errors.js';
import { isValidTime } from '../core/time.js';
import { PREDICATES, type EntityType, type NameKind } from '../core/vocabulary.js';
import { extractDocument, ExtractError, type ExtractResult, type KnownEntity } from '../extract/index.js';
import { parseName } from '../names/index.js';
import type { ImportSummary, Repository } from '../store/repository.js';

export interface SourceMeta {
  readonly title?: string;
  readonly author?: string;
  readonly date?: string;
  readonly url?: string;
  readonly kind?: SourceKind;
}

export type IngestOutcome =
  | { readonly status: 'ingested'; readonly file: string; readonly source: string; readonly summary: ImportSummary; readonly skipped: readonly string[] }
  | { readonly status: 'unchanged'; readonly file: string; readonly source: string };

const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'x';

/** A name's kind, as far as its form tells: acronym, kunya, nisba-only, else alias. */
export function guessNameKind(name: string, type: EntityType): NameKind {
  if (/^[A-Z]{2,6}$/.test(name)) return 'acronym';
  if (type !== 'person') return 'alias';
  const p = parseName(name);
  if (p.kunya && !p.ism) return 'kunya';
  if (!p.ism && !p.kunya && p.nisbas.length === 1 && p.nasab.length === 0) return 'short_form';
  return 'alias';
}

/** The entities of the store as link targets for warm extraction. */
export async function knownEntities(repo: Repository): Promise<KnownEntity[]> {
  const out: KnownEntity[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await repo.listEntities({ limit: 1000, offset });
    for (const e of page) out.push({ id: e.id, type: e.type, names: [e.canonical, ...e.names.map((n) => n.name)] });
    if (page.length < 1000) return out;
  }
}

/** Builds the dataset one extracted document adds to the store. Claims that break the vocabulary's type rules are left out and named. */
export async function datasetFromExtraction(
  repo: Repository,
  r: ExtractResult & { text: string },
  file: string,
  meta: SourceMeta,
  now: string,
): Promise<{ dataset: Dataset; skipped: string[] }> {
  const hash = createHash('sha256').update(r.text).digest('hex');
  const sourceId = `doc-${slug(meta.title ?? file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''))}-${hash.slice(0, 8)}`;
  if (meta.date && !isValidTime(meta.date)) throw new IsnadError('invalid_edtf', `--source-date "${meta.date}" is not a valid EDTF date`);
  const source: Source = {
    id: sourceId,
    kind: meta.kind ?? 'other',
    title: meta.title ?? file.replace(/^.*[\\/]/, ''),
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    contentHash: `sha256:${hash}`,
    text: r.text,
  };
  // New entities get ids of their own; linked ones keep the store's id.
  const idFor = new Map<string, string>();
  const types = new Map<string, EntityType>();
  const entities: Entity[] = [];
  for (const e of r.entities) {
    types.set(e.id, e.type);
    if (e.known) {
      idFor.set(e.id, e.id);
      continue;
    }
    let id = `${slug(e.canonical)}-${hash.slice(0, 6)}`;
    for (let n = 2; (await repo.getEntity(id)) || entities.some((x) => x.id === id); n++) id = `${slug(e.canonical)}-${hash.slice(0, 6)}-${n}`;
    idFor.set(e.id, id);
    const names: Name[] = [...new Set([e.canonical, ...e.names])].map((name) => ({ name, kind: guessNameKind(name, e.type), sources: [sourceId] }));
    entities.push({ id, type: e.type, canonical: e.canonical, names });
  }
  const skipped: string[] = [];
  const claims: Claim[] = [];
  r.claims.forEach((c, i) => {
    const subject = idFor.get(c.subject);
    const object = c.object === null ? undefined : idFor.get(c.object);
    const spec = PREDICATES[c.predicate];
    const st = types.get(c.subject);
    const ot = c.object === null ? undefined : types.get(c.object);
    const fits = subject !== undefined && st !== undefined && spec.subject.includes(st) && (object === undefined ? spec.object.length === 0 || spec.objectOptional === true : ot !== undefined && spec.object.includes(ot));
    if (!fits || (c.time !== null && !isValidTime(c.time))) {
      skipped.push(`${c.predicate} at ${c.evidence.start}-${c.evidence.end}: subject/object types or date do not fit the vocabulary`);
      return;
    }
    claims.push({
      id: `${sourceId}-c${String(i + 1).padStart(3, '0')}`,
      subject,
      predicate: c.predicate,
      ...(object ? { object } : {}),
      ...(c.time ? { time: c.time } : {}),
      stance: c.stance,
      attribution: [{ source: sourceId }, ...c.attributedTo.map((a) => idFor.get(a)).filter((a): a is string => a !== undefined).map((entity) => ({ entity }))],
      evidence: [{ source: sourceId, quote: c.evidence.quote, locator: { start: c.evidence.start, end: c.evidence.end } }],
      status: 'candidate',
      recordedBy: 'isnad-extract',
      recordedAt: now,
    });
  });
  return { dataset: { sources: [source], entities, claims, perspectives: [], disputes: [] }, skipped };
}

/** Ingests one document; a document already in the store (same text) is left alone. */
export async function ingestDocument(repo: Repository, bytes: Uint8Array, file: string, meta: SourceMeta, known?: KnownEntity[]): Promise<IngestOutcome> {
  let r: ReturnType<typeof extractDocument>;
  try {
    r = extractDocument(bytes, { filename: file, ...(known ? { known } : {}) });
  } catch (err) {
    if (err instanceof ExtractError) throw new IsnadError('bad_input', `${file}: ${err.message}`);
    throw err;
  }
  const hash = `sha256:${createHash('sha256').update(r.text).digest('hex')}`;
  const existing = await repo.findSourceByHash(hash);
  if (existing) return { status: 'unchanged', file, source: existing.id };
  const { dataset, skipped } = await datasetFromExtraction(repo, r, file, meta, new Date().toISOString());
  const summary = await repo.importDataset(dataset, { actor: 'isnad-ingest' });
  return { status: 'ingested', file, source: dataset.sources[0]!.id, summary, skipped };
}
