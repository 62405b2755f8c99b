/**
 * Reads a STIX 2.1 bundle. Objects written by isnad carry their native record and come back
 * exactly; other objects are mapped as far as they go (identity, threat-actor, intrusion-set,
 * location, report, relationship) and everything else is reported as a warning. The result is
 * checked by the same rules as a native file before anything is written.
 */
import { IsnadError, ValidationError, type Issue } from '../../core/errors.js';
import { isPredicate } from '../../core/vocabulary.js';
import { readDataset } from '../native/read-dataset.js';
import type { ImportContext, ImportResult } from '../registry.js';
import { edtfFromIso, normaliseTimestamp } from '../common/dates.js';
import { assertSomethingMapped } from '../common/empty.js';
import { makeIdFactory } from '../common/slug.js';
import { describeErrors, stixValidator } from './schemas.js';
import { EXTENSION_ID, PRODUCER_ID, type RecordKind } from './vocabulary.js';

/** Largest bundle read, in characters (a STIX export of the curated dataset is ~1 MB). */
export const MAX_STIX_CHARS = 64 * 1024 * 1024;
const MAX_SCHEMA_ERRORS = 50;

type Obj = Record<string, unknown> & { type: string; id: string };
type Doc = Record<string, unknown> & { id: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

function parseBundle(text: string, file: string): { id: string; objects: Obj[] } {
  if (text.length > MAX_STIX_CHARS) throw new IsnadError('bad_input', `${file} is ${(text.length / 1048576).toFixed(1)} MB; the STIX importer reads bundles of at most ${MAX_STIX_CHARS / 1048576} MB (split the bundle)`);
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (err) {
    throw new ValidationError([{ code: 'invalid_json', path: '', message: (err as Error).message, file }], `${file} is not valid JSON`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { type?: unknown }).type !== 'bundle') {
    throw new ValidationError([{ code: 'invalid_field', path: 'type', message: 'a STIX file must be a bundle: an object with "type": "bundle" and an "objects" list', file }], `${file} is not a STIX 2.1 bundle`);
  }
  const objects = (raw as { objects?: unknown }).objects;
  if (!Array.isArray(objects)) throw new ValidationError([{ code: 'missing_field', path: 'objects', message: 'the bundle has no "objects" list', file }], `${file} is not a STIX 2.1 bundle`);
  const issues: Issue[] = [];
  objects.forEach((o, i) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o) || typeof (o as Obj).type !== 'string' || typeof (o as Obj).id !== 'string') {
      issues.push({ code: 'invalid_field', path: `objects[${i}]`, message: 'every STIX object needs a string "type" and "id"', file });
    }
  });
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_SCHEMA_ERRORS), `${file}: ${issues.length} malformed STIX object${issues.length === 1 ? '' : 's'}`);
  return { id: String((raw as { id?: unknown }).id ?? 'bundle'), objects: objects as Obj[] };
}

/** Checks each object against the STIX 2.1 schema of its type; unknown types are left to the mapper. */
function checkSchemas(objects: readonly Obj[], file: string): void {
  const v = stixValidator();
  const issues: Issue[] = [];
  objects.forEach((o, i) => {
    const errors = v.object(o);
    if (errors?.length) for (const line of describeErrors(errors.slice(0, 3), `objects[${i}] (${o.type}) `)) issues.push({ code: 'invalid_field', path: `objects[${i}]`, message: line, file });
  });
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_SCHEMA_ERRORS), `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} against the STIX 2.1 schemas; nothing was imported`);
}

function isnadRecord(o: Obj): { kind: RecordKind; record: Doc } | undefined {
  const ext = (o.extensions as Record<string, unknown> | undefined)?.[EXTENSION_ID] as { record_kind?: unknown; record?: unknown } | undefined;
  if (!ext || typeof ext.record !== 'object' || ext.record === null || typeof (ext.record as Doc).id !== 'string') return undefined;
  const kind = ext.record_kind;
  if (kind !== 'entity' && kind !== 'source' && kind !== 'claim' && kind !== 'dispute' && kind !== 'perspective') return undefined;
  return { kind, record: ext.record as Doc };
}

