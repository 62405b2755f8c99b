/**
 * Turns a parsed dataset document into model records, checking everything a shape cannot:
 * unique ids, references, the vocabulary, EDTF, evidence. Problems are collected, not thrown,
 * so a user sees all of them at once; the caller decides what to do with them.
 */
import type { DatasetDocParsed } from './dataset-schema.js';
import type { AttributionLink, Claim, Dataset, Entity, Evidence, Source } from './model.js';
import type { Issue, IssueCode } from './errors.js';
import { isValidTime } from './time.js';
import { isPredicate, PREDICATES, type EntityType, type PredicateSpec } from './vocabulary.js';

/** What the store already holds, so a file may refer to records imported earlier. */
export interface ExistingRecords {
  entityType(id: string): EntityType | undefined;
  hasSource(id: string): boolean;
  sourceAuthorEntity(id: string): string | undefined;
  sourceText(id: string): string | undefined;
  hasDispute(id: string): boolean;
}

export const NO_EXISTING: ExistingRecords = {
  entityType: () => undefined,
  hasSource: () => false,
  sourceAuthorEntity: () => undefined,
  sourceText: () => undefined,
  hasDispute: () => false,
};

export interface ValidationOptions {
  readonly existing?: ExistingRecords;
  /** Timestamp for claims that do not say when they were recorded. */
  readonly now: string;
  /** Texts of sources, by source id, supplied beside the file (e.g. `--source-text`). */
  readonly sourceTexts?: ReadonlyMap<string, string>;
}

export interface ValidationResult {
  readonly dataset: Dataset;
  readonly issues: readonly Issue[];
}

/** Validates and normalises a parsed dataset document. */
export function validateDataset(doc: DatasetDocParsed, opts: ValidationOptions): ValidationResult {
  const issues: Issue[] = [];
  const existing = opts.existing ?? NO_EXISTING;
  const report = (code: IssueCode, path: string, message: string) => issues.push({ code, path, message });

  const checkUnique = <T extends { id: string }>(items: readonly T[], section: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const prev = seen.get(item.id);
      if (prev !== undefined) report('duplicate_id', `${section}[${i}].id`, `duplicate id "${item.id}" (first used at ${section}[${prev}])`);
      else seen.set(item.id, i);
    });
  };
  checkUnique(doc.sources, 'sources');
  checkUnique(doc.entities, 'entities');
  checkUnique(doc.claims, 'claims');
  checkUnique(doc.perspectives, 'perspectives');
  checkUnique(doc.disputes, 'disputes');

  const entityTypes = new Map(doc.entities.map((e) => [e.id, e.type] as const));
  const typeOf = (id: string) => entityTypes.get(id) ?? existing.entityType(id);
  const localSources = new Map(doc.sources.map((s) => [s.id, s] as const));
  const hasSource = (id: string) => localSources.has(id) || existing.hasSource(id);
  const disputeIds = new Set(doc.disputes.map((d) => d.id));
  const textOf = (id: string) => opts.sourceTexts?.get(id) ?? localSources.get(id)?.text ?? existing.sourceText(id);
  const authorOf = (id: string) => localSources.get(id)?.authorEntity ?? existing.sourceAuthorEntity(id);

  const checkEntityRef = (id: string | undefined, path: string) => {
    if (id !== undefined && !typeOf(id)) report('dangling_reference', path, `no entity with id "${id}" (define it under entities: or import it first)`);
  };
  const checkSourceRef = (id: string | undefined, path: string) => {
    if (id !== undefined && !hasSource(id)) report('dangling_reference', path, `no source with id "${id}"`);
  };
  const checkTime = (t: string | undefined, path: string) => {
    if (t !== undefined && !isValidTime(t)) report('invalid_edtf', path, `"${t}" is not a valid EDTF date or interval (e.g. 2002-07~, 2006-36, 2006/2012, ../2014-02-03)`);
  };

  const sources: Source[] = doc.sources.map((s, i) => {
    checkTime(s.date, `sources[${i}].date`);
    checkEntityRef(s.authorEntity, `sources[${i}].authorEntity`);
    const text = opts.sourceTexts?.get(s.id) ?? s.text;
    return stripUndefined({ ...s, text });
  });

  const defaultSource = doc.defaults?.source;
  if (defaultSource) checkSourceRef(defaultSource, 'defaults.source');

  const entities: Entity[] = doc.entities.map((e, i) => {
    const names = e.names.map((n, j) => {
      const srcs = n.sources ?? (defaultSource ? [defaultSource] : []);
      srcs.forEach((s, k) => checkSourceRef(s, `entities[${i}].names[${j}].sources[${k}]`));
      return stripUndefined({ name: n.name, kind: n.kind, lang: n.lang, sources: srcs, note: n.note });
    });
    // The canonical name is always one of the names, so search finds it.
    if (!names.some((n) => n.name === e.canonical)) names.unshift({ name: e.canonical, kind: 'alias', lang: undefined, note: undefined, sources: defaultSource ? [defaultSource] : [] });
    return stripUndefined({ id: e.id, type: e.type, canonical: e.canonical, description: e.description, names });
  });

  doc.perspectives.forEach((p, i) => p.claimants.forEach((c, j) => checkEntityRef(c, `perspectives[${i}].claimants[${j}]`)));

  const claims: Claim[] = [];
  doc.claims.forEach((c, i) => {
    const at = `claims[${i}]`;
    let spec: PredicateSpec | undefined;
    if (!isPredicate(c.predicate)) {
      report('unknown_predicate', `${at}.predicate`, `unknown predicate "${c.predicate}"; known: ${Object.keys(PREDICATES).join(', ')}`);
    } else {
      spec = PREDICATES[c.predicate];
    }
    checkEntityRef(c.subject, `${at}.subject`);
    checkEntityRef(c.object, `${at}.object`);
    if (spec) checkTypes(spec, c, typeOf, at, report);
    checkTime(c.time, `${at}.time`);
    if (c.dispute && !disputeIds.has(c.dispute) && !existing.hasDispute(c.dispute)) report('dangling_reference', `${at}.dispute`, `no dispute with id "${c.dispute}" (define it under disputes:)`);

    const evidence: Evidence[] = normaliseEvidence(c.evidence, defaultSource).map((ev, j) => {
      const path = `${at}.evidence${typeof c.evidence === 'string' ? '' : `[${j}]`}`;
      if (!ev.source) {
        report('missing_field', path, 'evidence needs a source (set it here or in defaults.source)');
        return ev;
      }
      checkSourceRef(ev.source, `${path}.source`);
      const text = textOf(ev.source);
      if (text !== undefined && ev.quote) return locateQuote(ev, text, path, report);
      return ev;
    });
    const status = c.status ?? doc.defaults?.status ?? 'candidate';
    if (status === 'accepted' && !evidence.some((e) => e.quote.trim() !== '' && e.source)) {
      report('missing_evidence', `${at}.evidence`, 'an accepted claim needs evidence: a source and a verbatim quote');
    }

    const chain: AttributionLink[] = (c.attribution ?? []).map((a, j) => {
      checkEntityRef(a.entity, `${at}.attribution[${j}].entity`);
      checkSourceRef(a.source, `${at}.attribution[${j}].source`);
      checkTime(a.date, `${at}.attribution[${j}].date`);
      if (!a.entity && !a.source) report('missing_field', `${at}.attribution[${j}]`, 'an attribution link needs an entity or a source');
      return stripUndefined({ ...a });
    });
    const firstSource = evidence[0]?.source;
    const author = firstSource ? authorOf(firstSource) : undefined;
    if (author && chain[0]?.entity !== author) chain.unshift({ entity: author });
    if (chain.length === 0 && firstSource) chain.push({ source: firstSource });
    if (chain.length === 0) report('missing_field', `${at}.attribution`, 'no claimant: give an attribution or evidence from a source with an authorEntity');

    if (!spec) return;
    claims.push(
      stripUndefined({
        id: c.id,
        subject: c.subject,
        predicate: c.predicate as Claim['predicate'],
        object: c.object,
        value: c.value,
        time: c.time,
        stance: c.stance,
        attribution: chain,
        evidence,
        confidence: c.confidence,
        status,
        dispute: c.dispute,
        note: c.note,
        recordedBy: c.recordedBy ?? doc.defaults?.recordedBy ?? 'unknown',
        recordedAt: c.recordedAt ?? doc.defaults?.recordedAt ?? opts.now,
      }),
    );
  });

  const dataset: Dataset = {
    sources,
    entities,
    claims,
    perspectives: doc.perspectives.map((p) => ({ ...p })),
    disputes: doc.disputes.map((d) => ({ ...d })),
  };
  return { dataset, issues };
}

