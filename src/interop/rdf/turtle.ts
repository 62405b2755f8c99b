/** Turtle (RDF 1.1) text for a graph: prefixes, one block per subject, deterministic. */
import { compact, NS, type Term, type Triple } from './terms.js';
import type { RdfGraph } from './graph.js';

function escapeString(s: string): string {
  return s.replace(/[\\"\n\r\t\u0000-\u001f]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '"': return '\\"';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

function escapeIri(s: string): string {
  return s.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function termToTurtle(t: Term): string {
  if (t.kind === 'iri') return compact(t.value) ?? `<${escapeIri(t.value)}>`;
  if (t.kind === 'bnode') return `_:${t.value}`;
  const body = `"${escapeString(t.value)}"`;
  if (t.lang) return `${body}@${t.lang}`;
  if (t.datatype) return `${body}^^${compact(t.datatype) ?? `<${escapeIri(t.datatype)}>`}`;
  return body;
}

/** Serialises the graph as Turtle. */
export function writeTurtle(graph: RdfGraph): string {
  const lines = Object.entries(NS).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  const bySubject = new Map<string, Triple[]>();
  for (const t of graph.triples) {
    const key = termToTurtle(t.s);
    bySubject.set(key, [...(bySubject.get(key) ?? []), t]);
  }
  for (const [subject, triples] of bySubject) {
    lines.push('');
    const parts = triples.map((t) => `${t.p === NS.rdf + 'type' ? 'a' : termToTurtle({ kind: 'iri', value: t.p })} ${termToTurtle(t.o)}`);
    lines.push(`${subject}\n    ${parts.join(' ;\n    ')} .`);
  }
  return lines.join('\n') + '\n';
}