/** Maps a bundle onto a native document, warning about what it cannot map. */
export function stixToDocument(objects: readonly Obj[], bundleId: string, file: string): { doc: Record<string, Doc[] | string>; warnings: string[] } {
  const warnings: string[] = [];
  const sections: Record<'sources' | 'entities' | 'claims' | 'disputes' | 'perspectives', Doc[]> = { sources: [], entities: [], claims: [], disputes: [], perspectives: [] };
  const sectionOf: Record<RecordKind, keyof typeof sections> = { entity: 'entities', source: 'sources', claim: 'claims', dispute: 'disputes', perspective: 'perspectives' };
  const newId = makeIdFactory();
  const entityByRef = new Map<string, string>();
  const skipped = new Map<string, number>();
  const skip = (type: string) => skipped.set(type, (skipped.get(type) ?? 0) + 1);

  // Native records first, so their ids are taken before foreign ones are minted.
  const foreign: Obj[] = [];
  for (const o of objects) {
    const native = isnadRecord(o);
    if (native) {
      sections[sectionOf[native.kind]].push(native.record);
      newId.reserve(native.record.id);
      if (native.kind === 'entity') entityByRef.set(o.id, native.record.id);
    } else foreign.push(o);
  }

  let bundleSource: string | undefined;
  const fileSource = () => {
    if (!bundleSource) {
      bundleSource = newId(`stix-${bundleId.replace(/^bundle--/, '').slice(0, 8)}`);
      sections.sources.push({ id: bundleSource, kind: 'other', title: `STIX bundle ${bundleId} (${file})` });
    }
    return bundleSource;
  };
  const sourceByName = new Map<string, string>();
  const sourceFor = (ref: Record<string, unknown>) => {
    const name = str(ref.source_name) ?? 'unnamed reference';
    const key = `${name}|${str(ref.url) ?? ''}`;
    let id = sourceByName.get(key);
    if (!id) {
      id = newId(name);
      sourceByName.set(key, id);
      const url = str(ref.url);
      sections.sources.push({ id, kind: 'other', title: name, ...(url && /^https?:\/\//.test(url) ? { url } : {}) });
    }
    return id;
  };

  for (const o of foreign) {
    if (o.type === 'identity' || o.type === 'threat-actor' || o.type === 'intrusion-set' || o.type === 'location') {
      if (o.id === PRODUCER_ID) continue;
      if (o.type === 'identity' && o.identity_class === 'system') { skip('identity (system)'); continue; }
      const canonical = str(o.name) ?? str(o.region) ?? str(o.country) ?? str(o.city);
      if (!canonical) { skip(`${o.type} without a name`); continue; }
      const type = o.type === 'location' ? 'place' : o.type === 'identity' && o.identity_class === 'individual' ? 'person' : 'organization';
      const id = newId(canonical);
      entityByRef.set(o.id, id);
      const aliases = [...new Set([...strings(o.aliases), ...strings(o.x_opencti_aliases)])].filter((a) => a !== canonical);
      sections.entities.push({ id, type, canonical, ...(str(o.description) ? { description: str(o.description) } : {}), names: [{ name: canonical, kind: 'alias', sources: [] }, ...aliases.map((name) => ({ name, kind: 'alias', sources: [] }))] });
    }
  }
  for (const o of foreign) {
    if (o.type === 'report') {
      const name = str(o.name);
      if (!name) { skip('report without a name'); continue; }
      const url = (Array.isArray(o.external_references) ? o.external_references : []).map((r) => str((r as Record<string, unknown>).url)).find((u) => u && /^https?:\/\//.test(u));
      const date = edtfFromIso(str(o.published), undefined)?.replace(/\/\.\.$/, '');
      const id = newId(name);
      sections.sources.push({ id, kind: 'report', title: name, ...(date ? { date } : {}), ...(url ? { url } : {}) });
    } else if (o.type === 'relationship') {
      const type = str(o.relationship_type) ?? '';
      const predicate = type.replace(/-/g, '_');
      const subject = entityByRef.get(String(o.source_ref));
      const object = entityByRef.get(String(o.target_ref));
      if (!isPredicate(predicate)) { warnings.push(`${o.id}: relationship type "${type}" has no isnad predicate; skipped`); continue; }
      if (!subject || !object) { warnings.push(`${o.id}: ${type} between objects that were not imported (${String(o.source_ref)} → ${String(o.target_ref)}); skipped`); continue; }
      const refs = (Array.isArray(o.external_references) ? o.external_references : []) as Record<string, unknown>[];
      const evidence = refs.filter((r) => str(r.description)).map((r) => ({ source: sourceFor(r), quote: String(r.description) }));
      const time = edtfFromIso(str(o.start_time), str(o.stop_time));
      const author = entityByRef.get(String(o.created_by_ref ?? ''));
      const confidence = typeof o.confidence === 'number' ? Math.min(1, Math.max(0, o.confidence / 100)) : undefined;
      sections.claims.push({
        id: newId(`${subject}-${predicate}-${object}`),
        subject, predicate, object,
        ...(time ? { time } : {}),
        stance: 'asserts',
        attribution: [author ? { entity: author } : { source: fileSource() }],
        ...(evidence.length ? { evidence } : {}),
        ...(confidence !== undefined ? { confidence } : {}),
        status: 'candidate',
        ...(str(o.description) ? { note: str(o.description) } : {}),
        recordedBy: 'stix-import',
        recordedAt: normaliseTimestamp(str(o.modified) ?? str(o.created)),
      });
    } else if (!['identity', 'threat-actor', 'intrusion-set', 'location', 'extension-definition', 'marking-definition'].includes(o.type)) {
      skip(o.type);
    }
  }
  for (const [type, n] of [...skipped].sort()) warnings.push(`${n} ${type} object${n === 1 ? '' : 's'} could not be mapped to isnad records; skipped`);
  return { doc: { format: 'isnad/1', ...sections }, warnings };
}

/** Reads a STIX bundle into a validated dataset, or throws a clear error; nothing is half-read. */
export function readStix(text: string, ctx: ImportContext): ImportResult {
  const { id, objects } = parseBundle(text, ctx.file);
  checkSchemas(objects, ctx.file);
  const { doc, warnings } = stixToDocument(objects, id, ctx.file);
  const dataset = readDataset(JSON.stringify(doc), { file: `${ctx.file} (mapped from STIX)`, existing: ctx.existing, sourceTexts: ctx.sourceTexts });
  assertSomethingMapped(dataset, ctx.file, 'a STIX 2.1 bundle', warnings);
  return { dataset, warnings };
}
