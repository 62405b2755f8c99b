/**
 * The benchmark's knowledge base as RDF for oxigraph: one statement node per claim (reified,
 * time-bounded) with subject, predicate, object, stance, status, claimant, dispute, proposition,
 * source and quote, and its time as integer day bounds (`lo`, `hi`, days since 1970; absent
 * when open) beside the EDTF text; entities with type and names; and a direct `lineage` triple
 * for each asserted lineage claim between organizations, so families can be walked with a
 * property path. The questions of the store benchmark as SPARQL follow.
 */
import type { Claim, Dataset } from '../src/core/model.js';
import { claimantOf, propositionKey } from '../src/core/model.js';
import { PREDICATES, PREDICATE_NAMES } from '../src/core/vocabulary.js';
import { dayBounds } from '../src/store/sqlite/fast-time.js';

export const PREFIXES = '@prefix i: <urn:i:> .\n@prefix e: <urn:e:> .\n@prefix c: <urn:c:> .\n@prefix s: <urn:s:> .\n@prefix d: <urn:d:> .\n';
const SPARQL_PREFIXES = 'PREFIX i: <urn:i:> PREFIX e: <urn:e:> PREFIX c: <urn:c:> PREFIX s: <urn:s:> PREFIX d: <urn:d:>\n';

const lit = (s: string) => JSON.stringify(s);

function claimTurtle(c: Claim, isOrg: (id: string) => boolean): string {
  const parts = [`c:${c.id} i:subject e:${c.subject}`, `i:predicate ${lit(c.predicate)}`, `i:stance ${lit(c.stance)}`, `i:status ${lit(c.status)}`, `i:prop ${lit(propositionKey(c))}`];
  if (c.object) parts.push(`i:object e:${c.object}`);
  if (c.value) parts.push(`i:value ${lit(c.value)}`);
  if (c.time) {
    const [lo, hi] = dayBounds(c.time);
    parts.push(`i:time ${lit(c.time)}`);
    if (lo !== null) parts.push(`i:lo ${lo}`);
    if (hi !== null) parts.push(`i:hi ${hi}`);
  }
  const who = claimantOf(c);
  if (who) parts.push(`i:claimant ${who.startsWith('s') ? 's' : 'e'}:${who}`);
  if (c.dispute) parts.push(`i:dispute d:${c.dispute}`);
  for (const ev of c.evidence) parts.push(`i:source s:${ev.source}`, `i:quote ${lit(ev.quote)}`);
  let out = `${parts.join(' ; ')} .\n`;
  if (PREDICATES[c.predicate].lineage && c.object && c.stance === 'asserts' && c.status !== 'rejected' && isOrg(c.subject) && isOrg(c.object)) out += `e:${c.subject} i:lineage e:${c.object} .\n`;
  return out;
}

/** Turtle for a chunk of the dataset. */
export function toTurtle(ds: Dataset, isOrg: (id: string) => boolean): string {
  const out: string[] = [PREFIXES];
  for (const e of ds.entities) out.push(`e:${e.id} i:type ${lit(e.type)} ; i:canonical ${lit(e.canonical)}${e.names.map((n) => ` ; i:name ${lit(n.name)}`).join('')} .\n`);
  for (const d of ds.disputes) out.push(`d:${d.id} i:question ${lit(d.question)} .\n`);
  for (const c of ds.claims) out.push(claimTurtle(c, isOrg));
  return out.join('');
}

const LINEAGE = PREDICATE_NAMES.filter((p) => PREDICATES[p].lineage).map(lit).join(', ');
const during = (v: string, lo: number, hi: number) => `OPTIONAL { ${v} i:lo ?lo_${v.slice(1)} } OPTIONAL { ${v} i:hi ?hi_${v.slice(1)} } FILTER ((!BOUND(?lo_${v.slice(1)}) || ?lo_${v.slice(1)} <= ${hi}) && (!BOUND(?hi_${v.slice(1)}) || ?hi_${v.slice(1)} >= ${lo}))`;

