/** JSON-LD 1.1 for a graph: a context of prefixes and one node object per subject, deterministic. */
import { compact, NS, type Term } from './terms.js';
import type { RdfGraph } from './graph.js';

const ref = (full: string) => compact(full) ?? full;

function value(t: Term): Record<string, string> {
  if (t.kind === 'iri') return { '@id': ref(t.value) };
  if (t.kind === 'bnode') return { '@id': `_:${t.value}` };
  if (t.lang) return { '@value': t.value, '@language': t.lang };
  if (t.datatype) return { '@value': t.value, '@type': ref(t.datatype) };
  return { '@value': t.value };
}

/** The graph as a JSON-LD document (object form). */
export function toJsonLd(graph: RdfGraph): { '@context': Record<string, string>; '@graph': Array<Record<string, unknown>> } {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const t of graph.triples) {
    const id = t.s.kind === 'bnode' ? `_:${t.s.value}` : ref(t.s.value);
    const node = nodes.get(id) ?? { '@id': id };
    nodes.set(id, node);
    if (t.p === NS.rdf + 'type' && t.o.kind === 'iri') {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), ref(t.o.value)];
      continue;
    }
    const key = ref(t.p);
    node[key] = [...((node[key] as unknown[] | undefined) ?? []), value(t.o)];
  }
  return { '@context': { ...NS }, '@graph': [...nodes.values()] };
}

export function writeJsonLd(graph: RdfGraph): string {
  return JSON.stringify(toJsonLd(graph), null, 2) + '\n';
}
