/**
 * Writes a dataset in the native format, deterministically: records sorted by id, keys in a
 * fixed order, every default made explicit. Export → import → export is byte-identical.
 */
import { stringify } from 'yaml';
import { byId } from '../../core/collections.js';
import type { Claim, Dataset, Entity, Source } from '../../core/model.js';

export type NativeFormat = 'json' | 'yaml';


/** Orders keys as listed; drops undefined values. */
function ordered<T extends object>(o: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k as string] = o[k];
  return out;
}

function sourceDoc(s: Source) {
  return ordered(s, ['id', 'kind', 'title', 'author', 'authorEntity', 'date', 'url', 'contentHash', 'text']);
}

function entityDoc(e: Entity) {
  return {
    ...ordered(e, ['id', 'type', 'canonical', 'description']),
    names: e.names.map((n) => ordered({ ...n, sources: [...n.sources] }, ['name', 'kind', 'lang', 'sources', 'note'])),
  };
}

/** A locator with no fields says nothing: written as no locator, as the store keeps it. */
function locatorDoc(l: Claim['evidence'][number]['locator']) {
  const doc = l && ordered(l, ['page', 'start', 'end', 'section']);
  return doc && Object.keys(doc).length > 0 ? doc : undefined;
}

function claimDoc(c: Claim) {
  return ordered(
    {
      ...c,
      attribution: c.attribution.map((a) => ordered(a, ['entity', 'source', 'via', 'date'])),
      evidence: c.evidence.map((e) => ordered({ ...e, locator: locatorDoc(e.locator) }, ['source', 'quote', 'locator'])),
    },
    ['id', 'subject', 'predicate', 'object', 'value', 'time', 'stance', 'attribution', 'evidence', 'confidence', 'status', 'dispute', 'note', 'recordedBy', 'recordedAt'],
  );
}

/** The dataset as a plain document in the native format's shape. */
export function toDocument(ds: Dataset): Record<string, unknown> {
  return {
    format: 'isnad/1',
    sources: [...ds.sources].sort(byId).map(sourceDoc),
    perspectives: [...ds.perspectives].sort(byId).map((p) => ordered({ ...p, claimants: [...p.claimants] }, ['id', 'label', 'claimants'])),
    disputes: [...ds.disputes].sort(byId).map((d) => ordered(d, ['id', 'question'])),
    entities: [...ds.entities].sort(byId).map(entityDoc),
    claims: [...ds.claims].sort(byId).map(claimDoc),
  };
}

/** Serialises a dataset as JSON or YAML text. */
export function writeDataset(ds: Dataset, format: NativeFormat): string {
  const doc = toDocument(ds);
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