/** The benchmark's questions as SPARQL. */
export const SPARQL = {
  /** Names and every claim about the entity or asserted by it, with evidence. */
  profile: (e: string) => `${SPARQL_PREFIXES}SELECT ?c ?p ?s ?o ?time ?stance ?status ?who ?src ?quote ?name WHERE {
  { e:${e} i:name ?name } UNION {
    { ?c i:subject e:${e} } UNION { ?c i:object e:${e} } UNION { ?c i:claimant e:${e} }
    ?c i:predicate ?p ; i:subject ?s ; i:stance ?stance ; i:status ?status .
    OPTIONAL { ?c i:object ?o } OPTIONAL { ?c i:time ?time } OPTIONAL { ?c i:claimant ?who } OPTIONAL { ?c i:source ?src ; i:quote ?quote }
  } }`,
  /** What holds on the date for the organization and every form of its family. */
  asOf: (e: string, day: number) => `${SPARQL_PREFIXES}SELECT ?f ?c ?p ?s ?o ?stance WHERE {
  e:${e} (i:lineage|^i:lineage)* ?f .
  { ?c i:subject ?f } UNION { ?c i:object ?f }
  ?c i:predicate ?p ; i:subject ?s ; i:stance ?stance ; i:status "accepted" .
  OPTIONAL { ?c i:object ?o }
  ${during('?c', day, day)}
}`,
  /** Claims about the entity within the window, in time order. */
  timeline: (e: string, lo: number, hi: number) => `${SPARQL_PREFIXES}SELECT ?c ?p ?s ?o ?time ?lo_c WHERE {
  { ?c i:subject e:${e} } UNION { ?c i:object e:${e} } UNION { ?c i:claimant e:${e} }
  ?c i:predicate ?p ; i:subject ?s ; i:time ?time ; i:status "accepted" .
  OPTIONAL { ?c i:object ?o }
  ${during('?c', lo, hi)}
} ORDER BY ?lo_c`,
  /** Every lineage claim among the forms of the organization's family. */
  lineage: (e: string) => `${SPARQL_PREFIXES}SELECT ?f ?c ?p ?o ?time ?stance WHERE {
  e:${e} (i:lineage|^i:lineage)* ?f .
  ?c i:subject ?f ; i:predicate ?p ; i:object ?o ; i:stance ?stance .
  OPTIONAL { ?c i:time ?time }
  FILTER (?p IN (${LINEAGE}))
}`,
  /** Claims about the entity that are disputed (explicitly, or asserted and denied), with the other side. */
  disputes: (e: string) => `${SPARQL_PREFIXES}SELECT ?c ?c2 ?stance2 ?who2 ?q WHERE {
  { ?c i:subject e:${e} } UNION { ?c i:object e:${e} } UNION { ?c i:claimant e:${e} }
  { ?c i:dispute ?d . ?c2 i:dispute ?d . OPTIONAL { ?d i:question ?q } }
  UNION { ?c i:prop ?k ; i:stance ?s1 . ?c2 i:prop ?k ; i:stance ?s2 . FILTER (?s1 != ?s2) }
  ?c2 i:stance ?stance2 . OPTIONAL { ?c2 i:claimant ?who2 }
}`,
  /** The closest SPARQL has to fuzzy name search: names containing the query's rarest-looking word. */
  search: (word: string) => `${SPARQL_PREFIXES}SELECT ?e ?n WHERE { ?e i:name ?n . FILTER (CONTAINS(LCASE(?n), ${lit(word.toLowerCase())})) } LIMIT 20`,
  /** Relations that hold on the date, two hops out from the entity. */
  network: (e: string, day: number) => `${SPARQL_PREFIXES}SELECT ?c1 ?n ?c2 ?m WHERE {
  { ?c1 i:subject e:${e} ; i:object ?n } UNION { ?c1 i:object e:${e} ; i:subject ?n }
  ?c1 i:status "accepted" .
  ${during('?c1', day, day)}
  OPTIONAL {
    { ?c2 i:subject ?n ; i:object ?m } UNION { ?c2 i:object ?n ; i:subject ?m }
    ?c2 i:status "accepted" .
    ${during('?c2', day, day)}
  }
}`,
} as const;
