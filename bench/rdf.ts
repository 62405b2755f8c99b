/**
 * The benchmark's knowledge base as RDF for oxigraph: one statement node per claim (reified,
 * time-bounded) with subject, predicate, object, stance, status, claimant, dispute, proposition,
 * source and quote, and its time as integer day bounds (`lo`, `hi`, days since 1970; absent
 * when open) beside the EDTF text; entities with type and names; and direct edges for the
 * closures isnad walks, so SPARQL can walk them with a property path: `succ` for each succession
 * claim (renamed_to, merged_into, declared; the forms of the as-of view) and `family` for each
 * family claim between organizations (the lineage view's family), rejected claims left out. The questions of the store benchmark as SPARQL follow.
 */
import type { Claim, Dataset } from '../src/core/model.js';
import { claimantOf, propositionKey } from '../src/core/model.js';
import { PREDICATES, PREDICATE_NAMES } from '../src/core/vocabulary.js';
import { dayBounds } from '../src/store/day-bounds.js';
import { FAMILY_PREDICATES, SUCCESSION } from '../src/core/perspective/index.js';

const FAMILY = new Set(FAMILY_PREDICATES);

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
  if (c.object && c.status !== 'rejected') {
    if (SUCCESSION.has(c.predicate)) out += `e:${c.subject} i:succ e:${c.object} .\n`;
    if (FAMILY.has(c.predicate) && isOrg(c.subject) && isOrg(c.object)) out += `e:${c.subject} i:family e:${c.object} .\n`;
  }
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
  /** Names and every claim about the entity (as subject or object), with evidence. */
  profile: (e: string) => `${SPARQL_PREFIXES}SELECT ?c ?p ?s ?o ?time ?stance ?status ?who ?src ?quote ?name WHERE {
  { e:${e} i:name ?name } UNION {
    { ?c i:subject e:${e} } UNION { ?c i:object e:${e} }
    ?c i:predicate ?p ; i:subject ?s ; i:stance ?stance ; i:status ?status .
    OPTIONAL { ?c i:object ?o } OPTIONAL { ?c i:time ?time } OPTIONAL { ?c i:claimant ?who } OPTIONAL { ?c i:source ?src ; i:quote ?quote }
  } }`,
  /** Claims about the entity within the window, in time order. */
  timeline: (e: string, lo: number, hi: number) => `${SPARQL_PREFIXES}SELECT ?c ?p ?s ?o ?time ?lo_c WHERE {
  { ?c i:subject e:${e} } UNION { ?c i:object e:${e} } UNION { ?c i:claimant e:${e} }
  ?c i:predicate ?p ; i:subject ?s ; i:time ?time ; i:status ?st2 FILTER (?st2 = "accepted") .
  OPTIONAL { ?c i:object ?o }
  ${during('?c', lo, hi)}
} ORDER BY ?lo_c`,
  /** Claims about the entity that are disputed (explicitly, or asserted and denied), with the other side. */
  disputes: (e: string) => `${SPARQL_PREFIXES}SELECT ?c ?c2 ?stance2 ?who2 ?q WHERE {
  { ?c i:subject e:${e} } UNION { ?c i:object e:${e} } UNION { ?c i:claimant e:${e} }
  { ?c i:dispute ?d . ?c2 i:dispute ?d . OPTIONAL { ?d i:question ?q } }
  UNION { ?c i:prop ?k ; i:stance ?s1 . ?c2 i:prop ?k ; i:stance ?s2 . FILTER (?s1 != ?s2) }
  ?c2 i:stance ?stance2 . OPTIONAL { ?c2 i:claimant ?who2 }
}`,
  /** The closest SPARQL has to fuzzy name search: names containing the query's rarest-looking word. */
  search: (word: string) => `${SPARQL_PREFIXES}SELECT ?e ?n WHERE { ?e i:name ?n . FILTER (CONTAINS(LCASE(?n), ${lit(word.toLowerCase())})) } LIMIT 20`,
  /** Everything reachable from the entity over `edge` triples, either way (the entity included). */
  closure: (e: string, edge: 'succ' | 'family') => `${SPARQL_PREFIXES}SELECT DISTINCT ?f WHERE { e:${e} (i:${edge}|^i:${edge})* ?f }`,
  /** Accepted claims about any of the entities that may hold on the day (or undated). */
  holdingOn: (entities: readonly string[], day: number) => `${SPARQL_PREFIXES}SELECT ?f ?c ?p ?s ?o ?stance WHERE {
  VALUES ?f { ${entities.map((f) => `<${f}>`).join(' ')} }
  { ?c i:subject ?f } UNION { ?c i:object ?f }
  ?c i:predicate ?p ; i:subject ?s ; i:stance ?stance ; i:status ?st FILTER (?st = "accepted") .
  OPTIONAL { ?c i:object ?o }
  ${during('?c', day, day)}
}`,
  /** Lineage claims touching any of the entities. */
  lineageOf: (entities: readonly string[]) => `${SPARQL_PREFIXES}SELECT ?f ?c ?p ?o ?time ?stance WHERE {
  VALUES ?f { ${entities.map((f) => `<${f}>`).join(' ')} }
  { ?c i:subject ?f } UNION { ?c i:object ?f }
  ?c i:predicate ?p ; i:object ?o ; i:stance ?stance .
  OPTIONAL { ?c i:time ?time }
  FILTER (?p IN (${LINEAGE}))
}`,
  /** Accepted relations of any of the entities holding on the day, with the entity at the other end. */
  relationsOn: (entities: readonly string[], day: number) => `${SPARQL_PREFIXES}SELECT ?f ?c ?n WHERE {
  VALUES ?f { ${entities.map((f) => `<${f}>`).join(' ')} }
  { ?c i:subject ?f ; i:object ?n } UNION { ?c i:object ?f ; i:subject ?n }
  ?c i:status ?st FILTER (?st = "accepted") .
  ${during('?c', day, day)}
}`,
} as const;

/** Runs one SPARQL query (the store's `query`). */
export type Sparql = (query: string) => unknown;

const column = (rows: unknown, v: string): string[] => [...new Set((rows as Map<string, { value: string }>[]).map((b) => b.get(v)!.value))];
const iri = (e: string) => `urn:e:${e}`;

/**
 * The benchmark's questions asked of oxigraph as a SPARQL user would: one query where its
 * planner finds a good plan, and the closure first, then a `VALUES` query over its result, where
 * a property path joined with the claims would be planned as a scan of every claim (that took
 * 0.2–2 s a question at 100,000 claims; the two steps take milliseconds).
 */
export const OXIGRAPH = {
  profile: (q: Sparql, e: string) => q(SPARQL.profile(e)),
  asOf: (q: Sparql, e: string, day: number) => q(SPARQL.holdingOn(column(q(SPARQL.closure(e, 'succ')), 'f'), day)),
  timeline: (q: Sparql, e: string, lo: number, hi: number) => q(SPARQL.timeline(e, lo, hi)),
  lineage: (q: Sparql, e: string) => q(SPARQL.lineageOf(column(q(SPARQL.closure(e, 'family')), 'f'))),
  disputes: (q: Sparql, e: string) => q(SPARQL.disputes(e)),
  search: (q: Sparql, word: string) => q(SPARQL.search(word)),
  network: (q: Sparql, e: string, day: number) => {
    const first = q(SPARQL.relationsOn([iri(e)], day));
    const next = column(first, 'n').filter((n) => n !== iri(e));
    return next.length ? [first, q(SPARQL.relationsOn(next, day))] : [first];
  },
} as const;