function checkTypes(
  spec: PredicateSpec,
  c: { subject: string; object?: string; value?: string; predicate: string },
  typeOf: (id: string) => EntityType | undefined,
  at: string,
  report: (code: IssueCode, path: string, message: string) => void,
): void {
  const st = typeOf(c.subject);
  if (st && !spec.subject.includes(st)) report('type_mismatch', `${at}.subject`, `"${c.predicate}" takes a ${spec.subject.join(' or ')} as subject, not the ${st} "${c.subject}"`);
  if (c.object !== undefined) {
    if (spec.object.length === 0) report('invalid_field', `${at}.object`, `"${c.predicate}" takes no object`);
    const ot = typeOf(c.object);
    if (ot && spec.object.length > 0 && !spec.object.includes(ot)) report('type_mismatch', `${at}.object`, `"${c.predicate}" takes a ${spec.object.join(' or ')} as object, not the ${ot} "${c.object}"`);
  } else if (spec.object.length > 0 && !spec.objectOptional && c.value === undefined) {
    report('missing_field', `${at}.object`, `"${c.predicate}" needs an object (${spec.object.join(' or ')})`);
  }
}

function normaliseEvidence(ev: string | readonly { source?: string; quote: string; locator?: Evidence['locator'] }[] | undefined, defaultSource: string | undefined): Evidence[] {
  if (ev === undefined) return [];
  if (typeof ev === 'string') return [{ source: defaultSource ?? '', quote: ev }];
  return ev.map((e) => stripUndefined({ source: e.source ?? defaultSource ?? '', quote: e.quote, locator: e.locator && stripUndefined({ ...e.locator }) }));
}

/** Checks the quote against the source text and records its character span. */
function locateQuote(ev: Evidence, text: string, path: string, report: (code: IssueCode, path: string, message: string) => void): Evidence {
  const loc = ev.locator;
  if (loc?.start !== undefined && loc.end !== undefined) {
    if (text.slice(loc.start, loc.end) !== ev.quote) report('quote_not_in_source', `${path}.locator`, `the span ${loc.start}-${loc.end} of source "${ev.source}" does not hold the quote`);
    return ev;
  }
  const start = text.indexOf(ev.quote);
  if (start < 0) {
    report('quote_not_in_source', `${path}.quote`, `the quote does not occur verbatim in the text of source "${ev.source}": "${ev.quote.slice(0, 60)}${ev.quote.length > 60 ? '…' : ''}"`);
    return ev;
  }
  return { ...ev, locator: stripUndefined({ ...loc, start, end: start + ev.quote.length }) };
}

/** Drops keys whose value is undefined, so records compare and serialise cleanly. */
export function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
