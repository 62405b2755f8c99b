/**
 * Reads FollowTheMoney JSON lines, best effort: persons, organizations (and their kin: Company,
 * PublicBody …), addresses, documents, and the link schemata isnad writes (Directorship,
 * Membership, Succession, Family, UnknownLink with an isnad role) come in; everything else is
 * reported. Imported claims are candidates, to be reviewed. Unknown schemata or malformed lines
 * stop the import before anything is written.
 */
import { IsnadError, ValidationError, type Issue } from '../../core/errors.js';
import { isPredicate, PREDICATES, type EntityType } from '../../core/vocabulary.js';
import { readDataset } from '../native/read-dataset.js';
import type { ImportContext, ImportResult } from '../registry.js';
import { edtfFromIso } from '../common/dates.js';
import { assertSomethingMapped } from '../common/empty.js';
import { makeIdFactory } from '../common/slug.js';
import { predicateFor } from './mapping.js';
import { ftmModel } from './model.js';

export const MAX_FTM_CHARS = 64 * 1024 * 1024;

interface Line { readonly id: string; readonly schema: string; readonly properties: Record<string, string[]>; readonly line: number }
type Doc = Record<string, unknown> & { id: string };

function parseLines(text: string, file: string): Line[] {
  if (text.length > MAX_FTM_CHARS) throw new IsnadError('bad_input', `${file} is ${(text.length / 1048576).toFixed(1)} MB; the FtM importer reads at most ${MAX_FTM_CHARS / 1048576} MB (split the file)`);
  const model = ftmModel();
  const issues: Issue[] = [];
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const at = { file, line: i + 1 };
    let v: unknown;
    try { v = JSON.parse(raw); } catch (err) { issues.push({ code: 'invalid_json', path: '', message: (err as Error).message, ...at }); return; }
    const o = v as { id?: unknown; schema?: unknown; properties?: unknown };
    if (!o || typeof o !== 'object' || Array.isArray(o) || typeof o.id !== 'string' || typeof o.schema !== 'string') {
      issues.push({ code: 'invalid_field', path: '', message: 'each line must be an FtM entity: {"id": …, "schema": …, "properties": {…}}', ...at });
      return;
    }
    if (!model.hasSchema(o.schema)) { issues.push({ code: 'invalid_field', path: 'schema', message: `"${o.schema}" is not a FollowTheMoney ${model.version} schema`, ...at }); return; }
    const props: Record<string, string[]> = {};
    const p = o.properties ?? {};
    if (typeof p !== 'object' || Array.isArray(p) || p === null) { issues.push({ code: 'invalid_field', path: 'properties', message: 'properties must be an object of lists of strings', ...at }); return; }
    for (const [k, vals] of Object.entries(p)) {
      if (!Array.isArray(vals) || vals.some((x) => typeof x !== 'string')) { issues.push({ code: 'invalid_field', path: `properties.${k}`, message: 'property values must be lists of strings', ...at }); continue; }
      props[k] = vals as string[];
    }
    out.push({ id: o.id, schema: o.schema, properties: props, line: i + 1 });
  });
  if (issues.length) throw new ValidationError(issues.slice(0, 50), `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the FtM lines; nothing was imported`);
  return out;
}

