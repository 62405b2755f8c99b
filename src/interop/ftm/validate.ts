/**
 * Checks FtM entities against the model: the schema exists and is concrete, every property
 * exists on the schema or a parent, dates are ISO prefixes, URLs are URLs, entity references
 * resolve within the set and fit the property's range, and edges have both ends.
 */
import type { FtmEntityDatum } from './entity.js';
import { ftmModel } from './model.js';

const ISO_DATE_PREFIX = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

/** Every problem found, as `id.property: message`; empty when the entities fit the model. */
export function modelProblems(entities: readonly FtmEntityDatum[]): string[] {
  const model = ftmModel();
  const byId = new Map(entities.map((e) => [e.id, e] as const));
  const problems: string[] = [];
  for (const e of entities) {
    if (!model.hasSchema(e.schema)) { problems.push(`${e.id}: no schema ${e.schema}`); continue; }
    if (model.schema(e.schema).abstract) problems.push(`${e.id}: ${e.schema} is abstract`);
    for (const [prop, values] of Object.entries(e.properties)) {
      const p = model.property(e.schema, prop);
      if (!p) { problems.push(`${e.id}: ${e.schema} has no property ${prop}`); continue; }
      for (const v of values) {
        if (typeof v !== 'string' || v.trim() === '') problems.push(`${e.id}.${prop}: empty value`);
        if (p.type === 'date' && !ISO_DATE_PREFIX.test(v)) problems.push(`${e.id}.${prop}: "${v}" is not an ISO date prefix`);
        if (p.type === 'url' && !/^https?:\/\//.test(v)) problems.push(`${e.id}.${prop}: "${v}" is not a URL`);
        if (p.type === 'entity') {
          const target = byId.get(v);
          if (!target) problems.push(`${e.id}.${prop}: reference ${v} does not resolve`);
          else if (p.range && !model.isA(target.schema, p.range)) problems.push(`${e.id}.${prop}: ${target.schema} is not a ${p.range}`);
        }
      }
    }
    const edge = model.edge(e.schema);
    if (edge && (!e.properties[edge.source]?.length || !e.properties[edge.target]?.length)) problems.push(`${e.id}: edge ${e.schema} lacks an end`);
  }
  return problems;
}
