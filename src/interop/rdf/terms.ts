/** RDF terms and triples, the minimum the writers need; namespaces of docs/rdf-vocabulary.md. */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'http://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  edtf: 'http://id.loc.gov/datatypes/edtf/',
  isnad: 'urn:isnad:vocab:',
} as const;
export type Prefix = keyof typeof NS;

/** Where records live: `urn:isnad:entity:<id>` and so on (not dereferenceable; see the docs). */
export const DATA_BASE = 'urn:isnad:';

export type Term =
  | { readonly kind: 'iri'; readonly value: string }
  | { readonly kind: 'bnode'; readonly value: string }
  | { readonly kind: 'literal'; readonly value: string; readonly datatype?: string; readonly lang?: string };

export interface Triple {
  readonly s: Term;
  readonly p: string;
  readonly o: Term;
}

// RDF text is Unicode scalar values: a lone UTF-16 surrogate cannot be written, so it becomes U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const scalar = (s: string) => s.replace(LONE_SURROGATE, '\ufffd');

export const iri = (value: string): Term => ({ kind: 'iri', value: scalar(value) });
export const bnode = (value: string): Term => ({ kind: 'bnode', value });
export const lit = (value: string, datatype?: string, lang?: string): Term => ({ kind: 'literal', value: scalar(value), ...(datatype ? { datatype } : {}), ...(lang ? { lang } : {}) });
/** `q('schema', 'name')` → the full IRI. */
export const q = (prefix: Prefix, local: string): string => NS[prefix] + local;
export const dataIri = (kind: string, id: string): Term => iri(`${DATA_BASE}${kind}:${encodeURIComponent(id)}`);

/** Shortens a full IRI to `prefix:local` when the local part is a safe Turtle/JSON-LD name. */
export function compact(full: string): string | undefined {
  for (const [prefix, ns] of Object.entries(NS)) {
    if (full.startsWith(ns)) {
      const local = full.slice(ns.length);
      if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(local)) return `${prefix}:${local}`;
    }
  }
  return undefined;
}