/** Maps FtM entities onto a native document, warning about what it cannot map. */
export function ftmToDocument(lines: readonly Line[], file: string): { doc: Record<string, unknown>; warnings: string[] } {
  const model = ftmModel();
  const warnings: string[] = [];
  const newId = makeIdFactory();
  const first = (l: Line, p: string) => l.properties[p]?.find((v) => v.trim() !== '');
  const entities: Doc[] = [];
  const sources: Doc[] = [];
  const claims: Doc[] = [];
  const entityOf = new Map<string, { id: string; type: EntityType }>();
  const sourceOf = new Map<string, string>();
  const skipped = new Map<string, number>();
  const fileSource = newId('ftm-import');
  let fileSourceUsed = false;

  for (const l of lines) {
    const type: EntityType | undefined = model.isA(l.schema, 'Person') ? 'person' : model.isA(l.schema, 'Address') ? 'place' : model.isA(l.schema, 'LegalEntity') ? 'organization' : undefined;
    if (type) {
      const names = [...(l.properties.name ?? []), ...(type === 'place' ? l.properties.full ?? [] : [])];
      const canonical = names[0];
      if (!canonical) { warnings.push(`line ${l.line}: ${l.schema} ${l.id} has no name; skipped`); continue; }
      const id = newId(canonical);
      entityOf.set(l.id, { id, type });
      const kinds: Array<[string, string]> = [['name', 'alias'], ['alias', 'alias'], ['previousName', 'alias'], ['weakAlias', 'short_form'], ['abbreviation', 'acronym']];
      const seen = new Set<string>();
      const nameDocs = kinds.flatMap(([prop, kind]) => (model.property(l.schema, prop) ? l.properties[prop] ?? [] : []).filter((n) => !seen.has(n) && seen.add(n)).map((name) => ({ name, kind, sources: [] })));
      const description = first(l, 'description');
      entities.push({ id, type, canonical, ...(description ? { description } : {}), names: nameDocs });
    } else if (model.isA(l.schema, 'Document')) {
      const title = first(l, 'title') ?? first(l, 'fileName') ?? first(l, 'name') ?? l.id;
      const id = newId(title);
      sourceOf.set(l.id, id);
      const url = first(l, 'sourceUrl');
      const date = edtfFromIso(first(l, 'publishedAt') ?? first(l, 'date'), undefined)?.replace(/\/\.\.$/, '');
      const author = first(l, 'author');
      sources.push({ id, kind: l.schema === 'Article' ? 'article' : 'other', title, ...(author ? { author } : {}), ...(date ? { date } : {}), ...(url && /^https?:\/\//.test(url) ? { url } : {}) });
    }
  }
  for (const l of lines) {
    if (entityOf.has(l.id) || sourceOf.has(l.id)) continue;
    const edge = model.edge(l.schema);
    if (!edge) { skipped.set(l.schema, (skipped.get(l.schema) ?? 0) + 1); continue; }
    const predicate = predicateFor(l.schema, first(l, 'role') ?? first(l, 'relationship'));
    if (!predicate || !isPredicate(predicate)) { warnings.push(`line ${l.line}: ${l.schema} with role "${first(l, 'role') ?? ''}" has no isnad predicate; skipped`); continue; }
    const s = entityOf.get(first(l, edge.source) ?? '');
    const o = entityOf.get(first(l, edge.target) ?? '');
    if (!s || !o) { warnings.push(`line ${l.line}: ${l.schema} ${l.id} links entities that were not imported; skipped`); continue; }
    const spec = PREDICATES[predicate];
    if (!spec.subject.includes(s.type) || !spec.object.includes(o.type)) { warnings.push(`line ${l.line}: ${predicate} does not take a ${s.type} and a ${o.type}; skipped`); continue; }
    const { start, end } = model.temporalExtent(l.schema);
    const time = edtfFromIso(start.map((p) => first(l, p)).find(Boolean), end.map((p) => first(l, p)).find(Boolean));
    const proof = (l.properties.proof ?? []).map((p) => sourceOf.get(p)).find(Boolean);
    const quotes = l.properties.summary ?? [];
    const source = proof ?? fileSource;
    if (!proof) fileSourceUsed = true;
    const note = first(l, 'description');
    claims.push({
      id: newId(first(l, 'recordId') ?? `${s.id}-${predicate}-${o.id}`),
      subject: s.id, predicate, object: o.id,
      ...(time ? { time } : {}),
      stance: first(l, 'status') === 'denied' ? 'denies' : 'asserts',
      attribution: [{ source }],
      ...(quotes.length ? { evidence: quotes.map((quote) => ({ source, quote })) } : {}),
      status: 'candidate',
      ...(note ? { note } : {}),
      recordedBy: 'ftm-import',
    });
  }
  if (fileSourceUsed) sources.push({ id: fileSource, kind: 'other', title: `FollowTheMoney file ${file}` });
  for (const [schema, n] of [...skipped].sort()) warnings.push(`${n} ${schema} entit${n === 1 ? 'y' : 'ies'} could not be mapped to isnad records; skipped`);
  return { doc: { format: 'isnad/1', sources, entities, claims }, warnings };
}

/** Reads FtM JSON lines into a validated dataset, or throws a clear error; nothing is half-read. */
export function readFtm(text: string, ctx: ImportContext): ImportResult {
  const lines = parseLines(text, ctx.file);
  const { doc, warnings } = ftmToDocument(lines, ctx.file);
  const dataset = readDataset(JSON.stringify(doc), { file: `${ctx.file} (mapped from FtM)`, existing: ctx.existing, sourceTexts: ctx.sourceTexts });
  assertSomethingMapped(dataset, ctx.file, 'FollowTheMoney JSON lines', warnings);
  return { dataset, warnings };
}
