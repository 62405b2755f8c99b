import { describe, expect, it } from 'vitest';
import oxigraph from 'oxigraph';
import fc from 'fast-check';
import type { Dataset } from '../../core/model.js';
import { asOf, claimsInView } from '../../core/perspective/index.js';
import { mini } from '../testing/fixtures.js';
import { toRdfGraph } from './graph.js';
import { writeJsonLd } from './jsonld.js';
import { writeTurtle } from './turtle.js';

const PREFIXES = `PREFIX isnad: <urn:isnad:vocab:>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
`;

function load(text: string, format: string): oxigraph.Store {
  const store = new oxigraph.Store();
  store.load(text, { format });
  return store;
}

function select(store: oxigraph.Store, query: string): Array<Record<string, string>> {
  const rows = store.query(PREFIXES + query) as Array<Map<string, oxigraph.Term>>;
  return rows.map((row) => Object.fromEntries([...row].map(([k, v]) => [k, v.value])));
}

/** Leaders of an organization in a year, certain and possible, answered by SPARQL over the date bounds. */
function sparqlLeaders(store: oxigraph.Store, org: string, year: number): Map<string, string> {
  const lo = `"${year}-01-01"^^xsd:date`;
  const hi = `"${year}-12-31"^^xsd:date`;
  const rows = select(store, `
    SELECT ?id ?certain WHERE {
      ?c a isnad:Claim ; isnad:predicate isnad:leader_of ; isnad:object <urn:isnad:entity:${org}> ;
         isnad:subject ?p ; isnad:stance isnad:asserts ; isnad:status isnad:accepted ; isnad:time ?t .
      ?p schema:identifier ?id .
      OPTIONAL { ?c isnad:startEarliest ?se } OPTIONAL { ?c isnad:startLatest ?sl }
      OPTIONAL { ?c isnad:endEarliest ?ee } OPTIONAL { ?c isnad:endLatest ?el }
      FILTER ((!BOUND(?se) || ?se <= ${hi}) && (!BOUND(?el) || ?el >= ${lo}))
      BIND ((!BOUND(?sl) || ?sl <= ${lo}) && (!BOUND(?ee) || ?ee >= ${hi}) AS ?certain)
    }`);
  const out = new Map<string, string>();
  for (const r of rows) if (out.get(r.id!) !== 'certain') out.set(r.id!, r.certain === 'true' ? 'certain' : 'possible');
  return out;
}

describe('RDF export', () => {
  const ds = mini();
  const graph = toRdfGraph(ds);
  const turtle = writeTurtle(graph);

  it('loads into a real triple store (oxigraph), as Turtle and as JSON-LD, with the same triples', () => {
    const fromTurtle = load(turtle, 'text/turtle');
    const fromJsonLd = load(writeJsonLd(graph), 'application/ld+json');
    expect(fromTurtle.size).toBe(graph.triples.length);
    expect(fromJsonLd.size).toBe(fromTurtle.size);
    const count = (s: oxigraph.Store) => select(s, 'SELECT (COUNT(?c) AS ?n) WHERE { ?c a isnad:Claim }')[0]!.n;
    expect(count(fromJsonLd)).toBe(String(ds.claims.length));
  });

  it('answers "leaders as of a year" over the time bounds as isnad’s asOf() does', () => {
    const store = load(turtle, 'text/turtle');
    const viewed = claimsInView(ds.claims);
    const lookup = (id: string) => ds.entities.find((e) => e.id === id);
    const cases: Array<[string, number]> = [['valley-front', 1996], ['valley-front', 1997], ['valley-front', 1998], ['valley-front', 2000], ['river-emirate', 2003], ['river-emirate', 2005], ['river-emirate', 2012], ['mountain-network', 1996], ['mountain-network', 2000]];
    for (const [org, year] of cases) {
      const view = asOf(org, String(year), viewed, lookup);
      expect(view.forms.map((f) => f.entity), `${org} ${year} has no other form`).toEqual([org]);
      const isnad = new Map(view.leaders.map((l) => [l.entity, l.modality]));
      expect(sparqlLeaders(store, org, year), `${org} in ${year}`).toEqual(isnad);
    }
    expect(sparqlLeaders(store, 'river-emirate', 2005)).toEqual(new Map([['tariq-mansour', 'certain']]));
    expect(sparqlLeaders(store, 'valley-front', 1998)).toEqual(new Map([['karim-haddad', 'possible'], ['tariq-mansour', 'possible']]));
  });

  it('keeps the EDTF literal, stance, claimant and quoted evidence on each statement', () => {
    const store = load(turtle, 'text/turtle');
    const rows = select(store, `
      SELECT ?time ?stance ?who ?quote WHERE {
        <urn:isnad:claim:re-branch-emirate-denies> isnad:time ?time ; isnad:stance ?stance ; prov:wasAttributedTo ?who ;
          isnad:evidence [ prov:value ?quote ] .
      }`);
    expect(rows).toEqual([{ time: '2003-36/2008', stance: 'urn:isnad:vocab:denies', who: 'urn:isnad:entity:river-emirate', quote: 'the Emirate says it was independent' }]);
    const dt = select(store, 'SELECT (DATATYPE(?t) AS ?d) WHERE { <urn:isnad:claim:vb-renamed> isnad:time ?t }');
    expect(dt[0]!.d).toBe('http://id.loc.gov/datatypes/edtf/EDTF');
    const kunyas = select(store, 'SELECT ?n WHERE { <urn:isnad:entity:karim-haddad> isnad:name [ schema:name ?n ; isnad:nameKind isnad:kunya ] }');
    expect(kunyas).toEqual([{ n: 'Abu Salim al-Nahri' }]);
  });

  it('any text (quotes, backslashes, controls, lone surrogates) loads back unchanged or sanitised', () => {
    const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const texts = fc.sample(fc.string({ unit: fc.oneof(anyChar, fc.constantFrom('"', '\\', '\n', '\"\"\"', '>', '@en')), maxLength: 30 }), { numRuns: 100, seed: 11 });
    const fuzzed: Dataset = { ...ds, entities: ds.entities.map((e, i) => ({ ...e, description: texts.slice(i * 8, i * 8 + 8).join('') })) };
    const g = toRdfGraph(fuzzed);
    const fromTurtle = load(writeTurtle(g), 'text/turtle');
    const fromJsonLd = load(writeJsonLd(g), 'application/ld+json');
    expect(fromTurtle.size).toBe(g.triples.length);
    expect(fromJsonLd.size).toBe(fromTurtle.size);
    const clean = texts.slice(0, 8).join('').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    const first = select(fromTurtle, `SELECT ?d WHERE { <urn:isnad:entity:${fuzzed.entities[0]!.id}> schema:description ?d }`);
    if (clean !== '') expect(first[0]?.d).toBe(clean);
  });

  it('is deterministic', () => {
    expect(writeTurtle(toRdfGraph(mini()))).toBe(turtle);
  });
});
